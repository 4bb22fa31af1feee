package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth, rate limit, faults and the inspection view. */
class ZendeskFakeHttpTest extends ZendeskFakeTestSupport {

    private static final String ONE_USER = "{\"users\":[{\"external_id\":\"u1\",\"name\":\"A\"}]}";
    private static final String PATH = "/api/v2/users/create_or_update_many";

    @Test
    void apiTokenAndOauthAreBothAcceptedAnythingElseIs401() throws Exception {
        start(b -> b);
        assertEquals(200, api.post(PATH, ONE_USER).statusCode());
        assertEquals(200, ZendeskClient.oauth(fake.baseUrl(), OAUTH_TOKEN).post(PATH, ONE_USER).statusCode());

        for (ZendeskClient client : new ZendeskClient[]{
                ZendeskClient.anonymous(fake.baseUrl()),
                ZendeskClient.oauth(fake.baseUrl(), "wrong"),
                ZendeskClient.apiToken(fake.baseUrl(), EMAIL, "wrong"),
                ZendeskClient.apiToken(fake.baseUrl(), "other@acme.test", API_TOKEN)}) {
            HttpResponse<String> refused = client.post(PATH, ONE_USER);
            assertEquals(401, refused.statusCode());
            assertJson("{\"error\":\"Couldn't authenticate you\"}", json(refused));
        }
        fake.oauthAuth().revokeAll();
        assertEquals(401, ZendeskClient.oauth(fake.baseUrl(), OAUTH_TOKEN).get("/api/v2/job_statuses/x").statusCode());
        assertEquals(2L, fake.jobCounts().get("queued"));
    }

    @Test
    void rateLimitHeadersOnEveryAnswerAnd429WithRetryAfter() throws Exception {
        start(b -> b.rateLimit(3, 60_000));
        HttpResponse<String> first = api.post(PATH, ONE_USER);
        assertEquals("3", first.headers().firstValue("X-Rate-Limit").orElseThrow());
        assertEquals("2", first.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());

        clock.advanceMillis(10_000);
        HttpResponse<String> poll = api.get("/api/v2/job_statuses/" + json(first).path("job_status").path("id").asText());
        assertEquals("1", poll.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow(), "polls count too");
        HttpResponse<String> notFound = api.get("/api/v2/job_statuses/unknown");
        assertEquals(404, notFound.statusCode());
        assertEquals("0", notFound.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow(), "errors count too");

        HttpResponse<String> limited = api.post(PATH, ONE_USER);
        assertEquals(429, limited.statusCode());
        assertEquals("50", limited.headers().firstValue("Retry-After").orElseThrow(), "until the first request leaves");
        assertTrue(limited.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertEquals("Number of allowed API requests per minute exceeded", limited.body());
        assertEquals("0", limited.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        assertEquals(1, fake.tooManyRequestsCount());
        assertEquals(0, fake.jobQueueFullCount(), "a rate-limit 429 is not a full job queue");
        assertEquals(200, ZendeskClient.anonymous(fake.baseUrl()).get("/_fake/state").statusCode(),
                "inspection is never limited");

        clock.advanceMillis(50_000);
        assertEquals(200, api.post(PATH, ONE_USER).statusCode());
    }

    @Test
    void defaultRateLimitIs200PerMinute() throws Exception {
        start(b -> b);
        HttpResponse<String> response = api.post(PATH, ONE_USER);
        assertEquals("200", response.headers().firstValue("X-Rate-Limit").orElseThrow());
        assertEquals("199", response.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
    }

    @Test
    void injected500UsesZendesksEnvelopeAndAppliesNothing() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.HTTP_500)));
        HttpResponse<String> failed = api.post(PATH, ONE_USER);
        assertEquals(500, failed.statusCode());
        assertEquals("InternalError", json(failed).path("error").asText());
        assertEquals(0L, fake.jobCounts().get("queued"));
        assertEquals(1, fake.faults().count(FaultKind.HTTP_500));
    }

    @Test
    void injected429LooksLikeTheRateLimit() throws Exception {
        start(b -> b.faults(FaultPlan.builder().rateLimited(1.0).retryAfterSeconds(7).build()));
        HttpResponse<String> limited = api.get("/api/v2/job_statuses/x");
        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("Number of allowed API requests per minute exceeded", limited.body());
    }

    @Test
    void dropAfterApplyMakesTheRetryADuplicateWrite() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.DROP_AFTER_APPLY)));
        String org = "{\"organization\":{\"external_id\":\"org-1\",\"name\":\"Acme\"}}";
        assertThrows(IOException.class, () -> api.post("/api/v2/organizations/create_or_update", org));
        fake.faults().disable();
        assertEquals(200, api.post("/api/v2/organizations/create_or_update", org).statusCode(), "already created");
        assertEquals(2, fake.organizationWriteCount("org-1"));
        assertEquals(1, fake.faults().appliedThenDropped());
    }

    @Test
    void stateViewAndReset() throws Exception {
        start(b -> b);
        finish(json(api.post(PATH, ONE_USER)).path("job_status").path("id").asText());
        api.post("/api/v2/organizations/create_or_update", "{\"organization\":{\"external_id\":\"o1\",\"name\":\"O\"}}");

        JsonNode state = json(ZendeskClient.anonymous(fake.baseUrl()).get("/_fake/state"));
        assertEquals("A", state.path("users").path("u1").path("name").asText());
        assertEquals(1, state.path("userWrites").path("u1").asInt());
        assertEquals("O", state.path("organizations").path("o1").path("name").asText());
        assertEquals(1, state.path("jobs").path("completed").asInt());
        assertEquals(0, state.path("tooManyRequests").asInt());
        assertTrue(state.path("deletedUsers").isArray());

        fake.reset();
        assertTrue(fake.users().isEmpty());
        assertTrue(fake.organizations().isEmpty());
        assertEquals(0L, fake.jobCounts().get("completed"));
        assertEquals(0, fake.requestLog().size());
        assertEquals(200, api.post(PATH, ONE_USER).statusCode(), "auth is kept");
    }
}
