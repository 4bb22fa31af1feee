package io.outflow.connect.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 5. Memory under backlog: the backlog topic (1,000,000 records in the full run) already there, the acknowledging
 * fake answering in 200 ms, one task at its defaults except the rate limit (off, so the task moves as fast as the
 * latency lets it and its buffer is exercised). The worker's RSS (/proc VmRSS) and heap (JMX) are sampled every two
 * seconds while it drains; after a warm-up third of the run they should stay flat (within 10%).
 */
final class MemoryUnderBacklog {
    static final int LATENCY_MS = 200;
    static final double TARGET_GROWTH = 0.10;
    static final long SAMPLE_MS = 2000;
    static final List<String> FIXED_HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    private MemoryUnderBacklog() {
    }

    record Sample(double seconds, long rss, long heapUsed, long heapCommitted, long oldAfterGc, double buffered,
                  long acknowledged) {
    }

    static Result run(Bench bench, Vendor vendor) throws Exception {
        Options o = bench.options;
        bench.ensureTopic(Bench.BACKLOG_TOPIC, 1, o.backlogRecords);
        String setting = String.format(Locale.ROOT, "%,d-record backlog, %d ms latency, rate limit off, %d s%s",
                o.backlogRecords, LATENCY_MS, o.memorySeconds, o.quick ? "" : ", worker heap fixed at 512 MB");
        Result result = new Result(Options.Measurement.MEMORY, vendor, setting);
        if (!o.quick) {
            // A fresh worker JVM, so its memory is this connector's alone, from its start. Its heap is fixed and
            // touched up front (-Xms = -Xmx, as production workers run): with a growing heap, RSS measures how far
            // G1 has expanded the heap towards -Xmx (which the allocation rate decides, not anything retained); with
            // a fixed one, RSS growth is native memory, and the live heap shows whatever the task retains.
            Bench.log("%s memory under backlog: restarting the worker (fixed heap) for a clean JVM",
                    vendor.displayName);
            bench.cluster.restartWorker(FIXED_HEAP);
        }
        String name = bench.connectorName(vendor, "mb");
        long pid = bench.cluster.workerPid();
        try (AckServer ack = AckServer.start(vendor, AckServer.Mode.ACK, LATENCY_MS);
             Bench.Connector connector = bench.connector(name)) {
            Map<String, String> config = vendor.config(ack.baseUrl(), Bench.BACKLOG_TOPIC, 1);
            config.put("rate.limit.requests", "0");
            Bench.log("%s memory under backlog: %s (%s)", vendor.displayName, setting, name);
            long baselineRss = ProcStats.rssBytes(pid);
            connector.start(config, 1);
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            long warmEnd = start + o.memorySeconds * 1_000_000_000L / 3;
            long end = start + o.memorySeconds * 1_000_000_000L;
            long liveAtWarmEnd = -1;
            int warmSamples = 0;
            while (System.nanoTime() < end) {
                Cluster.sleep(SAMPLE_MS);
                bench.cluster.checkNotFailed(name);
                if (liveAtWarmEnd < 0 && System.nanoTime() >= warmEnd) {
                    liveAtWarmEnd = bench.cluster.jmx().liveHeapAfterFullGc();
                    warmSamples = samples.size();
                }
                JmxProbe.Heap heap = bench.cluster.jmx().heap();
                samples.add(new Sample((System.nanoTime() - start) / 1e9, ProcStats.rssBytes(pid), heap.used(),
                        heap.committed(), heap.oldAfterGc(),
                        bench.cluster.jmx().taskMetricSum(name, "records-buffered"), ack.acknowledged()));
                if (ack.acknowledged() >= o.backlogRecords) {
                    break;
                }
            }
            long liveAtEnd = bench.cluster.jmx().liveHeapAfterFullGc();
            evaluate(result, samples, warmSamples, baselineRss, liveAtWarmEnd, liveAtEnd, o.backlogRecords);
        }
        return result;
    }

    private static void evaluate(Result result, List<Sample> samples, int warm, long baselineRss, long liveStart,
                                 long liveEnd, long backlog) {
        List<Sample> steady = samples.subList(Math.min(warm, samples.size()), samples.size());
        if (steady.size() < 2 || liveStart < 0) {
            result.value("too few samples").info("flat within 10% after warm-up");
            return;
        }
        long rssMin = steady.stream().mapToLong(Sample::rss).min().orElse(0);
        long rssMax = steady.stream().mapToLong(Sample::rss).max().orElse(0);
        double rssGrowth = (rssMax - rssMin) / (double) rssMin;
        double slope = slopePerMinute(steady) / (1024 * 1024);
        double liveGrowth = (liveEnd - liveStart) / (double) Math.max(1, liveStart);
        long heapMin = steady.stream().mapToLong(Sample::heapUsed).min().orElse(0);
        long heapMax = steady.stream().mapToLong(Sample::heapUsed).max().orElse(0);
        long committedMin = steady.stream().mapToLong(Sample::heapCommitted).min().orElse(0);
        long committedMax = steady.stream().mapToLong(Sample::heapCommitted).max().orElse(0);
        // RSS that is not Java heap (metaspace, code cache, thread stacks, direct and native buffers).
        long nonHeapMin = steady.stream().mapToLong(x -> x.rss() - x.heapCommitted()).min().orElse(0);
        long nonHeapMax = steady.stream().mapToLong(x -> x.rss() - x.heapCommitted()).max().orElse(0);
        double bufferedMax = steady.stream().mapToDouble(Sample::buffered).filter(d -> !Double.isNaN(d)).max()
                .orElse(Double.NaN);
        Sample last = samples.get(samples.size() - 1);
        // A few MB either way is noise (class metadata, JIT, buffers), not growth, whatever its share.
        boolean liveFlat = liveGrowth <= TARGET_GROWTH || (liveEnd - liveStart) < 16L * 1024 * 1024;
        boolean met = rssGrowth <= TARGET_GROWTH && liveFlat;
        result.value(String.format(Locale.ROOT, "RSS %d-%d MB (range %s, %+.1f MB/min); live heap %d → %d MB "
                                + "(%+.0f%%)", mb(rssMin), mb(rssMax), Bench.pct(rssGrowth), slope, mb(liveStart),
                        mb(liveEnd), 100 * liveGrowth))
                .target("flat within 10% after warm-up", met)
                .note(String.format(Locale.ROOT, "%d samples every %d s, the first %d (%.0f s) warm-up; RSS before "
                                + "the connector started %d MB; live heap = heap in use after a full collection "
                                + "(JMX MemoryMXBean.gc) at the end of warm-up and at the end", samples.size(),
                        SAMPLE_MS / 1000, warm, warm > 0 ? samples.get(warm - 1).seconds() : 0, mb(baselineRss)))
                .note(String.format(Locale.ROOT, "after warm-up: heap in use %d-%d MB, heap committed %d-%d MB, "
                                + "RSS other than committed heap %d-%d MB; records-buffered at most %,.0f "
                                + "(max.buffered.records 20,000); %,d of %,d backlog records drained in %.0f s",
                        mb(heapMin), mb(heapMax), mb(committedMin), mb(committedMax), mb(nonHeapMin), mb(nonHeapMax),
                        bufferedMax, last.acknowledged(), backlog, last.seconds()));
        StringBuilder series = new StringBuilder("RSS / heap in use (MB) over time: ");
        for (Sample s : samples) {
            series.append(String.format(Locale.ROOT, "%.0fs %d/%d, ", s.seconds(), mb(s.rss()), mb(s.heapUsed())));
        }
        result.details.add(series.substring(0, series.length() - 2));
        if (!met) {
            if (rssGrowth > TARGET_GROWTH) {
                boolean heapGrowth = committedMax - committedMin >= 0.7 * (rssMax - rssMin);
                result.why(String.format(Locale.ROOT, "RSS moved %s after warm-up (%+.1f MB/min): heap committed "
                                + "%d → %d MB, everything else %d-%d MB. %s", Bench.pct(rssGrowth), slope,
                        mb(committedMin), mb(committedMax), mb(nonHeapMin), mb(nonHeapMax), heapGrowth
                                ? "G1 grew the committed heap towards -Xmx (512 MB) while the live heap stayed flat: "
                                + "the allocation rate, not retained data, sizes the heap. Fix: less allocation per "
                                + "record (see the throughput profile's allocation sites), or a fixed heap "
                                + "(-Xms = -Xmx) on the worker, as production workers usually run."
                                : "Native memory grew (not the Java heap): -XX:NativeMemoryTracking=summary on the "
                                + "worker and jcmd VM.native_memory tell which area."));
            }
            if (!liveFlat) {
                result.why(String.format(Locale.ROOT, "The live heap grew %d → %d MB while draining: something the "
                        + "task holds grows with the records drained. `jcmd <pid> GC.class_histogram` at two points "
                        + "of the drain shows what.", mb(liveStart), mb(liveEnd)));
            }
        }
    }

    private static double slopePerMinute(List<Sample> samples) {
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            sx += s.seconds();
            sy += s.rss();
            sxx += s.seconds() * s.seconds();
            sxy += s.seconds() * s.rss();
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 60;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
