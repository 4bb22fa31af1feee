package io.outflow.connect.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A process's CPU time and memory from Linux's /proc: {@code /proc/<pid>/stat} utime + stime (all threads),
 * {@code /proc/<pid>/task/<tid>/stat} per thread (named by the thread's 15-character comm), {@code VmRSS} from
 * {@code /proc/<pid>/status}. Clock ticks are 1/100 s on Linux (USER_HZ), so CPU figures are good to about 10 ms.
 */
final class ProcStats {
    /** USER_HZ: what /proc/stat counts in; 100 on every mainstream Linux. */
    static final long TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** Process CPU time (user + system, all threads) in nanoseconds. */
    static long cpuNanos(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Resident set size in bytes. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU ticks per thread id, with each thread's name. */
    static Map<Long, ThreadTicks> threads(long pid) {
        Map<Long, ThreadTicks> out = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    long runNs = -1;
                    long waitNs = -1;
                    try {
                        String[] sched = Files.readString(dir.resolve("schedstat")).trim().split("\\s+");
                        runNs = Long.parseLong(sched[0]);
                        waitNs = Long.parseLong(sched[1]);
                    } catch (IOException | RuntimeException e) {
                        // no schedstats in this kernel
                    }
                    out.put(Long.parseLong(dir.getFileName().toString()),
                            new ThreadTicks(name, parseTicks(stat), runNs, waitNs));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * A thread's CPU ticks (stat) and, from schedstat, nanoseconds on a CPU and nanoseconds runnable but waiting
     * for one (-1 when the kernel does not keep them).
     */
    record ThreadTicks(String name, long ticks, long runNs, long waitNs) {
    }

    /**
     * For the {@code top} busiest threads between two snapshots: "name: on a CPU x%, waiting for one y%" of the
     * window. A thread that waits for a CPU a lot is starved by the machine, not slow by itself.
     */
    static String scheduling(Map<Long, ThreadTicks> before, Map<Long, ThreadTicks> after, double seconds, int top) {
        List<String> parts = new java.util.ArrayList<>();
        after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()) && e.getValue().runNs >= 0)
                .sorted((a, b) -> Long.compare(b.getValue().runNs - before.get(b.getKey()).runNs,
                        a.getValue().runNs - before.get(a.getKey()).runNs))
                .limit(top)
                .forEach(e -> {
                    ThreadTicks then = before.get(e.getKey());
                    double run = (e.getValue().runNs - then.runNs) / 1e9 / seconds;
                    double wait = (e.getValue().waitNs - then.waitNs) / 1e9 / seconds;
                    parts.add(String.format(java.util.Locale.ROOT, "`%s` on a CPU %.0f%%, waiting for one %.0f%%",
                            e.getValue().name, 100 * run, 100 * wait));
                });
        return String.join("; ", parts);
    }

    private static final List<Map.Entry<Pattern, String>> CATEGORIES = List.of(
            Map.entry(Pattern.compile("^task-thread-.*"), "task thread (poll, convert, put: prepare/encode)"),
            Map.entry(Pattern.compile(".*-task-\\d+-e.*"), "engine thread (queue, batch, settle)"),
            Map.entry(Pattern.compile(".*-task-\\d+-h.*"), "HTTP I/O thread (Apache client)"),
            Map.entry(Pattern.compile("^(GC Thread|G1 ).*"), "GC"),
            Map.entry(Pattern.compile("^(C1|C2) Compiler.*"), "JIT compiler"),
            Map.entry(Pattern.compile("^kafka-coordinator.*"), "consumer heartbeat"),
            Map.entry(Pattern.compile(".*"), "other (worker herder, producers, JFR, ...)"));

    /** A thread's category, from its (truncated) name. */
    static String category(String threadName) {
        for (Map.Entry<Pattern, String> c : CATEGORIES) {
            if (c.getKey().matcher(threadName).matches()) {
                return c.getValue();
            }
        }
        return "other";
    }

    /** CPU seconds per thread category between two snapshots, biggest first. */
    static Map<String, Double> byCategory(Map<Long, ThreadTicks> before, Map<Long, ThreadTicks> after) {
        Map<String, Double> seconds = new TreeMap<>();
        after.forEach((tid, now) -> {
            ThreadTicks then = before.get(tid);
            long delta = now.ticks - (then == null ? 0 : then.ticks);
            if (delta > 0) {
                seconds.merge(category(now.name), delta / (double) TICKS_PER_SECOND, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The busiest thread of a window: its CPU seconds, and the share of the window it ran and waited for a CPU. */
    record Busiest(String name, double cpuSeconds, double running, double waiting) {
        /** Whether it wanted a CPU nearly all the time (running or runnable): it is the bottleneck. */
        boolean saturated() {
            return running + waiting >= 0.85;
        }
    }

    static Busiest busiest(Map<Long, ThreadTicks> before, Map<Long, ThreadTicks> after, double seconds) {
        Busiest best = new Busiest("-", 0, 0, 0);
        for (Map.Entry<Long, ThreadTicks> e : after.entrySet()) {
            ThreadTicks then = before.get(e.getKey());
            if (then == null) {
                continue;
            }
            double cpu = (e.getValue().ticks - then.ticks) / (double) TICKS_PER_SECOND;
            if (cpu > best.cpuSeconds()) {
                boolean sched = e.getValue().runNs >= 0;
                double running = sched ? (e.getValue().runNs - then.runNs) / 1e9 / seconds : cpu / seconds;
                double waiting = sched ? (e.getValue().waitNs - then.waitNs) / 1e9 / seconds : 0;
                best = new Busiest(e.getValue().name, cpu, running, waiting);
            }
        }
        return best;
    }

    private static long ticks(Path stat) {
        try {
            return parseTicks(Files.readString(stat));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stat, e);
        }
    }

    /** utime + stime: fields 14 and 15 of stat, counted after the parenthesised command name. */
    static long parseTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
