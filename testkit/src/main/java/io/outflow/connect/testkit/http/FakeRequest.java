package io.outflow.connect.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a route handler sees of a request: decoded path, path parameters, query parameters,
 * case-insensitive headers and the body (raw, as text, or parsed JSON on first use).
 */
public final class FakeRequest {

    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> queryParams;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private volatile JsonNode json;

    private FakeRequest(String method, String path, Map<String, String> pathParams,
                        Map<String, List<String>> queryParams, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.queryParams = queryParams;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Builds a request; {@code rawQuery} is the undecoded query string (may be null).
     * Public so pipelines and handlers can be unit-tested without a socket.
     */
    public static FakeRequest of(String method, String path, String rawQuery,
                                 Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> ciHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> ciHeaders.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        return new FakeRequest(method.toUpperCase(Locale.ROOT), path, Map.of(), parseQuery(rawQuery),
                ciHeaders, body == null ? new byte[0] : body.clone());
    }

    /** Returns a copy carrying the parameters extracted from the matched path pattern. */
    FakeRequest withPathParams(Map<String, String> params) {
        FakeRequest copy = new FakeRequest(method, path, Map.copyOf(params), queryParams, headers, body);
        copy.json = json;
        return copy;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The value of a {@code {name}} segment of the route pattern, or null. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    /** The first value of a query parameter, if any. */
    public Optional<String> queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> queryParams() {
        return Collections.unmodifiableMap(queryParams);
    }

    /** The first value of a header (name is case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** The token of an {@code Authorization: Bearer <token>} header. */
    public Optional<String> bearerToken() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(auth.substring(7).trim());
    }

    /** The decoded {@code user:password} of an {@code Authorization: Basic ...} header. */
    public Optional<String> basicCredentials() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(auth.substring(6).trim());
            return Optional.of(new String(decoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed as JSON, parsed once on first use. An empty or malformed body ends the request
     * with 400 {"error":"INVALID_REQUEST"} because that is what every JSON API we imitate does.
     */
    public JsonNode json() {
        JsonNode parsed = json;
        if (parsed == null) {
            try {
                parsed = body.length == 0 ? null : Json.parse(body);
            } catch (IOException e) {
                parsed = null;
            }
            if (parsed == null) {
                throw FakeHttpException.error(400, "INVALID_REQUEST", "body is not valid JSON");
            }
            json = parsed;
        }
        return parsed;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
