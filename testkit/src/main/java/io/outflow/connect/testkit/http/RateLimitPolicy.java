package io.outflow.connect.testkit.http;

/**
 * How a fake renders its rate limit: the 429 answer and the headers on admitted answers. Each vendor fake
 * supplies its own (HubSpot, Zendesk and Braze all name and compute these headers differently).
 */
public interface RateLimitPolicy {

    /** The answer when the rate window refuses a request. */
    FakeResponse rejected(FakeRequest request, RateDecision decision);

    /** Adds rate-limit headers to an admitted request's answer; the default adds none. */
    default FakeResponse decorate(FakeResponse response, RateDecision decision) {
        return response;
    }

    /** 429 {"error":"RATE_LIMITED"} with Retry-After, no headers on admitted answers. */
    static RateLimitPolicy standard() {
        return (request, decision) -> FakeResponse.error(429, "RATE_LIMITED", null)
                .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
}
