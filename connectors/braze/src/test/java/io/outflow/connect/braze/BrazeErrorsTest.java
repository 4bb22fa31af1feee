package io.outflow.connect.braze;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.engine.HttpFailureClassifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Braze's non-2xx answers, as the engine sees them through the destination. */
class BrazeErrorsTest {
    private static final long NOW = 1_768_435_200_000L; // 2026-01-15T00:00:00Z
    private final Destination braze = BrazeDestination.create(new OutflowSinkConfig(BrazeConfig.def(), Map.of(
            BrazeConfig.API_URL_CONFIG, "https://rest.iad-01.braze.com",
            BrazeConfig.API_KEY_CONFIG, "key")), null);

    private static HttpResult answer(int status, String json, Map<String, List<String>> headers) {
        return new HttpResult(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** What the engine does with an answer: the destination's own rules first, then its HTTP classification. */
    private Failure engineFailure(HttpResult response) {
        return braze.classify(HttpRequestSpec.post(BrazeTrack.PATH).build(), response)
                .orElseGet(() -> HttpFailureClassifier.classify(braze, response, NOW));
    }

    @Test
    void a429WaitsUntilTheResetWhateverTheHeadersCase() {
        long reset = NOW / 1000 + 2;
        for (String name : List.of("x-ratelimit-reset", "X-ratelimit-reset", "X-RateLimit-Reset")) {
            Failure f = BrazeErrors.classify(answer(429, "{\"message\":\"Rate Limited\"}",
                    Map.of(name, List.of(Long.toString(reset)), "x-ratelimit-remaining", List.of("0"))), NOW)
                    .orElseThrow();
            assertEquals(Failure.Kind.RATE_LIMITED, f.kind());
            assertEquals(2000, f.waitMillis(), name);
            assertEquals("Rate Limited", f.reason().message());
        }
    }

    @Test
    void aRetryAfterWinsOverTheReset() {
        Failure f = BrazeErrors.classify(answer(429, "{}", Map.of("Retry-After", List.of("1"),
                "X-RateLimit-Reset", List.of(Long.toString(NOW / 1000 + 30)))), NOW).orElseThrow();
        assertEquals(1000, f.waitMillis());
    }

    @Test
    void aResetAlreadyPastLeavesTheWaitToTheEnginesGrowingBackoff() {
        Failure f = BrazeErrors.classify(answer(429, "{}",
                Map.of("X-RateLimit-Reset", List.of(Long.toString(NOW / 1000 - 5)))), NOW).orElseThrow();
        assertEquals(Failure.UNKNOWN_WAIT, f.waitMillis());
    }

    @Test
    void a429WithoutHeadersWaitsOneWindow() {
        assertEquals(BrazeErrors.WINDOW_MS, BrazeErrors.classify(answer(429, "{}", Map.of()), NOW)
                .orElseThrow().waitMillis());
    }

    @Test
    void rateLimitHeadersHoldBackNewRequestsBeforeA429() {
        long reset = NOW / 1000 + 3;
        HttpResult nearlyUsedUp = answer(201, "{\"message\":\"success\"}", Map.of(
                "X-ratelimit-limit", List.of("3000"), "X-ratelimit-remaining", List.of("1"),
                "X-ratelimit-reset", List.of(Long.toString(reset))));
        assertEquals(3000, braze.rateLimitSignals().holdMillis(nearlyUsedUp, 2, Double.POSITIVE_INFINITY, NOW));
        HttpResult plenty = answer(201, "{}", Map.of("X-ratelimit-remaining", List.of("2500"),
                "X-ratelimit-reset", List.of(Long.toString(reset))));
        assertEquals(0, braze.rateLimitSignals().holdMillis(plenty, 2, Double.POSITIVE_INFINITY, NOW));
    }

    @Test
    void maxInputLengthExceededIsABatchTheEngineNarrowsDown() {
        Failure f = engineFailure(answer(400, "{\"message\":\"Max Input Length Exceeded\",\"errors\":"
                + "[{\"type\":\"76 objects\"}]}", Map.of()));
        assertEquals(Failure.Kind.REJECT_BATCH, f.kind());
        assertEquals("HTTP 400: Max Input Length Exceeded: 76 objects", f.reason().toString());
    }

    @Test
    void aRefusedOneObjectRequestCarriesThatObjectsReason() {
        Failure f = engineFailure(answer(400, "{\"message\":\"Valid data must be provided in the 'attributes', "
                + "'events', or 'purchases' fields.\",\"errors\":[{\"type\":\"'time' is not valid\","
                + "\"input_array\":\"events\",\"index\":0}]}", Map.of()));
        assertEquals(Failure.Kind.REJECT_BATCH, f.kind());
        assertTrue(f.reason().message().endsWith(": 'time' is not valid"), f.reason().message());
    }

    @Test
    void otherAnswersAreTheEnginesAsUsual() {
        assertEquals(Failure.Kind.UNAUTHORIZED, engineFailure(answer(401, "{\"message\":\"Invalid API Key\"}",
                Map.of())).kind());
        assertEquals(Failure.Kind.TRANSIENT, engineFailure(answer(503, "{\"message\":\"Service Unavailable\"}",
                Map.of())).kind());
        assertEquals(Failure.Kind.FATAL, engineFailure(answer(403, "{}", Map.of())).kind());
        assertEquals("braze.api.key", braze.credentialHint());
    }
}
