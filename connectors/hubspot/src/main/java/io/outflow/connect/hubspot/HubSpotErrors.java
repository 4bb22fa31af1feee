package io.outflow.connect.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RetryAfter;

import java.util.Optional;

/**
 * How HubSpot reports errors. The error body carries {@code status}, {@code category} and {@code message}
 * (StandardError / Error in the CRM objects spec). A 429 names its {@code policyName}: TEN_SECONDLY_ROLLING waits
 * for the window, DAILY means the day's quota is gone (usage guidelines).
 */
final class HubSpotErrors {
    static final String TEN_SECONDLY = "TEN_SECONDLY_ROLLING";
    static final String DAILY = "DAILY";
    static final long DEFAULT_WINDOW_MS = 10_000;

    private HubSpotErrors() {
    }

    static Reason describe(HttpResult response) {
        JsonNode body = response.json();
        String category = body.path("category").asText(null);
        String message = body.path("message").asText(response.isSuccess() ? "" : "no error message");
        return Reason.of(response.status(), category, message);
    }

    /** Reads one StandardError of a 207 answer. */
    static Reason describe(int status, JsonNode error) {
        String category = error.path("category").asText(null);
        Reason reason = Reason.of(status, category, error.path("message").asText(""));
        JsonNode details = error.path("errors");
        if (details.isArray() && details.size() > 0) {
            String in = details.get(0).path("in").asText(null);
            if (in != null) {
                reason = reason.withField(in);
            }
        }
        return reason;
    }

    static Optional<Failure> classify(HttpResult response, long dailyProbeMs, long nowMs) {
        if (response.status() != 429) {
            return Optional.empty();
        }
        String policy = response.json().path("policyName").asText("");
        Reason reason = describe(response);
        if (DAILY.equals(policy)) {
            return Optional.of(Failure.quotaExhausted(Reason.of(429, DAILY, reason.message()), dailyProbeMs));
        }
        long wait = RetryAfter.millis(response, nowMs);
        if (wait < 0) {
            String interval = response.header("X-HubSpot-RateLimit-Interval-Milliseconds");
            wait = parse(interval, DEFAULT_WINDOW_MS);
        }
        return Optional.of(Failure.rateLimited(Reason.of(429, policy.isEmpty() ? "RATE_LIMIT" : policy,
                reason.message()), wait));
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
