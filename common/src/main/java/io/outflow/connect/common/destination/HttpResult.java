package io.outflow.connect.common.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A response as a destination reads it: status, headers looked up case-insensitively, body. */
public final class HttpResult {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private JsonNode json;

    public HttpResult(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> byName.merge(k, v, (a, b) -> {
                List<String> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return all;
            }));
        }
        this.headers = Collections.unmodifiableMap(byName);
        this.body = body == null ? new byte[0] : body;
    }

    public int status() {
        return status;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, whatever its case on the wire (Braze sends lowercase over HTTP/2). */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or a missing node when it is empty or not JSON. Parsed once. */
    public JsonNode json() {
        if (json == null) {
            json = parse();
        }
        return json;
    }

    private JsonNode parse() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public String toString() {
        return "HTTP " + status + (header("content-type") == null ? ""
                : " " + header("content-type").toLowerCase(Locale.ROOT));
    }
}
