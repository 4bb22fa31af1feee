package io.outflow.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Follows delivery live until every connector has finished the topic (its committed offsets reach the end: each
 * record delivered or dead-lettered), printing per destination what its sandbox applied, what went to its DLQ and the
 * current rate.
 */
final class Progress {
    private static final long TICK_MS = 1000;
    private static final long QUIET_PRINT_MS = 5000;

    private final Console console;
    private final KafkaView kafka;
    private final String topic;
    private final List<DestinationCheck> destinations;

    Progress(Console console, KafkaView kafka, String topic, List<DestinationCheck> destinations) {
        this.console = console;
        this.kafka = kafka;
        this.topic = topic;
        this.destinations = destinations;
    }

    /** Where a phase starts from: the counters before its records were published. */
    record Baseline(long[] applied, long[] deadLettered) {
    }

    Baseline baseline() {
        long[] applied = new long[destinations.size()];
        long[] dead = new long[destinations.size()];
        for (int i = 0; i < destinations.size(); i++) {
            applied[i] = destinations.get(i).applied();
            dead[i] = kafka.records(destinations.get(i).dlqTopic());
        }
        return new Baseline(applied, dead);
    }

    /** Per destination: records applied and dead-lettered since the baseline. */
    record Totals(long[] applied, long[] deadLettered, double seconds) {
    }

    /**
     * Prints progress until every connector is done with the topic; returns the totals, or null when the timeout
     * passed first (or a stop was requested).
     */
    Totals follow(Baseline baseline, Duration timeout, java.util.function.BooleanSupplier stopping)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int n = destinations.size();
        long[] lastApplied = baseline.applied().clone();
        long lastTick = start;
        long lastPrint = 0;
        String lastLine = "";
        while (!stopping.getAsBoolean()) {
            Thread.sleep(TICK_MS);
            long now = System.nanoTime();
            double sinceTick = Math.max(0.001, (now - lastTick) / 1e9);
            long[] applied = new long[n];
            long[] dead = new long[n];
            long totalLag = 0;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DestinationCheck d = destinations.get(i);
                long appliedNow = d.applied();
                applied[i] = appliedNow - baseline.applied()[i];
                dead[i] = kafka.records(d.dlqTopic()) - baseline.deadLettered()[i];
                long lag = kafka.lag(d.connector(), topic);
                totalLag += lag;
                double rate = (appliedNow - lastApplied[i]) / sinceTick;
                lastApplied[i] = appliedNow;
                parts.add(String.format(Locale.ROOT, "%s %d delivered, %d dead-lettered, %.0f/s%s", d.label(),
                        applied[i], dead[i], rate, lag > 0 ? ", " + lag + " to go" : ", done"));
            }
            lastTick = now;
            double elapsed = (now - start) / 1e9;
            String line = String.join(" | ", parts);
            boolean changed = !line.equals(lastLine);
            if (changed || now - lastPrint > QUIET_PRINT_MS * 1_000_000L) {
                console.line(String.format(Locale.ROOT, "  [%5.1fs] %s", elapsed, line));
                lastPrint = now;
                lastLine = line;
            }
            if (totalLag == 0) {
                return new Totals(applied, dead, elapsed);
            }
            if (now - deadline > 0) {
                return null;
            }
        }
        return null;
    }
}
