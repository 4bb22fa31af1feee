package io.outflow.connect.testkit.hubspot;

import io.outflow.connect.testkit.http.FakeResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily request quota of private apps (usage guidelines: daily limits apply to private apps, not to OAuth
 * apps). It resets at midnight UTC, the fake's account time zone, on the server clock. A switch makes it
 * exhausted for every caller, to test a client's reaction to DAILY without sending the whole quota.
 */
final class DailyQuota {

    /** The default: the headers still show a number (2^31 - 1) because HubSpot always sends one. */
    static final long EFFECTIVELY_UNLIMITED = Integer.MAX_VALUE;

    /** Whether a request may go on, and what the daily headers say after it. */
    record Decision(boolean allowed, long limit, long remaining) {

        FakeResponse decorate(FakeResponse response) {
            return response
                    .withHeader("X-HubSpot-RateLimit-Daily", Long.toString(limit))
                    .withHeader("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(remaining));
        }
    }

    private final long limit;
    private volatile boolean exhausted;
    private LocalDate day;
    private long used;

    DailyQuota(long limit) {
        this.limit = limit;
    }

    /** Counts a private app's request against the quota when it is allowed; OAuth requests are never counted. */
    synchronized Decision tryAcquire(boolean privateApp, long nowMillis) {
        rollOver(nowMillis);
        if (exhausted || (privateApp && used >= limit)) {
            return new Decision(false, limit, remaining());
        }
        if (privateApp) {
            used++;
        }
        return new Decision(true, limit, remaining());
    }

    /** The headers' values now, counting nothing. */
    synchronized Decision peek(long nowMillis) {
        rollOver(nowMillis);
        return new Decision(!exhausted && used < limit, limit, remaining());
    }

    void exhausted(boolean exhausted) {
        this.exhausted = exhausted;
    }

    boolean exhausted() {
        return exhausted;
    }

    synchronized long used(long nowMillis) {
        rollOver(nowMillis);
        return used;
    }

    long limit() {
        return limit;
    }

    synchronized void reset() {
        used = 0;
    }

    private long remaining() {
        return exhausted ? 0 : Math.max(0, limit - used);
    }

    private void rollOver(long nowMillis) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }
}
