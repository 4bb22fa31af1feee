package io.outflow.connect.testkit.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable HTTP answer of a fake. Headers are case-insensitive and single-valued per name,
 * which is all the vendor contracts we imitate need.
 */
public final class FakeResponse {

    public static final String CONTENT_TYPE = "Content-Type";
    public static final String APPLICATION_JSON = "application/json";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private FakeResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public static FakeResponse empty(int status) {
        return new FakeResponse(status, new TreeMap<>(String.CASE_INSENSITIVE_ORDER), new byte[0]);
    }

    /** A JSON answer; value is a JsonNode, Map, List or POJO. */
    public static FakeResponse json(int status, Object value) {
        return empty(status).withBody(Json.bytes(value)).withHeader(CONTENT_TYPE, APPLICATION_JSON);
    }

    /** The common error shape {"error": code, "message": message}; a null message is left out. */
    public static FakeResponse error(int status, String code, String message) {
        var body = Json.object().put("error", code);
        if (message != null) {
            body.put("message", message);
        }
        return json(status, body);
    }

    public static FakeResponse text(int status, String text) {
        return empty(status).withBody(text.getBytes(StandardCharsets.UTF_8))
                .withHeader(CONTENT_TYPE, "text/plain; charset=utf-8");
    }

    /** Returns a copy with the header set (replacing any value of the same name). */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, value);
        return new FakeResponse(status, copy, body);
    }

    public FakeResponse withBody(byte[] newBody) {
        return new FakeResponse(status, headers, newBody.clone());
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** The header value, or null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "FakeResponse{" + status + ", headers=" + headers + ", body=" + bodyAsString() + "}";
    }
}
