package io.outflow.connect.testkit.http;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * "N requests per rolling window of W ms", counted over admitted requests only (a 429 does not use up
 * quota). The caller passes the time, so tests drive it with a fake clock and the math stays exact.
 * A request admitted at time t occupies a slot until t + W.
 */
public final class RateWindow {

    private final int limit;
    private final long windowMs;
    private final Deque<Long> admitted = new ArrayDeque<>();

    private RateWindow(int limit, long windowMs) {
        if (limit < 0 || (limit > 0 && windowMs <= 0)) {
            throw new IllegalArgumentException("need limit >= 0 and windowMs > 0, got " + limit + "/" + windowMs);
        }
        this.limit = limit;
        this.windowMs = windowMs;
    }

    /** {@code limit} = 0 means unlimited. */
    public static RateWindow of(int limit, long windowMs) {
        return new RateWindow(limit, windowMs);
    }

    public static RateWindow unlimited() {
        return new RateWindow(0, 0);
    }

    public int limit() {
        return limit;
    }

    public long windowMs() {
        return windowMs;
    }

    public boolean isUnlimited() {
        return limit == 0;
    }

    /** Admits and counts the request if a slot is free at {@code nowMillis}. */
    public synchronized RateDecision tryAcquire(long nowMillis) {
        if (isUnlimited()) {
            return RateDecision.UNLIMITED;
        }
        evictBefore(nowMillis);
        if (admitted.size() >= limit) {
            long resetAt = admitted.peekFirst() + windowMs;
            return new RateDecision(false, limit, 0, resetAt - nowMillis, resetAt);
        }
        admitted.addLast(nowMillis);
        int remaining = limit - admitted.size();
        long resetAt = admitted.peekFirst() + windowMs;
        return new RateDecision(true, limit, remaining, remaining > 0 ? 0 : resetAt - nowMillis, resetAt);
    }

    /** Requests counted in the window at {@code nowMillis}. */
    public synchronized int inWindow(long nowMillis) {
        evictBefore(nowMillis);
        return admitted.size();
    }

    public synchronized void reset() {
        admitted.clear();
    }

    private void evictBefore(long nowMillis) {
        while (!admitted.isEmpty() && admitted.peekFirst() + windowMs <= nowMillis) {
            admitted.removeFirst();
        }
    }
}
