package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A java.net.http client for the Zendesk fake's tests: one Authorization header, GET / POST / DELETE. */
final class ZendeskClient {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    private ZendeskClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Basic {email}/token:{token}, as Zendesk's API-token auth. */
    static ZendeskClient apiToken(String baseUrl, String email, String token) {
        String credentials = email + "/token:" + token;
        return new ZendeskClient(baseUrl,
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    static ZendeskClient oauth(String baseUrl, String token) {
        return new ZendeskClient(baseUrl, "Bearer " + token);
    }

    static ZendeskClient anonymous(String baseUrl) {
        return new ZendeskClient(baseUrl, null);
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String body) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) throws IOException {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }
}
