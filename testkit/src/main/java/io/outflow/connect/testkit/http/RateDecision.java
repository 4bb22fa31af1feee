package io.outflow.connect.testkit.http;

/**
 * The outcome of one {@link RateWindow#tryAcquire}: everything a fake needs to render its vendor's
 * rate-limit headers (remaining quota, reset time, Retry-After).
 *
 * @param allowed              whether the request was admitted (and counted)
 * @param limit                requests allowed per window; 0 means unlimited
 * @param remaining            requests still allowed in the current window after this one
 * @param millisUntilSlotFrees 0 when another request would be admitted now, otherwise the wait until
 *                             the oldest counted request leaves the window
 * @param resetAtMillis        epoch millis at which the oldest counted request leaves the window
 *                             (0 when unlimited)
 */
public record RateDecision(boolean allowed, int limit, int remaining, long millisUntilSlotFrees, long resetAtMillis) {

    static final RateDecision UNLIMITED = new RateDecision(true, 0, Integer.MAX_VALUE, 0, 0);

    public boolean unlimited() {
        return limit == 0;
    }

    /** Seconds to put in Retry-After: rounded up, at least 1 (0 would invite an immediate retry storm). */
    public long retryAfterSeconds() {
        return Math.max(1, ceilDiv(millisUntilSlotFrees, 1000));
    }

    /** {@link #resetAtMillis} as epoch seconds, rounded up (X-RateLimit-Reset style). */
    public long resetEpochSeconds() {
        return ceilDiv(resetAtMillis, 1000);
    }

    private static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }
}
