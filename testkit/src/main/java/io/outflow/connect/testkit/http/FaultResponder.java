package io.outflow.connect.testkit.http;

/**
 * Renders the answer of an injected status fault (500, 503, both 429s, and DOWN in 503 mode), so each vendor
 * fake can answer in its vendor's error shape.
 */
@FunctionalInterface
public interface FaultResponder {

    FakeResponse respond(FaultKind kind, FaultPlan plan);

    /** {"error": CODE, "message": "injected fault"}; Retry-After only for {@link FaultKind#HTTP_429_RETRY_AFTER}. */
    static FaultResponder standard() {
        return (kind, plan) -> switch (kind) {
            case HTTP_500 -> FakeResponse.error(500, "INTERNAL", "injected fault");
            case HTTP_503, DOWN -> FakeResponse.error(503, "UNAVAILABLE", "injected fault");
            case HTTP_429_RETRY_AFTER -> FakeResponse.error(429, "RATE_LIMITED", "injected fault")
                    .withHeader("Retry-After", Long.toString(plan.retryAfterSeconds()));
            case HTTP_429_NO_RETRY_AFTER -> FakeResponse.error(429, "RATE_LIMITED", "injected fault");
            default -> throw new IllegalArgumentException(kind + " has no status answer");
        };
    }
}
