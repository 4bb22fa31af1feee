package io.outflow.connect.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 1. Engine throughput: one task draining the backlog topic into an acknowledging fake with no latency and no limit,
 * the connector's own rate limit off ({@code rate.limit.requests=0}), full batches, schemaless JSON. Records per
 * second and worker CPU per record over the drain window (after a warm-up); the window is profiled with JFR.
 */
final class Throughput {
    static final double TARGET_RATE = 100_000;
    static final double TARGET_CPU_MICROS = 15;
    /** At most this many drains before the figure is taken anyway. */
    static final int MAX_ROUNDS = 5;
    /** A drain during which the JIT compiler threads used less than this is the figure. */
    static final double JIT_QUIET_CORES = 0.10;

    private Throughput() {
    }

    static Result run(Bench bench, Vendor vendor) throws Exception {
        Options o = bench.options;
        bench.ensureTopic(Bench.BACKLOG_TOPIC, 1, o.backlogRecords);
        String setting = "1 task, rate limit off, no latency, batches of " + vendor.batchCap
                + (vendor == Vendor.ZENDESK ? ", 30 in flight, job poll 10 ms" : "");
        Result result = new Result(Options.Measurement.THROUGHPUT, vendor, setting);
        Path jfr = o.workDir.resolve("jfr").resolve(vendor.name().toLowerCase(Locale.ROOT) + "-throughput.jfr");
        boolean profiling = false;
        try (AckServer ack = AckServer.start(vendor, AckServer.Mode.ACK, 0)) {
            Map<String, String> config = vendor.config(ack.baseUrl(), Bench.BACKLOG_TOPIC, 1);
            config.put("rate.limit.requests", "0");
            if (vendor == Vendor.ZENDESK) {
                // A job needs a submit and a status read; at the default first read after 1 s and 5 jobs in flight
                // the job model, not the engine, would be measured (5 x 100 / 1 s = 500 records/s).
                config.put("zendesk.job.poll.ms", "10");
                config.put("max.in.flight.requests", "30");
            }
            if (o.jfr) {
                // Started before the first drain: starting a recording makes the JVM re-instrument some JDK
                // classes, and the recompilation that follows must not land in the measured drain.
                JfrProfile.start(bench.cluster.workerPid(), jfr);
                profiling = true;
            }
            // Drains of the whole topic, each by a new connector, until the worker's JIT compiler is quiet during
            // one (the compiled code of the framework and of the plugin is shared by every connector of the
            // plugin): on two cores compilation takes several drains and would otherwise be much of the figure.
            int maxRounds = o.quick ? 1 : MAX_ROUNDS;
            List<String> rounds = new ArrayList<>();
            Bench.Window w = null;
            long requests = 0;
            double batch = Double.NaN;
            long warm = o.backlogRecords / (o.quick ? 5 : 10);
            for (int round = 1; round <= maxRounds; round++) {
                String name = bench.connectorName(vendor, "tp");
                Bench.log("%s throughput: drain %d (at most %d) of %,d records (%s)", vendor.displayName, round,
                        maxRounds, o.backlogRecords, name);
                long before = ack.acknowledged();
                long requestsBefore = ack.requests();
                try {
                    bench.cluster.startConnector(name, config, 1);
                    w = bench.window(name, () -> ack.acknowledged() - before, warm, 1000, o.backlogRecords,
                            o.maxDrainSeconds * 1000L);
                    batch = bench.cluster.jmx().taskMetricAvg(name, "batch-size-avg");
                    requests = ack.requests() - requestsBefore;
                } finally {
                    bench.cluster.deleteConnector(name);
                }
                double jit = w.threadCpuSeconds().getOrDefault(ProcStats.category("C2 CompilerThre"), 0.0)
                        / w.seconds();
                rounds.add(String.format(Locale.ROOT, "%s at %.1f µs/record (JIT %.2f cores)", Bench.rate(w.rate()),
                        w.workerCpuMicrosPerRecord(), jit));
                Bench.log("  %s", rounds.get(rounds.size() - 1));
                if (jit < JIT_QUIET_CORES) {
                    break;
                }
            }
            if (profiling) {
                JfrProfile.stop(bench.cluster.workerPid());
                profiling = false;
            }
            double rate = w.rate();
            double cpu = w.workerCpuMicrosPerRecord();
            boolean met = rate >= TARGET_RATE && cpu <= TARGET_CPU_MICROS;
            result.value(Bench.rate(rate) + ", " + Bench.dec(cpu, 1) + " µs worker CPU/record")
                    .target("≥ 100,000 records/s and ≤ 15 µs/record", met)
                    .note("drains (the last is the figure): " + String.join("; ", rounds))
                    .note(String.format(Locale.ROOT, "last drain's window: %,d records in %.1f s%s, after %,d records "
                                    + "of warm-up; %,d requests in the drain; batch-size-avg %.1f", w.records(),
                            w.seconds(), w.complete() ? " (to the end of the topic)" : " (cut at the time limit)",
                            warm, requests, batch))
                    .note(String.format(Locale.ROOT, "worker CPU %.2f cores: %s", w.workerCores(),
                            w.threadBreakdown()))
                    .note(String.format(Locale.ROOT, "worker allocation: %,.0f bytes per record (all threads)",
                            w.allocatedBytesPerRecord()))
                    .note("busiest worker threads (schedstat): " + w.scheduling())
                    .note(String.format(Locale.ROOT, "harness (fake) CPU: %.1f µs/record",
                            w.harnessCpuMicrosPerRecord()));
            if (o.jfr) {
                JfrProfile.Summary summary = JfrProfile.summarise(jfr, o.projectRoot.relativize(jfr), w.from(),
                        w.to());
                result.details.addAll(summary.markdown(10));
            }
            if (!met) {
                explain(result, w, rate, cpu);
            }
        } finally {
            if (profiling) {
                try {
                    JfrProfile.stop(bench.cluster.workerPid());
                } catch (Exception ignored) {
                    // reported by the measurement's own failure
                }
            }
        }
        return result;
    }

    private static void explain(Result result, Bench.Window w, double rate, double cpu) {
        int cores = Runtime.getRuntime().availableProcessors();
        double harnessCores = w.harnessCpuNanos() / 1e9 / w.seconds();
        ProcStats.Busiest busiest = w.busiestThread();
        if (busiest.saturated()) {
            double perRecord = 1e6 * busiest.running() / rate;
            result.why(String.format(Locale.ROOT, "One worker thread is the bottleneck: `%s` (%s) ran %.0f%% of the "
                            + "window and waited for a CPU another %.0f%%. Its own work is %.1f µs per record, so "
                            + "with a core to itself it would carry about %s.", busiest.name(),
                    ProcStats.category(busiest.name()), 100 * busiest.running(), 100 * busiest.waiting(),
                    perRecord, Bench.rate(1e6 / perRecord)));
        }
        if (w.workerCores() + harnessCores >= 0.85 * cores) {
            result.why(String.format(Locale.ROOT, "The machine's %d cores were busy: worker %.2f cores + harness "
                    + "(fake, producer) %.2f cores, plus the broker. On a box this small the rate is bounded by "
                    + "total CPU per record, not by waiting.", cores, w.workerCores(), harnessCores));
        }
        if (cpu > TARGET_CPU_MICROS) {
            result.why(String.format(Locale.ROOT, "CPU per record is %.1f µs against 15 µs: %s (cores of worker CPU "
                    + "by thread). See the JFR summary for where it goes.", cpu, w.threadBreakdown()));
        }
        if (result.why.isEmpty()) {
            result.why("Neither a single thread nor the machine was saturated: the task waits for something "
                    + "(requests in flight, linger, or the consumer's fetches). See the thread breakdown.");
        }
    }
}
