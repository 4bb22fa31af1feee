package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.ManualClock;
import io.outflow.connect.testkit.TestHttp;
import io.outflow.connect.testkit.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Starts a fake on a manual clock and talks to it over real HTTP, as a connector would. */
final class HubSpotTestClient implements AutoCloseable {

    static final String TOKEN = "pat-na1-test";

    final ManualClock clock = ManualClock.startingAtRoundSecond();
    final TestHttp http = new TestHttp();
    final HubSpotFake fake;

    HubSpotTestClient(UnaryOperator<HubSpotFake.Builder> options) {
        fake = options.apply(HubSpotFake.builder().accessToken(TOKEN).clock(clock).seed(42)).build().start();
    }

    HttpResponse<String> upsert(String objectType, String body) throws IOException {
        return post(HubSpotFake.upsertPath(objectType), body);
    }

    HttpResponse<String> read(String objectType, String body) throws IOException {
        return post(HubSpotFake.readPath(objectType), body);
    }

    HttpResponse<String> archive(String objectType, String body) throws IOException {
        return post(HubSpotFake.archivePath(objectType), body);
    }

    HttpResponse<String> post(String path, String body) throws IOException {
        return http.postWithToken(fake.baseUrl() + path, TOKEN, body);
    }

    HttpResponse<String> postWithToken(String path, String token, String body) throws IOException {
        return http.postWithToken(fake.baseUrl() + path, token, body);
    }

    /** The token endpoint takes a form body, not JSON. */
    HttpResponse<String> token(String form) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + HubSpotFake.TOKEN_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {"inputs":[{"idProperty":"email","id":<email>,"properties":{<name>:<value>,..}}]} from pairs. */
    static String contact(String email, String... nameValues) {
        StringBuilder json = new StringBuilder("{\"idProperty\":\"email\",\"id\":\"").append(email)
                .append("\",\"properties\":{");
        for (int i = 0; i < nameValues.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(nameValues[i]).append("\":\"")
                    .append(nameValues[i + 1]).append('"');
        }
        return json.append("}}").toString();
    }

    static String inputs(String... inputs) {
        return "{\"inputs\":[" + String.join(",", inputs) + "]}";
    }

    static JsonNode json(HttpResponse<String> response) {
        return TestHttp.json(response);
    }

    static void assertJson(String expected, JsonNode actual) {
        assertEquals(Json.parse(expected), actual, actual.toString());
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public void close() {
        fake.close();
    }
}
