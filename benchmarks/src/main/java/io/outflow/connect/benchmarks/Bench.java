package io.outflow.connect.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What the measurements share: the options, the cluster, the pre-loaded topics, connector names, the results, and
 * {@link #window}, the one way every throughput figure is taken (a warm-up, then records and worker CPU counted
 * over a window).
 */
final class Bench {
    static final String BACKLOG_TOPIC = "bench-backlog";
    static final String SCALING_TOPIC = "bench-scaling";
    static final String RATELIMIT_TOPIC = "bench-ratelimit";
    static final int SCALING_PARTITIONS = 4;

    final Options options;
    final Cluster cluster;
    final List<Result> results = new ArrayList<>();
    private final Set<String> loaded = new HashSet<>();
    private int connectors;

    Bench(Options options, Cluster cluster) {
        this.options = options;
        this.cluster = cluster;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }

    /** A fresh connector name (so a fresh consumer group, reading from the start); short, so thread names keep it. */
    String connectorName(Vendor vendor, String code) {
        return vendor.shortName + code + (++connectors);
    }

    /**
     * A connector of one measurement: started by {@link #start}, deleted when closed. Declared after the fake in a
     * try-with-resources, so it is deleted before the fake closes: a connector stopping while its destination is
     * gone waits close.timeout.ms for its requests.
     */
    final class Connector implements AutoCloseable {
        private final String name;

        private Connector(String name) {
            this.name = name;
        }

        void start(Map<String, String> config, int tasks) {
            cluster.startConnector(name, config, tasks);
        }

        @Override
        public void close() {
            cluster.deleteConnector(name);
        }
    }

    Connector connector(String name) {
        return new Connector(name);
    }

    /** Creates and loads a topic once per run, before any connector reads it. */
    void ensureTopic(String topic, int partitions, long records) throws Exception {
        if (loaded.contains(topic)) {
            return;
        }
        if (cluster.topicExists(topic)) {
            throw new IllegalStateException("topic " + topic + " exists already");
        }
        cluster.createTopic(topic, partitions);
        log("Loading %,d records (~%d bytes each) into %s (%d partitions)...", records, Dataset.TARGET_VALUE_BYTES,
                topic, partitions);
        double rate = Producers.preload(cluster.bootstrap(), topic, partitions, records, "user");
        log("  loaded at %,.0f records/s", rate);
        loaded.add(topic);
    }

    /** Records and worker CPU over a measured window. */
    record Window(long records, double seconds, long workerCpuNanos, long harnessCpuNanos, long allocatedBytes,
                  Map<String, Double> threadCpuSeconds, ProcStats.Busiest busiestThread, String scheduling,
                  Instant from, Instant to, boolean complete) {

        double rate() {
            return seconds <= 0 ? 0 : records / seconds;
        }

        double workerCpuMicrosPerRecord() {
            return records == 0 ? Double.NaN : workerCpuNanos / 1000.0 / records;
        }

        double harnessCpuMicrosPerRecord() {
            return records == 0 ? Double.NaN : harnessCpuNanos / 1000.0 / records;
        }

        /** Bytes the worker allocated per record in the window (GC pressure), or NaN. */
        double allocatedBytesPerRecord() {
            return records == 0 || allocatedBytes < 0 ? Double.NaN : allocatedBytes / (double) records;
        }

        double workerCores() {
            return seconds <= 0 ? 0 : workerCpuNanos / 1e9 / seconds;
        }

        /** "task thread 0.71 cores, engine thread 0.30, ..." */
        String threadBreakdown() {
            List<String> parts = new ArrayList<>();
            threadCpuSeconds.entrySet().stream().limit(6).forEach(e -> parts.add(String.format(Locale.ROOT,
                    "%s %.2f", e.getKey(), e.getValue() / seconds)));
            return String.join(", ", parts);
        }
    }

    /**
     * Waits until {@code counter} reaches {@code warmRecords} and {@code warmMillis} have passed since the first
     * record, then counts records and CPU until it reaches {@code endRecords} or {@code maxWindowMillis} pass.
     */
    Window window(String connector, LongSupplier counter, long warmRecords, long warmMillis, long endRecords,
                  long maxWindowMillis) {
        return window(connector, counter, warmRecords, warmMillis, Long.MAX_VALUE, endRecords, maxWindowMillis);
    }

    /**
     * As {@link #window(String, LongSupplier, long, long, long, long)}, but the warm-up also ends once
     * {@code warmCapRecords} are counted, so a fast run does not drain the topic before its window starts.
     */
    Window window(String connector, LongSupplier counter, long warmRecords, long warmMillis, long warmCapRecords,
                  long endRecords, long maxWindowMillis) {
        long pid = cluster.workerPid();
        long firstAt = -1;
        long deadline = System.currentTimeMillis() + 180_000 + warmMillis;
        long lastCheck = 0;
        while (true) {
            long now = System.currentTimeMillis();
            long n = counter.getAsLong();
            if (n > 0 && firstAt < 0) {
                firstAt = now;
            }
            if (firstAt >= 0 && n >= warmRecords && (now - firstAt >= warmMillis || n >= warmCapRecords)) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException("no progress: " + n + " records after " + (now - deadline + 180_000)
                        / 1000 + " s (warm-up needs " + warmRecords + ")");
            }
            if (now - lastCheck > 1000) {
                cluster.checkNotFailed(connector);
                lastCheck = now;
            }
            Cluster.sleep(5);
        }
        long alloc0 = cluster.jmx().allocatedBytes();
        var threads0 = ProcStats.threads(pid);
        long cpu0 = ProcStats.cpuNanos(pid);
        long self0 = ProcStats.cpuNanos(ProcessHandle.current().pid());
        Instant from = Instant.now();
        long t0 = System.nanoTime();
        long c0 = counter.getAsLong();
        boolean complete = false;
        lastCheck = System.currentTimeMillis();
        while (true) {
            long n = counter.getAsLong();
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (n >= endRecords) {
                complete = true;
                break;
            }
            if (elapsed >= maxWindowMillis) {
                break;
            }
            if (System.currentTimeMillis() - lastCheck > 1000) {
                cluster.checkNotFailed(connector);
                lastCheck = System.currentTimeMillis();
            }
            Cluster.sleep(5);
        }
        long c1 = counter.getAsLong();
        long t1 = System.nanoTime();
        Instant to = Instant.now();
        long cpu1 = ProcStats.cpuNanos(pid);
        long self1 = ProcStats.cpuNanos(ProcessHandle.current().pid());
        var threads1 = ProcStats.threads(pid);
        long alloc1 = cluster.jmx().allocatedBytes();
        return new Window(c1 - c0, (t1 - t0) / 1e9, cpu1 - cpu0, self1 - self0,
                alloc0 < 0 || alloc1 < 0 ? -1 : alloc1 - alloc0,
                ProcStats.byCategory(threads0, threads1), ProcStats.busiest(threads0, threads1, (t1 - t0) / 1e9),
                ProcStats.scheduling(threads0, threads1, (t1 - t0) / 1e9, 4), from, to, complete);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f records/s", perSecond);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String dec(double v, int places) {
        return String.format(Locale.ROOT, "%,." + places + "f", v);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
