package io.outflow.connect.testkit.http;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws at most one fault per faultable request from a seeded {@link Random}, so a failing chaos test can be
 * replayed with the same seed, and counts what it injected. Also holds the "down" switch. All methods are
 * safe to call from tests while the server runs.
 */
public final class FaultInjector {

    private final long seed;
    private final Map<FaultKind, AtomicLong> counts = new EnumMap<>(FaultKind.class);
    private final AtomicLong appliedThenDropped = new AtomicLong();
    private Random random;
    private volatile FaultPlan plan;
    private volatile boolean enabled = true;
    private volatile DownMode downMode;

    public FaultInjector(FaultPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
        this.random = new Random(seed);
        for (FaultKind kind : FaultKind.values()) {
            counts.put(kind, new AtomicLong());
        }
    }

    /**
     * The fault for the next faultable request, or null. Consumes randomness only when a plan is active,
     * so turning faults off and on does not shift the sequence more than the requests actually drawn.
     */
    public FaultKind draw() {
        FaultPlan current = plan;
        if (!enabled || current.isEmpty()) {
            return null;
        }
        double r;
        synchronized (this) {
            r = random.nextDouble();
        }
        double cumulative = 0.0;
        for (Map.Entry<FaultKind, Double> entry : current.probabilities().entrySet()) {
            cumulative += entry.getValue();
            if (r < cumulative) {
                counts.get(entry.getKey()).incrementAndGet();
                return entry.getKey();
            }
        }
        return null;
    }

    public FaultPlan plan() {
        return plan;
    }

    /** Replaces the plan at runtime (e.g. calm start, then chaos). */
    public FaultInjector plan(FaultPlan newPlan) {
        this.plan = newPlan;
        return this;
    }

    public FaultInjector enable() {
        enabled = true;
        return this;
    }

    /** Stops random faults; the down switch is separate and unaffected. */
    public FaultInjector disable() {
        enabled = false;
        return this;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Every non-inspection request fails in {@code mode} until {@link #comeBack()}. */
    public FaultInjector goDown(DownMode mode) {
        downMode = mode;
        return this;
    }

    public FaultInjector comeBack() {
        downMode = null;
        return this;
    }

    /** The current down mode, or null when up. */
    public DownMode downMode() {
        return downMode;
    }

    public boolean isDown() {
        return downMode != null;
    }

    void recordDown() {
        counts.get(FaultKind.DOWN).incrementAndGet();
    }

    void recordAppliedThenDropped() {
        appliedThenDropped.incrementAndGet();
    }

    public long count(FaultKind kind) {
        return counts.get(kind).get();
    }

    /** Injected faults by kind, including kinds never injected (0). */
    public Map<FaultKind, Long> counts() {
        Map<FaultKind, Long> copy = new EnumMap<>(FaultKind.class);
        counts.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    public long totalInjected() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * Requests whose handler ran and succeeded (status below 400) before the connection was dropped:
     * the upper bound on duplicates a correct client can cause by retrying.
     */
    public long appliedThenDropped() {
        return appliedThenDropped.get();
    }

    /** Zeroes the counters and re-seeds, so the next draws repeat the sequence from the start. */
    public synchronized void reset() {
        counts.values().forEach(n -> n.set(0));
        appliedThenDropped.set(0);
        random = new Random(seed);
    }
}
