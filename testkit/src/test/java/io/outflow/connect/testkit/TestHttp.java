package io.outflow.connect.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.Json;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real java.net.http client for tests of the fakes: HTTP/1.1, string bodies, checked IOException kept. */
public final class TestHttp {

    private final HttpClient client;
    private Duration timeout = Duration.ofSeconds(10);

    public TestHttp() {
        this(HttpClient.newBuilder());
    }

    public TestHttp(SSLContext sslContext) {
        this(HttpClient.newBuilder().sslContext(sslContext));
    }

    private TestHttp(HttpClient.Builder builder) {
        this.client = builder.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Per-request timeout (default 10 s). */
    public TestHttp timeout(Duration requestTimeout) {
        this.timeout = requestTimeout;
        return this;
    }

    /** headers: name, value, name, value ... */
    public HttpResponse<String> get(String url, String... headers) throws IOException {
        return send(request(url, headers).GET().build());
    }

    public HttpResponse<String> post(String url, String body, String... headers) throws IOException {
        return send(request(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POST with {@code Authorization: Bearer <token>}. */
    public HttpResponse<String> postWithToken(String url, String token, String body) throws IOException {
        return post(url, body, "Authorization", "Bearer " + token);
    }

    public HttpResponse<String> getWithToken(String url, String token) throws IOException {
        return get(url, "Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }
}
