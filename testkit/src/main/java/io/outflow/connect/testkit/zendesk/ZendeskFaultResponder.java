package io.outflow.connect.testkit.zendesk;

import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.FaultResponder;

/**
 * Injected status faults in Zendesk's shapes: 429s like the real rate limit (text/plain), 5xx in the error
 * envelope. The facts give no 5xx bodies; "InternalError" and "ServiceUnavailable" are our choice.
 */
final class ZendeskFaultResponder implements FaultResponder {

    private final String rateLimitMessage;

    ZendeskFaultResponder(String rateLimitMessage) {
        this.rateLimitMessage = rateLimitMessage;
    }

    @Override
    public FakeResponse respond(FaultKind kind, FaultPlan plan) {
        return switch (kind) {
            case HTTP_500 -> ZendeskErrors.envelope(500, "InternalError", "injected fault", null);
            case HTTP_503, DOWN -> ZendeskErrors.envelope(503, "ServiceUnavailable", "injected fault", null);
            case HTTP_429_RETRY_AFTER -> ZendeskRateLimitPolicy.tooManyRequests(rateLimitMessage)
                    .withHeader("Retry-After", Long.toString(plan.retryAfterSeconds()));
            case HTTP_429_NO_RETRY_AFTER -> ZendeskRateLimitPolicy.tooManyRequests(rateLimitMessage);
            default -> throw new IllegalArgumentException(kind + " has no status answer");
        };
    }
}
