package io.outflow.connect.common.destination;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderRateLimitSignalsTest {
    private static final long NOW = 1_700_000_000_000L;
    /** The connector has no rate budget of its own (rate.limit.requests=0). */
    private static final double UNPACED = Double.POSITIVE_INFINITY;
    /** The connector's budget at HubSpot's default: 99 requests per 10 s, just under the vendor's 100. */
    private static final double PACED = 9.9;

    private static HttpResult response(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return new HttpResult(200, headers, null);
    }

    private final HeaderRateLimitSignals braze = HeaderRateLimitSignals.builder("X-RateLimit-Remaining")
            .limit("X-RateLimit-Limit")
            .reset("X-RateLimit-Reset", HeaderRateLimitSignals.ResetFormat.EPOCH_SECONDS)
            .build();

    private final HeaderRateLimitSignals hubspot = HeaderRateLimitSignals.builder("X-HubSpot-RateLimit-Remaining")
            .limit("X-HubSpot-RateLimit-Max")
            .intervalMillis("X-HubSpot-RateLimit-Interval-Milliseconds")
            .build();

    @Test
    void remainingAboveWhatIsInFlightMeansNoHold() {
        assertEquals(0, braze.holdMillis(response("X-RateLimit-Remaining", "10"), 3, UNPACED, NOW));
        assertEquals(0, braze.holdMillis(response("X-RateLimit-Remaining", "1"), 0, UNPACED, NOW));
    }

    @Test
    void noSignalsMeansNoHold() {
        assertEquals(0, braze.holdMillis(response(), 5, UNPACED, NOW));
        assertEquals(0, braze.holdMillis(response("X-RateLimit-Remaining", "lots"), 5, UNPACED, NOW));
    }

    @Test
    void exhaustedWindowHoldsUntilTheEpochSecondsReset() {
        long reset = NOW / 1000 + 12;
        assertEquals(12_000, braze.holdMillis(response("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset)), 0, UNPACED, NOW));
        assertEquals(0, braze.holdMillis(response("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(NOW / 1000 - 5)), 0, UNPACED, NOW), "a reset in the past holds nothing");
    }

    @Test
    void remainingUsedUpByRequestsInFlightAlsoHolds() {
        long reset = NOW / 1000 + 3;
        assertEquals(3_000, braze.holdMillis(response("X-RateLimit-Remaining", "2",
                "X-RateLimit-Reset", Long.toString(reset)), 2, UNPACED, NOW));
    }

    @Test
    void secondsFromNowReset() {
        HeaderRateLimitSignals zendesk = HeaderRateLimitSignals.builder("X-Rate-Limit-Remaining")
                .reset("X-Rate-Limit-Reset", HeaderRateLimitSignals.ResetFormat.SECONDS_FROM_NOW)
                .build();
        assertEquals(4_000, zendesk.holdMillis(response("X-Rate-Limit-Remaining", "0",
                "X-Rate-Limit-Reset", "4"), 0, UNPACED, NOW));
    }

    @Test
    void rollingWindowWaitsForOneRequestsShareOfTheWindowPerRequestAhead() {
        HttpResult r = response("X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Max", "100",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        assertEquals(100, hubspot.holdMillis(r, 0, UNPACED, NOW));
        assertEquals(300, hubspot.holdMillis(r, 2, UNPACED, NOW));

    }

    @Test
    void aRollingWindowWithRoomLeftHoldsNothingWhenTheConnectorPacesUnderTheLimit() {
        // Requests age out of a rolling window while others are in flight: a budget used fully at 100 ms latency
        // looks like this after every answer, and must not be slowed down.
        HttpResult one = response("X-HubSpot-RateLimit-Remaining", "1", "X-HubSpot-RateLimit-Max", "100",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        assertEquals(0, hubspot.holdMillis(one, 2, PACED, NOW));
        assertEquals(0, hubspot.holdMillis(one, 1, PACED, NOW));
        assertEquals(0, hubspot.holdMillis(one, 1, 10.0, NOW), "a budget exactly at the limit paces under it");
        HttpResult full = response("X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Max", "100",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        assertEquals(300, hubspot.holdMillis(full, 2, PACED, NOW), "a full window still holds");
    }

    @Test
    void withoutABudgetUnderTheLimitTheRequestsInFlightUseUpWhatRemains() {
        HttpResult one = response("X-HubSpot-RateLimit-Remaining", "1", "X-HubSpot-RateLimit-Max", "100",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        assertEquals(200, hubspot.holdMillis(one, 2, UNPACED, NOW));
        assertEquals(100, hubspot.holdMillis(one, 1, UNPACED, NOW));
        assertEquals(200, hubspot.holdMillis(one, 2, 25.0, NOW), "a budget above the vendor's limit does not count");
        assertEquals(0, hubspot.holdMillis(one, 0, UNPACED, NOW));
    }

    @Test
    void rollingWindowShareIsAtLeastOneMillisecond() {
        HttpResult r = response("X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Max", "1000",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10");
        assertEquals(1, hubspot.holdMillis(r, 0, UNPACED, NOW));
    }

    @Test
    void withoutALimitTheWholeWindowOrASecondIsHeld() {
        assertEquals(10_000, hubspot.holdMillis(response("X-HubSpot-RateLimit-Remaining", "0",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"), 0, UNPACED, NOW));
        assertEquals(1000, hubspot.holdMillis(response("X-HubSpot-RateLimit-Remaining", "0"), 0, UNPACED, NOW));
        HeaderRateLimitSignals configured = HeaderRateLimitSignals.builder("Remaining").window(2500).build();
        assertEquals(2500, configured.holdMillis(response("Remaining", "0"), 0, UNPACED, NOW));
    }

    @Test
    void headerNamesIgnoreCase() {
        long reset = NOW / 1000 + 9;
        assertEquals(9_000, braze.holdMillis(response("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(reset)), 0, UNPACED, NOW));
        assertEquals(0, braze.holdMillis(response("x-ratelimit-remaining", "50"), 0, UNPACED, NOW));
        assertEquals(100, hubspot.holdMillis(response("x-hubspot-ratelimit-remaining", "0",
                "X-HUBSPOT-RATELIMIT-MAX", "100", "x-hubspot-ratelimit-interval-milliseconds", "10000"), 0, UNPACED, NOW));
    }

    @Test
    void decimalHeaderValuesAreRead() {
        assertEquals(0, braze.holdMillis(response("X-RateLimit-Remaining", " 5.0 "), 1, UNPACED, NOW));
    }

    @Test
    void retryAfterWinsThenResetThenWindow() {
        long reset = NOW / 1000 + 20;
        assertEquals(5_000, braze.retryAfterMillis(response("Retry-After", "5",
                "X-RateLimit-Reset", Long.toString(reset)), NOW));
        assertEquals(20_000, braze.retryAfterMillis(response("x-ratelimit-reset", Long.toString(reset)), NOW));
        assertEquals(10_000, hubspot.retryAfterMillis(response(
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"), NOW));
        assertEquals(Failure.UNKNOWN_WAIT, braze.retryAfterMillis(response(), NOW));
    }

    @Test
    void retryAfterOnlySignalsHoldNothing() {
        assertEquals(0, RateLimitSignals.RETRY_AFTER_ONLY.holdMillis(response("X-RateLimit-Remaining", "0"), 5, UNPACED, NOW));
        assertEquals(7_000, RateLimitSignals.RETRY_AFTER_ONLY.retryAfterMillis(response("Retry-After", "7"), NOW));
    }
}
