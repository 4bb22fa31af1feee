package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.ManualClock;
import io.outflow.connect.testkit.http.Json;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Starts a fake on a manual clock with a 200 ms job delay, and talks to it with the API token. */
abstract class ZendeskFakeTestSupport {

    static final String EMAIL = "admin@acme.test";
    static final String API_TOKEN = "api-token-1";
    static final String OAUTH_TOKEN = "oauth-token-1";
    static final long JOB_DELAY_MS = 200;

    final ManualClock clock = ManualClock.startingAtRoundSecond();
    ZendeskFake fake;
    ZendeskClient api;

    @AfterEach
    void closeFake() {
        if (fake != null) {
            fake.close();
        }
    }

    ZendeskFake start(UnaryOperator<ZendeskFake.Builder> options) {
        ZendeskFake.Builder builder = ZendeskFake.builder().apiToken(EMAIL, API_TOKEN).oauthToken(OAUTH_TOKEN)
                .jobDelay(java.time.Duration.ofMillis(JOB_DELAY_MS)).clock(clock).seed(42);
        fake = options.apply(builder).build().start();
        api = ZendeskClient.apiToken(fake.baseUrl(), EMAIL, API_TOKEN);
        return fake;
    }

    HttpResponse<String> upsertUsers(String usersArray) throws IOException {
        return api.post("/api/v2/users/create_or_update_many", "{\"users\":" + usersArray + "}");
    }

    /** Submits users, expects 200 and returns the job id. */
    String submitUsers(String usersArray) throws IOException {
        HttpResponse<String> response = upsertUsers(usersArray);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).path("job_status").path("id").asText();
    }

    HttpResponse<String> jobStatus(String id) throws IOException {
        return api.get("/api/v2/job_statuses/" + id);
    }

    /** Lets the job finish and returns its job_status. */
    JsonNode finish(String id) throws IOException {
        clock.advanceMillis(JOB_DELAY_MS);
        HttpResponse<String> response = jobStatus(id + ".json");
        assertEquals(200, response.statusCode(), response.body());
        return json(response).path("job_status");
    }

    static JsonNode json(HttpResponse<String> response) {
        return ZendeskClient.json(response);
    }

    static void assertJson(String expected, JsonNode actual) {
        assertEquals(Json.parse(expected), actual, actual.toString());
    }
}
