package io.outflow.connect.braze;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HeaderRateLimitSignals;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.RateLimitSignals;
import io.outflow.connect.common.destination.Reason;

import java.util.Optional;

/**
 * How Braze reports errors and rate limits (destinations.md, Braze appendix). Error bodies are
 * {@code {"message":<text>,"errors":[..]}}; Braze has no error codes. Every answer carries {@code X-RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset} (UTC epoch seconds), sent lowercase over HTTP/2 and looked up ignoring
 * case. A 429 waits until the reset; no Retry-After is documented for /users/track, but one is honoured first.
 * Everything else (400 "Max Input Length Exceeded" and other refusals, 401, 5XX) is the engine's to classify: a
 * refused batch is narrowed down to its bad records, 5XX are retried with backoff as Braze asks.
 */
final class BrazeErrors {
    /** The /users/track window (3,000 requests per 3 s), for when no reset header says. */
    static final long WINDOW_MS = 3000;

    static final RateLimitSignals RATE_LIMIT_SIGNALS = HeaderRateLimitSignals.builder("X-RateLimit-Remaining")
            .limit("X-RateLimit-Limit")
            .reset("X-RateLimit-Reset", HeaderRateLimitSignals.ResetFormat.EPOCH_SECONDS)
            .window(WINDOW_MS)
            .build();

    private BrazeErrors() {
    }

    /** Braze's message, with the first per-object error when there is one (a one-object request's own reason). */
    static Reason describe(HttpResult response) {
        JsonNode body = response.json();
        String message = body.path("message").asText(response.isSuccess() ? "" : "no error message");
        JsonNode errors = body.path("errors");
        if (errors.isArray() && errors.size() > 0) {
            message += ": " + text(errors.get(0)) + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                    + " more errors)" : "");
        }
        return Reason.of(response.status(), null, message);
    }

    /** The text of one entry of {@code errors}: its {@code type} (Braze's reason), or the entry itself. */
    static String text(JsonNode error) {
        if (error.isTextual()) {
            return error.textValue();
        }
        for (String field : new String[] {"type", "message"}) {
            if (error.path(field).isTextual()) {
                return error.path(field).textValue();
            }
        }
        return "unspecified error";
    }

    /**
     * A 429 waits until X-RateLimit-Reset (or Retry-After); without either, one 3-s window. A reset that is already
     * past by our clock (clock skew) gives no wait, so the engine's backoff, which grows with each 429 in a row,
     * decides instead of a tight loop.
     */
    static Optional<Failure> classify(HttpResult response, long nowMs) {
        if (response.status() != 429) {
            return Optional.empty();
        }
        long wait = RATE_LIMIT_SIGNALS.retryAfterMillis(response, nowMs);
        return Optional.of(Failure.rateLimited(describe(response), wait > 0 ? wait : Failure.UNKNOWN_WAIT));
    }
}
