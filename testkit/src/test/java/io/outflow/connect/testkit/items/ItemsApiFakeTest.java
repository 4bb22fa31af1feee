package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.ManualClock;
import io.outflow.connect.testkit.TestHttp;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static io.outflow.connect.testkit.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemsApiFakeTest {

    private static final String TOKEN = "t";

    private final TestHttp http = new TestHttp();
    private final ManualClock clock = ManualClock.startingAtRoundSecond();
    private ItemsApiFake fake;

    @AfterEach
    void close() {
        if (fake != null) {
            fake.close();
        }
    }

    private ItemsApiFake start(UnaryOperator<ItemsApiFake.Builder> options) {
        fake = options.apply(ItemsApiFake.builder().token(TOKEN).clock(clock).seed(42)).build().start();
        return fake;
    }

    private HttpResponse<String> post(String path, String body) throws IOException {
        return http.postWithToken(fake.baseUrl() + path, TOKEN, body);
    }

    private HttpResponse<String> getJob(String id) throws IOException {
        return http.getWithToken(fake.baseUrl() + "/v1/jobs/" + id, TOKEN);
    }

    private static void assertJson(String expected, HttpResponse<String> response) {
        assertEquals(Json.parse(expected), json(response), response.body());
    }

    @Test
    void batchUpsertStoresFieldsAndReplacesRatherThanMerges() throws Exception {
        start(b -> b);
        HttpResponse<String> response = post("/v1/items/batch",
                "{\"items\":[{\"key\":\"k1\",\"fields\":{\"a\":1,\"b\":\"x\"}},{\"key\":\"k2\",\"fields\":{\"c\":true}}]}");
        assertEquals(200, response.statusCode());
        assertJson("{\"results\":[{\"index\":0,\"status\":\"ok\"},{\"index\":1,\"status\":\"ok\"}]}", response);
        assertEquals(Map.of("a", 1, "b", "x"), fake.item("k1").orElseThrow());
        assertEquals(Map.of("c", true), fake.item("k2").orElseThrow());

        post("/v1/items/batch", "{\"items\":[{\"key\":\"k1\",\"fields\":{\"b\":\"y\"}}]}");
        assertEquals(Map.of("b", "y"), fake.item("k1").orElseThrow(), "replace, not merge");
        assertEquals(2, fake.upsertCount("k1"));
        assertEquals(1, fake.upsertCount("k2"));
        assertEquals(3, fake.totalApplied());
        assertEquals(2, fake.items().size());
    }

    @Test
    void wrongOrMissingTokenIs401() throws Exception {
        start(b -> b);
        String body = "{\"items\":[{\"key\":\"k1\",\"fields\":{}}]}";
        HttpResponse<String> wrong = http.postWithToken(fake.baseUrl() + "/v1/items/batch", "nope", body);
        assertEquals(401, wrong.statusCode());
        assertJson("{\"error\":\"UNAUTHORIZED\",\"message\":\"invalid token\"}", wrong);
        assertEquals(401, http.post(fake.baseUrl() + "/v1/items/batch", body).statusCode());
        assertTrue(fake.items().isEmpty());

        fake.auth().replaceWith("t2");
        assertEquals(401, post("/v1/items/batch", body).statusCode(), "old token expired");
        assertEquals(200, http.postWithToken(fake.baseUrl() + "/v1/items/batch", "t2", body).statusCode());
    }

    @Test
    void duplicateKeyRejectsWholeBatch() throws Exception {
        start(b -> b);
        HttpResponse<String> response = post("/v1/items/batch", "{\"items\":["
                + "{\"key\":\"k1\",\"fields\":{}},{\"key\":\"k2\",\"fields\":{}},{\"key\":\"k1\",\"fields\":{}}]}");
        assertEquals(400, response.statusCode());
        assertJson("{\"error\":\"DUPLICATE_KEY\",\"message\":\"duplicate key in batch: k1\"}", response);
        assertTrue(fake.items().isEmpty(), "nothing applied");
    }

    @Test
    void tooLargeBatchRejectsWholeBatch() throws Exception {
        start(b -> b.maxBatchSize(2));
        HttpResponse<String> response = post("/v1/items/batch", "{\"items\":["
                + "{\"key\":\"a\",\"fields\":{}},{\"key\":\"b\",\"fields\":{}},{\"key\":\"c\",\"fields\":{}}]}");
        assertEquals(400, response.statusCode());
        assertEquals("BATCH_TOO_LARGE", json(response).path("error").asText());
        assertFalse(json(response).path("message").asText().isEmpty());
        assertTrue(fake.items().isEmpty());
        assertEquals(200, post("/v1/items/batch",
                "{\"items\":[{\"key\":\"a\",\"fields\":{}},{\"key\":\"b\",\"fields\":{}}]}").statusCode());
    }

    @Test
    void defaultMaxBatchSizeIs100() throws Exception {
        start(b -> b);
        assertEquals(200, post("/v1/items/batch", batchOf(100)).statusCode());
        assertEquals(400, post("/v1/items/batch", batchOf(101)).statusCode());
    }

    private static String batchOf(int n) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\",\"fields\":{\"n\":").append(i).append("}}");
        }
        return body.append("]}").toString();
    }

    @Test
    void itemWithoutKeyOrWithMalformedBodyIsInvalidRequest() throws Exception {
        start(b -> b);
        for (String body : List.of(
                "{\"items\":[{\"key\":\"ok\",\"fields\":{}},{\"fields\":{\"a\":1}}]}",
                "{\"items\":[{\"key\":\"\",\"fields\":{}}]}",
                "{\"items\":[{\"key\":5,\"fields\":{}}]}",
                "{\"items\":[{\"key\":\"k\",\"fields\":[1]}]}",
                "{\"things\":[]}",
                "not json")) {
            HttpResponse<String> response = post("/v1/items/batch", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("INVALID_REQUEST", json(response).path("error").asText(), body);
        }
        assertTrue(fake.items().isEmpty());
    }

    @Test
    void perItemValidationGivesPartialSuccessInInputOrder() throws Exception {
        start(b -> b);
        HttpResponse<String> response = post("/v1/items/batch", "{\"items\":["
                + "{\"key\":\"good\",\"fields\":{\"email\":\"a@b.c\",\"score\":100}},"
                + "{\"key\":\"bad-email\",\"fields\":{\"email\":\"nope\"}},"
                + "{\"key\":\"bad-score\",\"fields\":{\"score\":101}},"
                + "{\"key\":\"text-score\",\"fields\":{\"score\":\"50\"}},"
                + "{\"key\":\"also-good\",\"fields\":{\"score\":0,\"other\":\"no checks\"}}]}");
        assertEquals(200, response.statusCode());
        assertJson("{\"results\":["
                + "{\"index\":0,\"status\":\"ok\"},"
                + "{\"index\":1,\"status\":\"error\",\"error\":{\"code\":\"INVALID_EMAIL\",\"message\":\"email must contain @\",\"field\":\"email\"}},"
                + "{\"index\":2,\"status\":\"error\",\"error\":{\"code\":\"OUT_OF_RANGE\",\"message\":\"score must be a number between 0 and 100\",\"field\":\"score\"}},"
                + "{\"index\":3,\"status\":\"error\",\"error\":{\"code\":\"OUT_OF_RANGE\",\"message\":\"score must be a number between 0 and 100\",\"field\":\"score\"}},"
                + "{\"index\":4,\"status\":\"ok\"}]}", response);
        assertEquals(Map.of("good", 1, "also-good", 1), fake.upsertCounts());
        assertEquals(Optional.empty(), fake.item("bad-email"));
        assertEquals(2, fake.totalApplied());
    }

    @Test
    void deleteIsIdempotent() throws Exception {
        start(b -> b);
        post("/v1/items/batch", "{\"items\":[{\"key\":\"k1\",\"fields\":{}},{\"key\":\"k2\",\"fields\":{}}]}");
        HttpResponse<String> response = post("/v1/items/delete", "{\"keys\":[\"k1\",\"unknown\"]}");
        assertEquals(200, response.statusCode());
        assertJson("{\"results\":[{\"index\":0,\"status\":\"ok\"},{\"index\":1,\"status\":\"ok\"}]}", response);
        assertEquals(List.of("k2"), List.copyOf(fake.items().keySet()));
        assertEquals(List.of("k1", "unknown"), fake.deletedKeys());
        assertEquals(400, post("/v1/items/delete", "{\"keys\":[\"\"]}").statusCode());
    }

    @Test
    void jobGoesQueuedWorkingCompletedAndAppliesOnlyOnCompletion() throws Exception {
        start(b -> b.jobDelayMs(200));
        HttpResponse<String> created = post("/v1/jobs", "{\"items\":["
                + "{\"key\":\"k1\",\"fields\":{\"a\":1}},{\"key\":\"k2\",\"fields\":{\"email\":\"bad\"}}]}");
        assertEquals(202, created.statusCode());
        JsonNode job = json(created).path("job");
        String id = job.path("id").asText();
        assertEquals(36, id.length(), "a UUID");
        assertEquals("queued", job.path("status").asText());
        assertTrue(fake.items().isEmpty());

        clock.advanceMillis(99);
        assertJson("{\"job\":{\"id\":\"" + id + "\",\"status\":\"queued\"}}", getJob(id));
        clock.advanceMillis(1);
        assertJson("{\"job\":{\"id\":\"" + id + "\",\"status\":\"working\"}}", getJob(id));
        assertTrue(fake.items().isEmpty());

        clock.advanceMillis(100);
        assertJson("{\"job\":{\"id\":\"" + id + "\",\"status\":\"completed\",\"results\":["
                + "{\"index\":0,\"status\":\"ok\"},"
                + "{\"index\":1,\"status\":\"error\",\"error\":{\"code\":\"INVALID_EMAIL\",\"message\":\"email must contain @\",\"field\":\"email\"}}]}}",
                getJob(id));
        assertEquals(Map.of("a", 1), fake.item("k1").orElseThrow());
        assertEquals(1, fake.totalApplied());
        assertEquals(1L, fake.jobCounts().get("completed"));
    }

    @Test
    void jobCompletionIsVisibleWithoutPolling() throws Exception {
        start(b -> b.jobDelayMs(50));
        post("/v1/jobs", "{\"items\":[{\"key\":\"k1\",\"fields\":{}}]}");
        clock.advanceMillis(50);
        assertTrue(fake.item("k1").isPresent(), "state reads settle due jobs");
    }

    @Test
    void jobChecksTheSame400sBeforeQueueing() throws Exception {
        start(b -> b);
        HttpResponse<String> response = post("/v1/jobs",
                "{\"items\":[{\"key\":\"k\",\"fields\":{}},{\"key\":\"k\",\"fields\":{}}]}");
        assertEquals(400, response.statusCode());
        assertEquals("DUPLICATE_KEY", json(response).path("error").asText());
        assertEquals(0L, fake.jobCounts().get("queued"));
    }

    @Test
    void failedJobAppliesNothing() throws Exception {
        start(b -> b.jobFailureProbability(1.0).jobDelayMs(10));
        String id = json(post("/v1/jobs", "{\"items\":[{\"key\":\"k1\",\"fields\":{}}]}")).path("job").path("id").asText();
        clock.advanceMillis(10);
        assertJson("{\"job\":{\"id\":\"" + id + "\",\"status\":\"failed\",\"message\":\"internal error\"}}", getJob(id));
        assertTrue(fake.items().isEmpty());
    }

    @Test
    void unknownJobIs404() throws Exception {
        start(b -> b);
        assertEquals(404, getJob("00000000-0000-0000-0000-000000000000").statusCode());
    }

    @Test
    void moreThanMaxQueuedJobsIs429TooManyJobs() throws Exception {
        start(b -> b);
        String body = "{\"items\":[{\"key\":\"k\",\"fields\":{}}]}";
        for (int i = 0; i < 30; i++) {
            assertEquals(202, post("/v1/jobs", body).statusCode());
        }
        HttpResponse<String> refused = post("/v1/jobs", body);
        assertEquals(429, refused.statusCode());
        assertJson("{\"error\":\"TOO_MANY_JOBS\"}", refused);
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());

        clock.advanceMillis(200);
        assertEquals(202, post("/v1/jobs", body).statusCode(), "completed jobs free their slots");
        assertEquals(30, fake.upsertCount("k"));
    }

    @Test
    void rateLimitHeadersAnd429() throws Exception {
        start(b -> b.rateLimit(2, 2000));
        long t0 = clock.millis();
        String body = "{\"items\":[{\"key\":\"k\",\"fields\":{}}]}";

        HttpResponse<String> first = post("/v1/items/batch", body);
        assertEquals("2", first.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("1", first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals(Long.toString((t0 + 2000) / 1000), first.headers().firstValue("X-RateLimit-Reset").orElseThrow());

        clock.advanceMillis(500);
        HttpResponse<String> second = getJob("unknown");
        assertEquals(404, second.statusCode());
        assertEquals("0", second.headers().firstValue("X-RateLimit-Remaining").orElseThrow(), "job polls count too");

        clock.advanceMillis(1);
        HttpResponse<String> limited = post("/v1/items/batch", body);
        assertEquals(429, limited.statusCode());
        assertJson("{\"error\":\"RATE_LIMITED\"}", limited);
        assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow(), "1499 ms rounds up to 2 s");
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals(1, fake.upsertCount("k"));
        assertEquals(200, http.get(fake.baseUrl() + "/_fake/state").statusCode(), "inspection does not count");

        clock.advanceMillis(1499);
        HttpResponse<String> again = post("/v1/items/batch", body);
        assertEquals(200, again.statusCode());
        assertEquals(Long.toString((t0 + 500 + 2000 + 999) / 1000),
                again.headers().firstValue("X-RateLimit-Reset").orElseThrow(), "epoch seconds rounded up");
    }

    @Test
    void rateLimit429CanOmitRetryAfter() throws Exception {
        start(b -> b.rateLimit(1, 1000).retryAfterOnRateLimit(false));
        post("/v1/items/delete", "{\"keys\":[]}");
        HttpResponse<String> limited = post("/v1/items/delete", "{\"keys\":[]}");
        assertEquals(429, limited.statusCode());
        assertTrue(limited.headers().firstValue("Retry-After").isEmpty());
        assertTrue(limited.headers().firstValue("X-RateLimit-Reset").isPresent());
    }

    @Test
    void noRateHeadersWhenUnlimited() throws Exception {
        start(b -> b);
        assertTrue(post("/v1/items/delete", "{\"keys\":[]}").headers().firstValue("X-RateLimit-Limit").isEmpty());
    }

    @Test
    void dropAfterApplyStoresTheItemAndCountsIt() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.DROP_AFTER_APPLY)));
        assertThrows(IOException.class, () -> post("/v1/items/batch", "{\"items\":[{\"key\":\"k1\",\"fields\":{}}]}"));
        fake.faults().disable();
        post("/v1/items/batch", "{\"items\":[{\"key\":\"k1\",\"fields\":{}}]}");
        assertEquals(2, fake.upsertCount("k1"), "the retry is a duplicate");
        assertEquals(1, fake.faults().appliedThenDropped());
    }

    @Test
    void stateViewAndReset() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.HTTP_500)));
        post("/v1/items/batch", "{\"items\":[{\"key\":\"k1\",\"fields\":{\"a\":1}}]}");
        fake.faults().disable();
        post("/v1/items/batch", "{\"items\":[{\"key\":\"k1\",\"fields\":{\"a\":2}}]}");
        post("/v1/items/delete", "{\"keys\":[\"gone\"]}");

        JsonNode state = json(http.get(fake.baseUrl() + "/_fake/state"));
        assertEquals(2, state.path("items").path("k1").path("a").asInt());
        assertEquals(1, state.path("upserts").path("k1").asInt());
        assertEquals("gone", state.path("deletedKeys").path(0).asText());
        assertEquals(0, state.path("jobs").path("queued").asInt());

        assertEquals(4, fake.requestLog().size(), "inspection requests are logged too");
        assertEquals(3, fake.requestLog().count(e -> !e.inspection()));
        fake.reset();
        assertTrue(fake.items().isEmpty());
        assertTrue(fake.deletedKeys().isEmpty());
        assertEquals(0, fake.requestLog().size());
        assertEquals(0, fake.faults().totalInjected());
    }
}
