package io.outflow.connect.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the recording fake stored each key, and the produce-to-store latency of every record it stored (a key sent
 * twice counts once, at its first store: that is when the destination held the value).
 */
final class LatencyRecorder {
    private final Map<String, Long> storedAt = new ConcurrentHashMap<>();
    private long[] latencies = new long[1024];
    private int size;

    void stored(String key, long sentAtMs, long nowMs) {
        if (storedAt.putIfAbsent(key, nowMs) == null) {
            add(nowMs - sentAtMs);
        }
    }

    private synchronized void add(long latencyMs) {
        if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = latencyMs;
    }

    /** Keys stored so far. */
    int count() {
        return storedAt.size();
    }

    boolean hasStored(String key) {
        return storedAt.containsKey(key);
    }

    synchronized void clear() {
        storedAt.clear();
        size = 0;
    }

    /** The sorted latencies recorded so far (ms). */
    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(latencies, size);
        Arrays.sort(copy);
        return copy;
    }

    /** The p-th percentile (0-100) of sorted values, nearest rank; -1 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
