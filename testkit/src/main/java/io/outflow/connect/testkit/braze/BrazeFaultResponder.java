package io.outflow.connect.testkit.braze;

import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.FaultResponder;

/**
 * Injected status faults in Braze's error shape {"message": ..}. errors.md lists "5XX Internal Server Error"
 * and "429 Rate Limited" but shows no 5XX body; these texts are the fake's choice.
 */
final class BrazeFaultResponder implements FaultResponder {

    private final BrazeResponses responses;

    BrazeFaultResponder(BrazeResponses responses) {
        this.responses = responses;
    }

    @Override
    public FakeResponse respond(FaultKind kind, FaultPlan plan) {
        return switch (kind) {
            case HTTP_500 -> responses.message(500, "Internal Server Error");
            case HTTP_503, DOWN -> responses.message(503, "Service Unavailable");
            case HTTP_429_RETRY_AFTER -> responses.message(429, TrackErrors.RATE_LIMITED)
                    .withHeader(responses.header("Retry-After"), Long.toString(plan.retryAfterSeconds()));
            case HTTP_429_NO_RETRY_AFTER -> responses.message(429, TrackErrors.RATE_LIMITED);
            default -> throw new IllegalArgumentException(kind + " has no status answer");
        };
    }
}
