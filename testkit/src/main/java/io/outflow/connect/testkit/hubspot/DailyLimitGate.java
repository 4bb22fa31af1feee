package io.outflow.connect.testkit.hubspot;

import io.outflow.connect.testkit.http.FakeHttpException;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.RouteHandler;

import java.time.Clock;

/**
 * Wraps each API route in the daily quota: a refused request gets 429 DAILY instead of being handled, and
 * every answer to a private app carries the daily headers. It runs inside the handler because the base server
 * knows one rate window only, so it comes after the rolling window and any injected fault.
 */
final class DailyLimitGate {

    private final DailyQuota quota;
    private final HubSpotAuth auth;
    private final LimitCounts counts;
    private final Clock clock;

    DailyLimitGate(DailyQuota quota, HubSpotAuth auth, LimitCounts counts, Clock clock) {
        this.quota = quota;
        this.auth = auth;
        this.counts = counts;
        this.clock = clock;
    }

    RouteHandler guard(RouteHandler handler) {
        return request -> {
            boolean privateApp = auth.isPrivateApp(request);
            DailyQuota.Decision decision = quota.tryAcquire(privateApp, clock.millis());
            FakeResponse response;
            if (decision.allowed()) {
                try {
                    response = handler.handle(request);
                } catch (FakeHttpException e) {
                    response = e.response();
                }
            } else {
                counts.record(HubSpotLimit.DAILY);
                response = HubSpotErrors.rateLimited(HubSpotLimit.DAILY);
            }
            return privateApp ? decision.decorate(response) : response;
        };
    }
}
