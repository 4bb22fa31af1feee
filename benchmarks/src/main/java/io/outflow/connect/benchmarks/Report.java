package io.outflow.connect.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console table and docs/benchmarks.md. */
final class Report {
    private Report() {
    }

    /** The machine, as the report's header states it. */
    record Machine(int cores, String cpu, long memoryMb, String jdk, String os, String loadAtStart) {
        static Machine describe() {
            String cpu = "?";
            long memory = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        cpu = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        memory = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: leave the unknowns
            }
            String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
            return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, jdk, os, loadAverage());
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static void printTable(List<Result> results, boolean quick) {
        String[] head = {"Measurement", "Connector", "Setting", "Result", "Target", "Status"};
        List<String[]> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(new String[]{r.measurement.title, r.vendor.displayName, r.setting, r.value, r.target,
                    r.statusText() + (quick && (r.status == Result.Status.MET || r.status == Result.Status.MISSED)
                            ? " (quick)" : "")});
        }
        int[] widths = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            widths[i] = head[i].length();
            for (String[] row : rows) {
                widths[i] = Math.min(Math.max(widths[i], row[i].length()), 70);
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, head, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("-+-");
        }
        out.append(rule, 0, rule.length() - 3).append('\n');
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        System.out.println();
        System.out.print(out);
        for (Result r : results) {
            if (!r.why.isEmpty() || r.status == Result.Status.ERROR) {
                System.out.println();
                System.out.println(r.statusText() + ": " + r.measurement.title + " / " + r.vendor.displayName + " / "
                        + r.setting);
                r.notes.forEach(n -> System.out.println("  note: " + n));
                r.why.forEach(w -> System.out.println("  why: " + w));
            }
        }
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].length() > widths[i] ? cells[i].substring(0, widths[i] - 1) + "…" : cells[i];
            out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", cell));
            out.append(i == cells.length - 1 ? "\n" : " | ");
        }
    }

    static void write(Options o, Machine machine, ZonedDateTime started, String loadAtEnd, long durationSeconds,
                      List<Result> results, List<String> setupNotes) throws IOException {
        List<String> md = new ArrayList<>();
        md.add("# Benchmarks");
        md.add("");
        md.add("Written by the benchmark harness (`benchmarks/`, issue 8). Re-run it to replace this file.");
        md.add("");
        if (o.quick) {
            md.add("> **Quick mode.** Every measurement ran at a tiny size to prove the harness works end to end. "
                    + "These figures are a smoke check, not the benchmark: windows are a few seconds long and "
                    + "warm-up is short. Run without `--quick` for the real figures.");
            md.add("");
        }
        md.add("| | |");
        md.add("|---|---|");
        md.add("| Date | " + started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + " (took "
                + durationSeconds / 60 + " min " + durationSeconds % 60 + " s) |");
        md.add("| Command | `" + o.commandLine + "` |");
        md.add("| Machine | " + machine.cores() + " cores (" + machine.cpu() + "), " + machine.memoryMb()
                + " MB memory, " + machine.os() + " |");
        md.add("| JDK | " + machine.jdk() + " (harness, broker and worker alike) |");
        md.add("| Kafka | broker and Connect worker " + o.kafkaVersion + ", each its own JVM (-Xmx512m, G1); "
                + "plugins from `assembly/target/plugin-path` |");
        md.add("| Load average (1/5/15 min) | at start " + machine.loadAtStart() + ", at end " + loadAtEnd
                + (o.quick ? "" : " — other work on the machine skews every figure; run on a quiet machine") + " |");
        md.add("| Faults | " + (o.faults.isEmpty() ? "none (the acknowledging fakes answer every request)"
                : "the acknowledging fakes inject " + o.faults) + " |");
        md.add("| Records | ~" + Dataset.TARGET_VALUE_BYTES + "-byte schemaless JSON values, unique email keys, "
                + "StringConverter keys, JsonConverter values (`schemas.enable=false`) |");
        md.add("");
        md.add("## Results");
        md.add("");
        md.add("| Measurement | Connector | Setting | Result | Target | |");
        md.add("|---|---|---|---|---|---|");
        for (Result r : results) {
            md.add("| " + cell(r.measurement.title) + " | " + r.vendor.displayName + " | " + cell(r.setting) + " | "
                    + cell(r.value) + " | " + cell(r.target) + " | " + (r.status == Result.Status.MET ? "met"
                    : r.status == Result.Status.MISSED ? "**missed**" : r.status == Result.Status.ERROR
                    ? "**error**" : "") + (o.quick && (r.status == Result.Status.MET
                    || r.status == Result.Status.MISSED) ? " (quick)" : "") + " |");
        }
        md.add("");
        List<Result> missed = results.stream().filter(r -> r.status == Result.Status.MISSED
                || r.status == Result.Status.ERROR).toList();
        if (!missed.isEmpty()) {
            md.add("## Missed targets: why, and what would fix it");
            md.add("");
            if (o.quick) {
                md.add("Quick mode: several of these are artefacts of the tiny sizes (a few seconds of cold JIT, a "
                        + "rate limiter's warm-up over ten requests); the full run is the one to read.");
                md.add("");
            }
            for (Result r : missed) {
                md.add("### " + r.measurement.title + " — " + r.vendor.displayName + " — " + r.setting);
                md.add("");
                md.add("Measured " + r.value + "; target " + r.target + ".");
                md.add("");
                r.why.forEach(w -> md.add("- " + w));
                r.notes.stream().filter(n -> n.startsWith("the measurement failed")).forEach(n -> md.add("- " + n));
                md.add("");
            }
        }
        md.add("## Details");
        for (Options.Measurement m : Options.Measurement.values()) {
            List<Result> of = results.stream().filter(r -> r.measurement == m).toList();
            if (of.isEmpty()) {
                continue;
            }
            md.add("");
            md.add("### " + m.title);
            md.add("");
            md.add(method(m));
            for (Result r : of) {
                md.add("");
                md.add("**" + r.vendor.displayName + ", " + r.setting + "**: " + r.value);
                md.add("");
                r.notes.forEach(n -> md.add("- " + n));
                if (!r.details.isEmpty()) {
                    md.add("");
                    r.details.forEach(d -> md.add(d.startsWith("- ") || d.isEmpty() ? d : "- " + d));
                }
            }
        }
        if (!setupNotes.isEmpty()) {
            md.add("");
            md.add("### Setup");
            md.add("");
            setupNotes.forEach(n -> md.add("- " + n));
        }
        md.add("");
        md.addAll(staticSection("/benchmarks-howto.md"));
        md.addAll(staticSection("/benchmarks-findings.md"));
        Files.createDirectories(o.out.getParent());
        Files.writeString(o.out, String.join("\n", md).replaceAll("\n{3,}", "\n\n").trim() + "\n",
                StandardCharsets.UTF_8);
    }

    private static List<String> staticSection(String resource) throws IOException {
        try (InputStream in = Report.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n", -1)));
            lines.add("");
            return lines;
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    static String method(Options.Measurement m) {
        return switch (m) {
            case THROUGHPUT -> "One task drains the pre-loaded backlog topic into an acknowledging fake (the vendor's "
                    + "success answer, the body never parsed, no latency, no limit) with `rate.limit.requests=0`. "
                    + "Records/s and the worker's CPU (`/proc/<pid>/stat` utime+stime, all threads) are counted "
                    + "over the drain after a warm-up (10% of the topic); the harness's own CPU (fake, producer) is "
                    + "shown apart. The topic is drained again by a new connector until the worker's JIT compiler "
                    + "threads stay under 0.1 cores during a drain (at most 5; quick: once); the last drain is the "
                    + "figure, and it is profiled with JFR.";
            case LATENCY -> "One task, rate limit off, the acknowledging fake answering every request after 50 ms "
                    + "or 200 ms. Defaults, then `max.in.flight.requests` raised. Records/s over a window after a "
                    + "warm-up.";
            case RATELIMIT -> "The testkit's full vendor fake enforcing its documented limit (429 with the vendor's "
                    + "headers), the connector at its defaults (Braze: `rate.limit.requests`/`window.ms` set to the "
                    + "scaled-down limit), one task. Records/s from the fake's first request to its last, against "
                    + "the ceiling (limit × batch cap, Zendesk ÷ 2 for its status reads); 429 share of all requests.";
            case E2E -> "Records produced one by one at a fixed rate (linger 0, acks=1) with `sent_at` (epoch ms) in "
                    + "the value; a recording fake (vendor default rate limit enforced) notes when it stores each "
                    + "key; latency = store time − sent_at, same clock. Connector at its defaults; measured after "
                    + "a warm-up.";
            case MEMORY -> "One task on the backlog topic, acknowledging fake at 200 ms, rate limit off, defaults "
                    + "otherwise (`max.buffered.records` 20,000); in the full run the worker is restarted first, so "
                    + "its memory is that connector's from a clean JVM. Every 2 s: worker RSS (`/proc/<pid>/status` "
                    + "VmRSS) and heap in use and committed (JMX `java.lang:type=Memory`). The first third of the "
                    + "run is warm-up. After it, RSS must stay within 10%, and so must the live heap: heap in use "
                    + "after a full collection (JMX `MemoryMXBean.gc`) at the end of warm-up and at the end (a "
                    + "change under 16 MB counts as flat). The backlog stays in Kafka: the task pauses its "
                    + "partitions at `max.buffered.records`, so memory does not depend on backlog size "
                    + "(`records-buffered` is reported).";
            case SCALING -> "Tasks 1, 2 and 4 on a 4-partition topic, acknowledging fake at 200 ms (latency-bound "
                    + "tasks), rate limit off. Records/s over a window after a warm-up.";
        };
    }
}
