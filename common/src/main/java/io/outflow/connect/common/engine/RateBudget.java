package io.outflow.connect.common.engine;

import com.google.common.util.concurrent.RateLimiter;

import java.time.Duration;

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
        // One request per hundred (at least one) is kept in reserve: arrivals at the destination jitter, and a
        // rolling window paced exactly at its limit would see an occasional extra request and answer 429.
        int paced = Math.max(1, requests - Math.max(1, requests / 100));
        double perSecond = paced * 1000.0 / windowMs / Math.max(1, tasks);
        long spacingMs = Math.max(1, (long) Math.ceil(1000.0 / perSecond));
        // A warm-up as long as one request's spacing: after an idle spell Guava's bursty limiter would hand out a
        // second's worth of saved permits at once, enough to overrun a rolling window; warming up never does.
        RateLimiter limiter = RateLimiter.create(perSecond, Duration.ofMillis(spacingMs));
        // Guava cannot say when the next permit frees: ask again at a quarter of the spacing, so a free permit is
        // used within a few milliseconds rather than up to a whole spacing late.
        return new RateBudget(limiter, Math.max(1, Math.min(spacingMs / 4, 250)));
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
