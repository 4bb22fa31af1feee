package io.outflow.connect.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The harness's command line and the sizes of each measurement: the full benchmark (about 30 minutes on two cores)
 * or {@code --quick}, a tiny version of every measurement that proves the harness works end to end (3-4 minutes on a
 * busy two-core machine; its figures are not the benchmark).
 */
final class Options {
    /** The six measurements of issue 8, in report order. */
    enum Measurement {
        THROUGHPUT("throughput", "1. Engine throughput"),
        LATENCY("latency", "2. Latency hiding"),
        RATELIMIT("ratelimit", "3. Rate-limit utilisation"),
        E2E("e2e", "4. End-to-end latency"),
        MEMORY("memory", "5. Memory under backlog"),
        SCALING("scaling", "6. Scaling");

        final String id;
        final String title;

        Measurement(String id, String title) {
            this.id = id;
            this.title = title;
        }

        static Measurement of(String id) {
            for (Measurement m : values()) {
                if (m.id.equalsIgnoreCase(id.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown measurement '" + id + "'; one of throughput, latency, "
                    + "ratelimit, e2e, memory, scaling");
        }
    }

    final boolean quick;
    final Set<Vendor> vendors;
    final Set<Measurement> measurements;
    final boolean jfr;
    final Path projectRoot;
    final Path out;
    final Path workDir;
    final String kafkaVersion;
    final String commandLine;
    /** Faults the acknowledging fakes inject (--faults); none by default, so the measurements are of the engine. */
    final io.outflow.connect.testkit.http.FaultPlan faults;

    // Sizes.
    /** Records in the single-partition backlog topic (throughput, latency hiding and memory read it). */
    final int backlogRecords;
    /** Records in the 4-partition topic (scaling). */
    final int scalingRecords;
    /** Records of the rate-limit run (the 20,000). */
    final int rateLimitRecords;
    /** Seconds of the steady window of latency hiding and scaling. */
    final int windowSeconds;
    /** Seconds before a window starts (connector start, rebalance, JIT). */
    final int warmupSeconds;
    /** Seconds of paced production in the end-to-end measurement. */
    final int e2eSeconds;
    /** Seconds of sampling in the memory measurement. */
    final int memorySeconds;
    /** Longest throughput drain window before it is cut short. */
    final int maxDrainSeconds;

    private Options(boolean quick, Set<Vendor> vendors, Set<Measurement> measurements, boolean jfr, Path projectRoot,
                    Path out, Path workDir, String kafkaVersion, String commandLine, Integer backlogOverride,
                    io.outflow.connect.testkit.http.FaultPlan faults) {
        this.quick = quick;
        this.vendors = vendors;
        this.measurements = measurements;
        this.jfr = jfr;
        this.projectRoot = projectRoot;
        this.out = out;
        this.workDir = workDir;
        this.kafkaVersion = kafkaVersion;
        this.commandLine = commandLine;
        this.faults = faults;
        if (quick) {
            backlogRecords = backlogOverride != null ? backlogOverride : 150_000;
            scalingRecords = 300_000;
            rateLimitRecords = 1_000;
            windowSeconds = 3;
            warmupSeconds = 1;
            e2eSeconds = 3;
            memorySeconds = 10;
            maxDrainSeconds = 20;
        } else {
            backlogRecords = backlogOverride != null ? backlogOverride : 1_000_000;
            scalingRecords = 600_000;
            rateLimitRecords = 20_000;
            windowSeconds = 20;
            warmupSeconds = 5;
            e2eSeconds = 60;
            memorySeconds = 120;
            maxDrainSeconds = 120;
        }
    }

    static Options parse(String[] args) {
        boolean quick = false;
        boolean jfr = true;
        Set<Vendor> vendors = EnumSet.allOf(Vendor.class);
        Set<Measurement> measurements = EnumSet.allOf(Measurement.class);
        Path root = Path.of(System.getProperty("outflow.project.root", ".")).toAbsolutePath().normalize();
        Path out = null;
        String kafka = "4.3.1";
        Integer backlog = null;
        io.outflow.connect.testkit.http.FaultPlan faults = io.outflow.connect.testkit.http.FaultPlan.none();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--no-jfr")) {
                jfr = false;
            } else if (arg.startsWith("--vendors=")) {
                vendors = EnumSet.noneOf(Vendor.class);
                for (String v : arg.substring("--vendors=".length()).split(",")) {
                    vendors.add(Vendor.valueOf(v.trim().toUpperCase(Locale.ROOT)));
                }
            } else if (arg.startsWith("--only=")) {
                measurements = EnumSet.noneOf(Measurement.class);
                for (String m : arg.substring("--only=".length()).split(",")) {
                    measurements.add(Measurement.of(m));
                }
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--backlog=")) {
                backlog = Integer.parseInt(arg.substring("--backlog=".length()).replace("_", ""));
            } else if (arg.startsWith("--faults=")) {
                faults = parseFaults(arg.substring("--faults=".length()));
            } else if (arg.startsWith("--kafka=")) {
                kafka = arg.substring("--kafka=".length());
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                System.exit(0);
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'\n" + usage());
            }
        }
        if (out == null) {
            out = root.resolve("docs/benchmarks.md");
        } else if (!out.isAbsolute()) {
            out = root.resolve(out);
        }
        Path work = root.resolve("benchmarks/target/bench-work");
        String command = System.getProperty("outflow.bench.command", "benchmarks/run.sh " + String.join(" ", args)).trim();
        return new Options(quick, vendors, measurements, jfr, root, out, work, kafka, command, backlog, faults);
    }

    /** "HTTP_500=0.01,DROP_BEFORE_APPLY=0.001": testkit FaultKind names and probabilities per request. */
    static io.outflow.connect.testkit.http.FaultPlan parseFaults(String spec) {
        io.outflow.connect.testkit.http.FaultPlan.Builder plan = io.outflow.connect.testkit.http.FaultPlan.builder();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--faults takes KIND=probability pairs, e.g. HTTP_500=0.01: " + part);
            }
            plan.probability(io.outflow.connect.testkit.http.FaultKind.valueOf(kv[0].trim().toUpperCase(Locale.ROOT)),
                    Double.parseDouble(kv[1].trim()));
        }
        return plan.build();
    }

    static String usage() {
        return String.join("\n",
                "usage: benchmarks/run.sh [--quick] [--only=throughput,latency,ratelimit,e2e,memory,scaling]",
                "                         [--vendors=hubspot,zendesk,braze] [--no-jfr] [--out=docs/benchmarks.md]",
                "                         [--backlog=1000000] [--faults=HTTP_500=0.01,...] [--kafka=4.3.1] [--rebuild]",
                "  --quick     a tiny version of every measurement (smoke check, 3-4 minutes); figures are not the benchmark",
                "  --only      run some measurements (the report then holds only those)",
                "  --vendors   run some connectors",
                "  --no-jfr    do not profile the throughput window with Java Flight Recorder",
                "  --out       where the Markdown report goes (default docs/benchmarks.md)",
                "  --backlog   records in the backlog topic (default 1,000,000; quick 150,000)",
                "  --faults    seeded faults the acknowledging fakes inject, testkit FaultKind=probability pairs",
                "              (HTTP_500, HTTP_503, HTTP_429_RETRY_AFTER, HTTP_429_NO_RETRY_AFTER, SLOW,",
                "              DROP_BEFORE_APPLY, DROP_AFTER_APPLY); default none",
                "  --jmh       (run.sh) JMH microbenchmarks of the per-record path instead; JMH options follow",
                "  --rebuild   (run.sh) build the plugin archives and testkit first, even if present");
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("mode: " + (quick ? "quick (smoke-sized; not the benchmark)" : "full"));
        lines.add("vendors: " + vendors + ", measurements: " + measurements);
        if (!faults.isEmpty()) {
            lines.add("faults injected by the acknowledging fakes: " + faults);
        }
        return lines;
    }
}
