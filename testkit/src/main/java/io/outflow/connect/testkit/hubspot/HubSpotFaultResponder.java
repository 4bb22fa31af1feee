package io.outflow.connect.testkit.hubspot;

import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.FaultResponder;

/**
 * Injected status faults in HubSpot's shapes: 5xx as the spec's Error, 429 as a TEN_SECONDLY_ROLLING limit
 * (the one a client meets in normal running), with Retry-After only for the fault kind that asks for it.
 */
final class HubSpotFaultResponder implements FaultResponder {

    @Override
    public FakeResponse respond(FaultKind kind, FaultPlan plan) {
        return switch (kind) {
            case HTTP_500 -> HubSpotErrors.serverError(500, "INTERNAL_ERROR");
            case HTTP_503, DOWN -> HubSpotErrors.serverError(503, "SERVICE_UNAVAILABLE");
            case HTTP_429_RETRY_AFTER -> HubSpotErrors.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING)
                    .withHeader("Retry-After", Long.toString(plan.retryAfterSeconds()));
            case HTTP_429_NO_RETRY_AFTER -> HubSpotErrors.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING);
            default -> throw new IllegalArgumentException(kind + " has no status answer");
        };
    }
}
