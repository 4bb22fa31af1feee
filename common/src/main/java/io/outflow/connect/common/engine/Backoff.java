package io.outflow.connect.common.engine;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time below min(max, initial * 2^(n-1)).
 * Spreads retries of many tasks so they do not hit a recovering destination together.
 */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); injected so tests are exact */
    public Backoff(long initialMs, long maxMs, DoubleSupplier random) {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("need 1 <= initialMs <= maxMs");
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** The bound for the given attempt (1 for the first retry). */
    public long boundMs(int attempt) {
        int shift = Math.min(Math.max(attempt, 1) - 1, 40);
        long bound = initialMs << shift;
        return bound <= 0 || bound > maxMs ? maxMs : bound;
    }

    /** A random wait in [1, bound] for the given attempt. */
    public long delayMs(int attempt) {
        return 1 + (long) (random.getAsDouble() * boundMs(attempt));
    }

    public long maxMs() {
        return maxMs;
    }
}
