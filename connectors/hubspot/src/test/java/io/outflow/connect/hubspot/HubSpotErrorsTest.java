package io.outflow.connect.hubspot;

import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotErrorsTest {
    private static HttpResult answer(int status, String json, Map<String, List<String>> headers) {
        return new HttpResult(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTenSecondlyLimitWaitsForTheWindow() {
        Failure f = HubSpotErrors.classify(answer(429, "{\"status\":\"error\",\"message\":\"You have reached your "
                        + "ten_secondly_rolling limit.\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}",
                Map.of("X-HubSpot-RateLimit-Interval-Milliseconds", List.of("10000"))), 900_000, 0).orElseThrow();
        assertEquals(Failure.Kind.RATE_LIMITED, f.kind());
        assertEquals(10_000, f.waitMillis());
    }

    @Test
    void theDailyLimitPausesAndProbesLater() {
        Failure f = HubSpotErrors.classify(answer(429, "{\"status\":\"error\",\"message\":\"You have reached your daily"
                + " limit.\",\"policyName\":\"DAILY\"}", Map.of()), 900_000, 0).orElseThrow();
        assertEquals(Failure.Kind.QUOTA_EXHAUSTED, f.kind());
        assertEquals(900_000, f.waitMillis());
        assertEquals("DAILY", f.reason().code());
    }

    @Test
    void otherStatusesAreLeftToTheEngine() {
        assertTrue(HubSpotErrors.classify(answer(503, "{}", Map.of()), 1, 0).isEmpty());
    }

    @Test
    void errorsAreDescribedByCategoryAndMessage() {
        assertEquals("HTTP 401 INVALID_AUTHENTICATION: Authentication credentials not found.",
                HubSpotErrors.describe(answer(401, "{\"status\":\"error\",\"message\":\"Authentication credentials "
                        + "not found.\",\"category\":\"INVALID_AUTHENTICATION\"}", Map.of())).toString());
    }
}
