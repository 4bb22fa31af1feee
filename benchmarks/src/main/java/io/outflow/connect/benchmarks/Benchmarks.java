package io.outflow.connect.benchmarks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark harness of issue 8. Started by {@code benchmarks/run.sh}: a broker and a Connect worker as processes
 * with the built plugins, the fakes in this JVM, the six measurements for every connector, a table on stdout and
 * the report in docs/benchmarks.md.
 */
public final class Benchmarks {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmarks.class);

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!ProcStats.available()) {
            System.err.println("The harness reads CPU and memory from /proc: it needs Linux.");
            System.exit(2);
        }
        Report.Machine machine = Report.Machine.describe();
        ZonedDateTime started = ZonedDateTime.now();
        long t0 = System.nanoTime();
        Bench.log("Outflow benchmarks: %s", String.join("; ", o.describe()));
        Bench.log("Machine: %d cores, %d MB, %s; load average %s", machine.cores(), machine.memoryMb(), machine.jdk(),
                machine.loadAtStart());
        Files.createDirectories(o.workDir);
        AckServer.defaultFaults(o.faults);
        List<String> setup = new ArrayList<>();
        List<Result> results;
        try (Cluster cluster = Cluster.start(o)) {
            Bench.log("Broker at %s, Connect worker pid %d (log %s)", cluster.bootstrap(), cluster.workerPid(),
                    cluster.workerLog());
            setup.add("worker log: `" + o.projectRoot.relativize(cluster.workerLog()) + "`");
            Bench bench = new Bench(o, cluster);
            for (Options.Measurement m : Options.Measurement.values()) {
                if (!o.measurements.contains(m)) {
                    continue;
                }
                for (Vendor vendor : o.vendors) {
                    runOne(bench, m, vendor);
                }
            }
            results = bench.results;
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        Report.printTable(results, o.quick);
        Report.write(o, machine, started, Report.loadAverage(), seconds, results, setup);
        System.out.println();
        Bench.log("Report written to %s (%d min %d s)", o.out, seconds / 60, seconds % 60);
        long failed = results.stream().filter(r -> r.status == Result.Status.ERROR).count();
        System.exit(failed > 0 ? 1 : 0);
    }

    private static void runOne(Bench bench, Options.Measurement m, Vendor vendor) {
        try {
            switch (m) {
                case THROUGHPUT -> bench.results.add(Throughput.run(bench, vendor));
                case LATENCY -> bench.results.addAll(LatencyHiding.run(bench, vendor));
                case RATELIMIT -> bench.results.add(RateLimitUtilisation.run(bench, vendor));
                case E2E -> bench.results.add(EndToEnd.run(bench, vendor));
                case MEMORY -> bench.results.add(MemoryUnderBacklog.run(bench, vendor));
                case SCALING -> bench.results.add(Scaling.run(bench, vendor));
                default -> throw new IllegalStateException();
            }
            Result last = bench.results.get(bench.results.size() - 1);
            Bench.log("  → %s: %s [%s]", vendor.displayName, last.value, last.statusText());
        } catch (Exception | AssertionError e) {
            Bench.log("  → %s %s failed: %s", vendor.displayName, m.title, e);
            LOG.error("{} {} failed", vendor.displayName, m.title, e);
            bench.results.add(new Result(m, vendor, "").error(e));
        }
    }
}
