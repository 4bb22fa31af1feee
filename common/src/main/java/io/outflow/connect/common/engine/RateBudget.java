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
    private final double connectorPerSecond;
    private final long intervalNanos;
    private final long pollDelayMs;
    /** When the last permit was granted (System.nanoTime, Guava's clock too); only the engine thread touches it. */
    private long grantedAtNanos;
    private boolean granted;

    private RateBudget(RateLimiter limiter, double connectorPerSecond, long intervalNanos, long pollDelayMs) {
        this.limiter = limiter;
        this.connectorPerSecond = connectorPerSecond;
        this.intervalNanos = intervalNanos;
        this.pollDelayMs = pollDelayMs;
    }

    /** A budget with no limit. */
    public static RateBudget unlimited() {
        return new RateBudget(null, Double.POSITIVE_INFINITY, 0, 0);
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
        return new RateBudget(limiter, paced * 1000.0 / windowMs, (long) (1_000_000_000L / perSecond),
                Math.max(1, Math.min(spacingMs / 4, 250)));
    }

    /** Takes one request's permit if there is one now. */
    public boolean tryAcquire() {
        if (limiter == null) {
            return true;
        }
        if (!limiter.tryAcquire()) {
            return false;
        }
        grantedAtNanos = System.nanoTime();
        granted = true;
        return true;
    }

    /**
     * How long to wait before asking again after a refusal: until the next permit is due (one spacing after the last
     * grant, which is when Guava frees it once warmed up). Guava cannot say when it frees one, and polling at a fixed
     * step let a permit wait up to a step: at 100 per 10 s a step of a quarter spacing made every gap 125 ms instead
     * of 101 (85% of the budget, docs/benchmarks.md). When the estimate has passed (still warming up), poll in
     * quarter-spacing steps.
     */
    public long retryDelayMs() {
        if (limiter == null) {
            return 0;
        }
        long untilDue = granted ? grantedAtNanos + intervalNanos - System.nanoTime() : 0;
        return untilDue > 0 ? (untilDue + 999_999) / 1_000_000 : pollDelayMs;
    }

    /** The pace of the whole connector (every task's share together); infinite without a limit. */
    public double connectorPermitsPerSecond() {
        return connectorPerSecond;
    }

    public double permitsPerSecond() {
        return limiter == null ? Double.POSITIVE_INFINITY : limiter.getRate();
    }
}
