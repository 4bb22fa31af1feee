package io.outflow.connect.testkit.items;

import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.RateDecision;
import io.outflow.connect.testkit.http.RateLimitPolicy;

/**
 * X-RateLimit-Limit / -Remaining / -Reset (epoch seconds, rounded up) on every counted answer, and
 * 429 {"error":"RATE_LIMITED"} with Retry-After (whole seconds, rounded up, at least 1) unless disabled,
 * to test clients that must fall back to the reset header or their own backoff.
 */
final class ItemsRateLimitPolicy implements RateLimitPolicy {

    private final boolean sendRetryAfter;

    ItemsRateLimitPolicy(boolean sendRetryAfter) {
        this.sendRetryAfter = sendRetryAfter;
    }

    @Override
    public FakeResponse rejected(FakeRequest request, RateDecision decision) {
        FakeResponse response = decorate(FakeResponse.error(429, "RATE_LIMITED", null), decision);
        return sendRetryAfter
                ? response.withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                : response;
    }

    @Override
    public FakeResponse decorate(FakeResponse response, RateDecision decision) {
        if (decision.unlimited()) {
            return response;
        }
        return response
                .withHeader("X-RateLimit-Limit", Integer.toString(decision.limit()))
                .withHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()))
                .withHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
    }
}
