package io.outflow.connect.testkit.zendesk;

import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.RateDecision;
import io.outflow.connect.testkit.http.RateLimitPolicy;

/**
 * Zendesk's account-wide limit: every counted answer carries {@code X-Rate-Limit} (requests per minute) and
 * {@code X-Rate-Limit-Remaining}; over the limit, 429 with {@code Retry-After} in seconds and a text/plain body
 * (destinations.md, Zendesk row "Rate limits" and appendix). The docs do not quote the body; the default text
 * follows the "Number of allowed requests per hour exceeded" answer reported for trial accounts
 * (zendesk/zendesk_api_client_php issue 422) and is configurable.
 */
final class ZendeskRateLimitPolicy implements RateLimitPolicy {

    static final String DEFAULT_MESSAGE = "Number of allowed API requests per minute exceeded";

    private final String message;

    ZendeskRateLimitPolicy(String message) {
        this.message = message;
    }

    @Override
    public FakeResponse rejected(FakeRequest request, RateDecision decision) {
        return decorate(tooManyRequests(message), decision)
                .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }

    @Override
    public FakeResponse decorate(FakeResponse response, RateDecision decision) {
        if (decision.unlimited()) {
            return response;
        }
        return response
                .withHeader("X-Rate-Limit", Integer.toString(decision.limit()))
                .withHeader("X-Rate-Limit-Remaining", Integer.toString(decision.remaining()));
    }

    /** The 429 body, also used for injected 429 faults so they look like the real thing. */
    static FakeResponse tooManyRequests(String message) {
        return FakeResponse.text(429, message);
    }
}
