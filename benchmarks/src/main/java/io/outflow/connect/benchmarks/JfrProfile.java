package io.outflow.connect.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Java Flight Recorder on the worker process, started and stopped with {@code jcmd} around a measurement (the
 * "profile" settings: execution samples every 10 ms, allocation samples), and summarised for the report: where the
 * samples fell by thread, the hottest methods (self), the hottest Outflow methods (inclusive), and the top
 * allocation sites. Only samples inside the measured window count. The recording stays on disk for
 * {@code jfr print --events jdk.ExecutionSample <file>} or JDK Mission Control.
 */
final class JfrProfile {
    private static final String NAME = "outflow-bench";

    private JfrProfile() {
    }

    static void start(long pid, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=" + settings(file.getParent()),
                "filename=" + file.toAbsolutePath());
    }

    /**
     * The JDK's "profile" settings with every JIT compilation recorded (its threshold is 100 ms there): on a small
     * machine compilation competes with the task for the cores, and the report says how much of it fell in the window.
     */
    private static String settings(Path dir) throws IOException {
        Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        if (!Files.isReadable(profile)) {
            return "profile";
        }
        String jfc = Files.readString(profile).replace(
                "<setting name=\"threshold\" control=\"compiler-compilation-threshold\">100 ms</setting>",
                "<setting name=\"threshold\" control=\"compiler-compilation-threshold\">0 ms</setting>");
        Path out = dir.resolve("bench-profile.jfc");
        Files.writeString(out, jfc);
        return out.toAbsolutePath().toString();
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME);
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** What a profile says, for the report. */
    record Summary(Path file, long samples, Map<String, Long> byThread, Map<String, Long> hotSelf,
                   Map<String, Long> hotOutflow, Map<String, Long> allocations, long allocationWeightBytes,
                   long compilations, long compileMillis, Map<String, Long> compiled, Map<String, Long> deopts) {

        List<String> markdown(int top) {
            List<String> lines = new ArrayList<>();
            lines.add("JFR: " + samples + " execution samples in the window (recording `" + file + "`)");
            lines.add("- samples by thread: " + percentages(byThread, samples, 6));
            lines.add("- hottest methods (self): " + percentages(hotSelf, samples, top));
            lines.add("- hottest Outflow methods (inclusive): " + percentages(hotOutflow, samples, top));
            lines.add(String.format(java.util.Locale.ROOT, "- JIT compilations in the window: %d taking %d ms "
                    + "in all; longest: %s; deoptimizations: %s", compilations, compileMillis,
                    top(compiled, 5, " ms"), deopts.isEmpty() ? "none" : top(deopts, 5, "")));
            if (allocationWeightBytes > 0) {
                lines.add("- allocation (sampled weight) by top frame: " + percentages(allocations,
                        allocationWeightBytes, 6));
            }
            return lines;
        }

        private static String top(Map<String, Long> counts, int n, String unit) {
            List<String> parts = new ArrayList<>();
            counts.entrySet().stream().limit(n).forEach(e -> parts.add("`" + e.getKey() + "` " + e.getValue() + unit));
            return parts.isEmpty() ? "(none)" : String.join(", ", parts);
        }

        private static String percentages(Map<String, Long> counts, long total, int top) {
            List<String> parts = new ArrayList<>();
            counts.entrySet().stream().limit(top).forEach(e ->
                    parts.add("`" + e.getKey() + "` " + Math.round(100.0 * e.getValue() / Math.max(1, total)) + "%"));
            return parts.isEmpty() ? "(none)" : String.join(", ", parts);
        }
    }

    static Summary summarise(Path file, Path shownAs, Instant from, Instant to) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> outflow = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        Map<String, Long> compiled = new HashMap<>();
        Map<String, Long> deopts = new HashMap<>();
        long compilations = 0;
        long compileMillis = 0;
        long samples = 0;
        long allocationWeight = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                Instant at = event.getStartTime();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    RecordedThread thread = event.getThread("sampledThread");
                    String threadName = thread == null ? "?" : thread.getJavaName();
                    RecordedStackTrace stack = event.getStackTrace();
                    byThread.merge(category(threadName == null ? "?" : threadName, stack), 1L, Long::sum);
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        String n = name(frame);
                        if (n.startsWith("io.outflow.") && !n.contains("$$Lambda") && !n.contains(".lambda$")
                                && seen.add(n)) {
                            outflow.merge(n, 1L, Long::sum);
                        }
                    }
                } else if (type.equals("jdk.Compilation")) {
                    compilations++;
                    long ms = event.getDuration().toMillis();
                    compileMillis += ms;
                    RecordedMethod method = event.getValue("method");
                    String n = method == null ? "?" : method.getType().getName() + "." + method.getName();
                    compiled.merge(n + (event.getBoolean("isOsr") ? " (OSR)" : ""), ms, Long::sum);
                } else if (type.equals("jdk.Deoptimization")) {
                    RecordedMethod method = event.getValue("method");
                    String n = method == null ? "?" : method.getType().getName() + "." + method.getName();
                    deopts.merge(n + " (" + event.getString("reason") + ")", 1L, Long::sum);
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    long weight = event.getLong("weight");
                    allocationWeight += weight;
                    RecordedStackTrace stack = event.getStackTrace();
                    String site = stack == null || stack.getFrames().isEmpty() ? "?" : firstInteresting(stack);
                    allocations.merge(site, weight, Long::sum);
                }
            }
        }
        return new Summary(shownAs, samples, sorted(byThread), sorted(self), sorted(outflow), sorted(allocations),
                allocationWeight, compilations, compileMillis, sorted(compiled), sorted(deopts));
    }

    /**
     * The thread's category. JFR keeps the name a thread had when it was first seen, and Connect renames its
     * executor's pool thread to task-thread-... only once it runs the task, so the task thread is recognised by its
     * stack (WorkerSinkTask) too.
     */
    private static String category(String threadName, RecordedStackTrace stack) {
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                RecordedMethod method = frame.getMethod();
                if (method != null && method.getType() != null
                        && method.getType().getName().startsWith("org.apache.kafka.connect.runtime.WorkerSinkTask")) {
                    return ProcStats.category("task-thread-");
                }
            }
        }
        return ProcStats.category(threadName);
    }

    /** The first frame that is not inside java.* allocation plumbing (array copies, builders). */
    private static String firstInteresting(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String n = name(frame);
            if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                return n;
            }
        }
        return name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "?";
        }
        String type = method.getType() == null ? "?" : method.getType().getName();
        return type + "." + method.getName();
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
