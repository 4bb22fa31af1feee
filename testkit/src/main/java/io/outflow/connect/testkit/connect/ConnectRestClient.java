package io.outflow.connect.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A minimal JSON client for the worker REST API, used where EmbeddedConnect's own helpers hide the status
 * code or log an error for an expected 404 (connector status before the connector exists), and for workers
 * started as processes.
 */
public final class ConnectRestClient {

    /** Status and parsed body (null when the body is empty or not JSON). */
    public record Reply(int status, JsonNode body, String rawBody) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Supplier<String> baseUrl;

    ConnectRestClient(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A client of the worker whose REST API is at {@code baseUrl}, e.g. http://localhost:8083. */
    public static ConnectRestClient at(String baseUrl) {
        return new ConnectRestClient(() -> baseUrl);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Reply post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply put(String path, Object jsonBody) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(jsonBody))));
    }

    private URI uri(String path) {
        return URI.create(baseUrl.get() + path);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Connect REST request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during Connect REST request", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
