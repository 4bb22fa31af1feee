package io.outflow.connect.common.engine;

import com.google.common.util.concurrent.RateLimiter;

/**
 * The task's share of the connector's request budget: rate.limit.requests per rate.limit.window.ms, split evenly
 * over the tasks the connector started, enforced with Guava's RateLimiter without ever blocking (the engine asks,
 * and comes back later when refused).
 */
public final class RateBudget {
    private final RateLimiter limiter;
    private final long retryDelayMs;

    private RateBudget(RateLimiter limiter, long retryDelayMs) {
        this.limiter = limiter;
        this.retryDelayMs = retryDelayMs;
    }

    /** A budget with no limit. */
    public static RateBudget unlimited() {
        return new RateBudget(null, 0);
    }

    /**
     * @param requests the connector's requests per window; 0 for no limit
     * @param windowMs the window
     * @param tasks    how many tasks share the budget
     */
    public static RateBudget of(int requests, long windowMs, int tasks) {
        if (requests <= 0) {
            return unlimited();
        }
        double perSecond = requests * 1000.0 / windowMs / Math.max(1, tasks);
        // Guava keeps up to one second of unused permits; starting with none means a burst never exceeds the window.
        RateLimiter limiter = RateLimiter.create(perSecond);
        long spacing = (long) Math.ceil(1000.0 / perSecond);
        return new RateBudget(limiter, Math.max(1, Math.min(spacing, 1000)));
    }

    /** Takes one request's permit if there is one now. */
    public boolean tryAcquire() {
        return limiter == null || limiter.tryAcquire();
    }

    /** How long to wait before asking again after a refusal. */
    public long retryDelayMs() {
        return retryDelayMs;
    }

    public double permitsPerSecond() {
        return limiter == null ? Double.POSITIVE_INFINITY : limiter.getRate();
    }
}
