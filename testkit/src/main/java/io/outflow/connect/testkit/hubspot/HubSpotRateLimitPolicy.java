package io.outflow.connect.testkit.hubspot;

import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.RateDecision;
import io.outflow.connect.testkit.http.RateLimitPolicy;

import java.time.Clock;

/**
 * The rolling window as HubSpot shows it (usage guidelines): X-HubSpot-RateLimit-Max, -Remaining and
 * -Interval-Milliseconds on every counted answer, and over the window 429 TEN_SECONDLY_ROLLING. HubSpot sends
 * no Retry-After: a client is expected to wait for the interval.
 */
final class HubSpotRateLimitPolicy implements RateLimitPolicy {

    private final long windowMs;
    private final HubSpotAuth auth;
    private final DailyQuota quota;
    private final LimitCounts counts;
    private final Clock clock;

    HubSpotRateLimitPolicy(long windowMs, HubSpotAuth auth, DailyQuota quota, LimitCounts counts, Clock clock) {
        this.windowMs = windowMs;
        this.auth = auth;
        this.quota = quota;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public FakeResponse rejected(FakeRequest request, RateDecision decision) {
        counts.record(HubSpotLimit.TEN_SECONDLY_ROLLING);
        FakeResponse response = decorate(HubSpotErrors.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING), decision);
        return auth.isPrivateApp(request) ? quota.peek(clock.millis()).decorate(response) : response;
    }

    @Override
    public FakeResponse decorate(FakeResponse response, RateDecision decision) {
        if (decision.unlimited()) {
            return response;
        }
        return response
                .withHeader("X-HubSpot-RateLimit-Max", Integer.toString(decision.limit()))
                .withHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(decision.remaining()))
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(windowMs));
    }
}
