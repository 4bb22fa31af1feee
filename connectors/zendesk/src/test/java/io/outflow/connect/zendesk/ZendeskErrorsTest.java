package io.outflow.connect.zendesk;

import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZendeskErrorsTest {
    private static final HttpRequestSpec USERS = HttpRequestSpec.post(UserUpsert.PATH).build();
    private static final HttpRequestSpec POLL = HttpRequestSpec.get(JobCall.JOB_STATUSES_PATH + "abc").build();
    private static final HttpRequestSpec DELETE = HttpRequestSpec.delete(DestroyMany.USERS_PATH
            + "?external_ids=a").build();

    private static HttpResult answer(int status, String body, Map<String, List<String>> headers) {
        return new HttpResult(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Failure> classify(HttpRequestSpec request, HttpResult response) {
        return ZendeskErrors.classify(request, response, "zendesk.email and zendesk.api.token", 5000, 0);
    }

    @Test
    void a403ToBulkUpsertFailsTheTaskSayingBulkImportMustBeEnabledByZendesk() {
        Failure f = classify(USERS, answer(403, "{\"error\":\"Forbidden\",\"description\":\"You do not have "
                + "access\"}", Map.of())).orElseThrow();
        assertEquals(Failure.Kind.FATAL, f.kind());
        assertEquals(ZendeskErrors.BULK_IMPORT_DISABLED, f.reason().code());
        assertTrue(f.reason().message().contains("bulk user import must be enabled by Zendesk"), f.reason().message());
    }

    @Test
    void aFullJobQueueIsARateLimitWaitForRetryAfter() {
        Failure f = classify(USERS, answer(429, "{\"error\":\"TooManyJobs\",\"description\":\"The job queue is "
                + "full\"}", Map.of("Retry-After", List.of("3")))).orElseThrow();
        assertEquals(Failure.Kind.RATE_LIMITED, f.kind());
        assertEquals(3000, f.waitMillis());
        assertEquals("TooManyJobs", f.reason().code());
    }

    @Test
    void aFullJobQueueWithoutRetryAfterWaitsTheConfiguredTime() {
        Failure f = classify(DELETE, answer(429, "{\"error\":\"TooManyJobs\"}", Map.of())).orElseThrow();
        assertEquals(Failure.Kind.RATE_LIMITED, f.kind());
        assertEquals(5000, f.waitMillis());
    }

    @Test
    void theAccountRateLimitIsLeftToTheEngineWhichWaitsForRetryAfter() {
        assertTrue(classify(USERS, answer(429, "Number of allowed API requests per minute exceeded",
                Map.of("Retry-After", List.of("7")))).isEmpty());
        long wait = ZendeskDestination.RATE_LIMIT_SIGNALS.retryAfterMillis(answer(429, "x",
                Map.of("Retry-After", List.of("7"))), 0);
        assertEquals(7000, wait);
    }

    @Test
    void rateLimitHeadersHoldBackBeforeA429() {
        double paced = 198 / 60.0; // the connector's budget at Zendesk's default 200 per minute, 1% in reserve
        HttpResult usedUp = answer(200, "{}", Map.of("X-Rate-Limit", List.of("200"),
                "X-Rate-Limit-Remaining", List.of("0")));
        assertEquals(4 * 300, ZendeskDestination.RATE_LIMIT_SIGNALS.holdMillis(usedUp, 3, paced, 0),
                "a full minute: one request's share (60 s / 200) for each request ahead");
        // No reset header: requests age out of the minute while others are in flight, so a budget the engine's
        // pacing uses fully is not held back; without a budget, the requests in flight use up what remains.
        HttpResult lastOne = answer(200, "{}", Map.of("X-Rate-Limit", List.of("200"),
                "X-Rate-Limit-Remaining", List.of("1")));
        assertEquals(0, ZendeskDestination.RATE_LIMIT_SIGNALS.holdMillis(lastOne, 3, paced, 0));
        assertEquals(3 * 300, ZendeskDestination.RATE_LIMIT_SIGNALS.holdMillis(lastOne, 3, Double.POSITIVE_INFINITY,
                0));
        HttpResult plenty = answer(200, "{}", Map.of("X-Rate-Limit", List.of("200"),
                "X-Rate-Limit-Remaining", List.of("150")));
        assertEquals(0, ZendeskDestination.RATE_LIMIT_SIGNALS.holdMillis(plenty, 3, Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void aJobZendeskNoLongerKnowsIsSentAgain() {
        Failure f = classify(POLL, answer(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}",
                Map.of())).orElseThrow();
        assertEquals(Failure.Kind.RESTART, f.kind());
    }

    @Test
    void otherAnswersAreLeftToTheEngine() {
        assertTrue(classify(USERS, answer(503, "{}", Map.of())).isEmpty());
        assertTrue(classify(POLL, answer(403, "{}", Map.of())).isEmpty());
    }

    @Test
    void recordInvalidNamesTheFieldAndEveryDetail() {
        Reason reason = ZendeskErrors.describe(answer(422, "{\"error\":\"RecordInvalid\",\"description\":\"Record "
                + "validation errors\",\"details\":{\"name\":[{\"description\":\"Name: has already been taken\","
                + "\"error\":\"DuplicateValue\"}]}}", Map.of()));
        assertEquals("RecordInvalid", reason.code());
        assertEquals("name", reason.field());
        assertEquals("Record validation errors; Name: has already been taken", reason.message());
    }

    @Test
    void otherErrorShapesAreRead() {
        assertEquals("HTTP 401 Couldn't authenticate you",
                ZendeskErrors.describe(answer(401, "{\"error\":\"Couldn't authenticate you\"}", Map.of())).toString());
        Reason titled = ZendeskErrors.describe(answer(403, "{\"error\":{\"title\":\"Forbidden\",\"message\":"
                + "\"You do not have access to this page\"}}", Map.of()));
        assertEquals("Forbidden", titled.code());
        Reason text = ZendeskErrors.describe(answer(429, "Number of allowed API requests per minute exceeded",
                Map.of()));
        assertEquals("Number of allowed API requests per minute exceeded", text.message());
    }
}
