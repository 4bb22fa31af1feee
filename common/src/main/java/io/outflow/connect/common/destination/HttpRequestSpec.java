package io.outflow.connect.common.destination;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a destination wants sent. The path is resolved against the destination's base URL unless it is
 * absolute (an async job's status URL, say). The engine adds authentication; destinations never see secrets.
 */
public final class HttpRequestSpec {
    public static final String JSON = "application/json";

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;

    private HttpRequestSpec(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.contentType = b.contentType;
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    public static Builder method(String method, String path) {
        return new Builder(method, path);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null for none. Shared, not copied: do not modify. */
    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isAbsolute() {
        return path.startsWith("http://") || path.startsWith("https://");
    }

    @Override
    public String toString() {
        // Never the body: it holds record values.
        return method + " " + path;
    }

    /** Builds a request. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder jsonBody(byte[] json) {
            this.body = json;
            this.contentType = JSON;
            return this;
        }

        public Builder body(byte[] bytes, String contentType) {
            this.body = bytes;
            this.contentType = contentType;
            return this;
        }

        public Builder formBody(String urlEncodedForm) {
            this.body = urlEncodedForm.getBytes(StandardCharsets.UTF_8);
            this.contentType = "application/x-www-form-urlencoded";
            return this;
        }

        public HttpRequestSpec build() {
            return new HttpRequestSpec(this);
        }
    }
}
