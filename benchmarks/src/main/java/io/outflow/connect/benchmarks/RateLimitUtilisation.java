package io.outflow.connect.benchmarks;

import io.outflow.connect.testkit.http.LoggedRequest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 3. Rate-limit utilisation: the testkit's full fake of the vendor enforcing its documented limit (HubSpot 100
 * requests per 10 s, Zendesk 200 per minute, Braze scaled down to 100 per 10 s so that the limit, not the CPU, is the
 * ceiling), the connector at its defaults (Braze: its rate limit set to the scaled one, as a user would), one task
 * draining the rate-limit topic. Achieved records/s from the first request to the last, against the ceiling the limit
 * allows with full batches, and the share of requests answered 429.
 */
final class RateLimitUtilisation {
    static final double TARGET_UTILISATION = 0.95;
    static final double TARGET_429_SHARE = 0.01;

    private RateLimitUtilisation() {
    }

    static Result run(Bench bench, Vendor vendor) throws Exception {
        Options o = bench.options;
        long records = o.rateLimitRecords;
        bench.ensureTopic(Bench.RATELIMIT_TOPIC, 1, records);
        String name = bench.connectorName(vendor, "rl");
        try (Vendor.RealFake fake = vendor.startRealFake();
             Bench.Connector connector = bench.connector(name)) {
            String setting = String.format(Locale.ROOT, "testkit %s fake at %d requests / %d s, %,d records",
                    vendor.displayName, fake.limit(), fake.windowMs() / 1000, records);
            Result result = new Result(Options.Measurement.RATELIMIT, vendor, setting);
            Map<String, String> config = vendor.config(fake.baseUrl(), Bench.RATELIMIT_TOPIC, 1);
            if (vendor == Vendor.BRAZE) {
                config.put("rate.limit.requests", Integer.toString(fake.limit()));
                config.put("rate.limit.window.ms", Long.toString(fake.windowMs()));
            }
            double ceiling = vendor.ceiling(fake.limit(), fake.windowMs());
            Bench.log("%s rate-limit utilisation: %s (%s); ceiling %s, at least %.0f s", vendor.displayName,
                    setting, name, Bench.rate(ceiling), records / ceiling);
            connector.start(config, 1);
            long deadline = System.currentTimeMillis() + (long) (records / ceiling * 3000) + 120_000;
            double delivered = 0;
            while (delivered < records) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("only " + (long) delivered + " of " + records
                            + " records delivered in time");
                }
                Cluster.sleep(250);
                bench.cluster.checkNotFailed(name);
                double d = bench.cluster.jmx().taskMetricSum(name, "records-delivered-total");
                delivered = Double.isNaN(d) ? 0 : d;
            }
            List<LoggedRequest> log = fake.requestLog().entries().stream().filter(e -> !e.inspection()).toList();
            long tooMany = log.stream().filter(e -> e.status() == 429).count();
            long admitted = log.size() - tooMany;
            double seconds = Duration.between(log.get(0).at(), log.get(log.size() - 1).at()).toMillis() / 1000.0;
            // Records delivered between the first request and the last: all but the first request's batch (the
            // span holds admitted - 1 intervals).
            double rate = records * (admitted - 1) / (double) admitted / seconds;
            double requestRate = (admitted - 1) / seconds;
            double utilisation = rate / ceiling;
            double share = tooMany / (double) log.size();
            boolean met = utilisation >= TARGET_UTILISATION && share < TARGET_429_SHARE;
            result.value(String.format(Locale.ROOT, "%s = %s of the ceiling; %s answered 429 (%d of %d)",
                            Bench.rate(rate), Bench.pct(utilisation), Bench.pct(share), tooMany, log.size()))
                    .target("≥ 95% of " + Bench.rate(ceiling) + ", < 1% 429s", met)
                    .note(String.format(Locale.ROOT, "%,d requests admitted over %.1f s from the first to the last: "
                                    + "%.2f requests/s against the limit's %.2f/s", admitted, seconds, requestRate,
                            fake.limit() * 1000.0 / fake.windowMs()))
                    .note(String.format(Locale.ROOT, "batch-size-avg %.1f; requests-rate-limited-total %.0f",
                            bench.cluster.jmx().taskMetricAvg(name, "batch-size-avg"),
                            bench.cluster.jmx().taskMetricSum(name, "requests-rate-limited-total")));
            long[] gaps = new long[Math.max(0, log.size() - 1)];
            for (int i = 1; i < log.size(); i++) {
                gaps[i - 1] = Duration.between(log.get(i - 1).at(), log.get(i).at()).toMillis();
            }
            java.util.Arrays.sort(gaps);
            double spacing = fake.windowMs() / (double) (fake.limit() - Math.max(1, fake.limit() / 100));
            long late = java.util.Arrays.stream(gaps).filter(g -> g > 1.5 * spacing).count();
            long lateMillis = java.util.Arrays.stream(gaps).filter(g -> g > 1.5 * spacing)
                    .map(g -> g - Math.round(spacing)).sum();
            result.note(String.format(Locale.ROOT, "gaps between requests: p10 %d ms, median %d ms, p90 %d ms, max %d "
                            + "ms against the pacing's %.0f ms; %d gaps over 1.5× the pacing lost %.1f s in all",
                    LatencyRecorder.percentile(gaps, 10), LatencyRecorder.percentile(gaps, 50),
                    LatencyRecorder.percentile(gaps, 90), gaps.length == 0 ? 0 : gaps[gaps.length - 1], spacing,
                    late, lateMillis / 1000.0));
            // For each long gap: how full the fake's rolling window was when it began (a full window means the
            // last answer said nothing remained, and the connector held on the vendor's headers).
            List<String> occupancy = new java.util.ArrayList<>();
            int fullWindowGaps = 0;
            for (int i = 1; i < log.size(); i++) {
                long gap = Duration.between(log.get(i - 1).at(), log.get(i).at()).toMillis();
                if (gap > 1.5 * spacing) {
                    java.time.Instant end = log.get(i - 1).at();
                    java.time.Instant start = end.minusMillis(fake.windowMs());
                    long inWindow = log.stream().filter(e -> e.status() != 429 && e.at().isAfter(start)
                            && !e.at().isAfter(end)).count();
                    occupancy.add(gap + " ms after " + inWindow + "/" + fake.limit());
                    if (inWindow >= fake.limit() - 1) {
                        fullWindowGaps++;
                    }
                }
            }
            if (!occupancy.isEmpty()) {
                result.note("long gaps and the window's occupancy when each began: " + String.join(", ",
                        occupancy.subList(0, Math.min(12, occupancy.size()))));
            }
            if (vendor == Vendor.ZENDESK) {
                result.note("Zendesk's ceiling counts two requests per 100-record job (the submit and one status "
                        + "read): job status reads count against the same limit.");
            }
            if (!met) {
                explain(result, vendor, utilisation, share, requestRate, fake, LatencyRecorder.percentile(gaps, 50),
                        spacing, late, lateMillis / 1000.0, seconds, fullWindowGaps);
            }
            return result;
        }
    }

    private static void explain(Result result, Vendor vendor, double utilisation, double share, double requestRate,
                                Vendor.RealFake fake, long medianGap, double spacing, long late, double lostSeconds,
                                double seconds, int fullWindowGaps) {
        double limitRate = fake.limit() * 1000.0 / fake.windowMs();
        if (share >= TARGET_429_SHARE) {
            result.why(String.format(Locale.ROOT, "%s of requests were answered 429: the connector's pacing let "
                    + "more requests into a rolling window than the limit.", Bench.pct(share)));
        }
        if (utilisation < TARGET_UTILISATION) {
            double paced = (fake.limit() - Math.max(1, fake.limit() / 100)) / (double) fake.limit();
            result.why(String.format(Locale.ROOT, "Requests went at %.2f/s of the %.2f/s allowed (%s). Of the "
                            + "shortfall: the engine paces at %s of the limit by design (RateBudget keeps 1 request "
                            + "in 100, at least 1, in reserve); the median gap was %d ms against a pacing of %.0f ms "
                            + "(a refused permit is asked for again when RateBudget.retryDelayMs expects it; a "
                            + "median above the pacing means the engine thread woke late, on a busy machine); and %d "
                            + "gaps longer than 1.5× the "
                            + "pacing lost %.1f s of %.1f s.", requestRate, limitRate, Bench.pct(requestRate / limitRate),
                    Bench.pct(paced), medianGap, spacing, late, lostSeconds, seconds));
            if (fullWindowGaps > 0) {
                result.why(fullWindowGaps + " of the long gaps began with the fake's window full (the answer said "
                        + "nothing remained): holds from the vendor's rate-limit headers "
                        + "(HeaderRateLimitSignals.holdMillis: until the reset for a fixed window such as Braze's, "
                        + "whose X-RateLimit-Reset is whole epoch seconds; one request's share of the window per "
                        + "request ahead for a rolling one). The window can fill at all because arrivals at the "
                        + "destination jitter around the pacing and the reserve is one request; a larger reserve "
                        + "(fewer rate.limit.requests than the vendor allows) avoids it.");
            }
            if (late > fullWindowGaps) {
                result.why((late - fullWindowGaps) + " long gap(s) began with the window far from full: the "
                        + "limiter's start (Guava's SmoothWarmingUp hands out its first permits slowly) or the engine "
                        + "thread not getting a CPU on a busy machine; on a short run they weigh heavily.");
            }
            if (vendor == Vendor.ZENDESK) {
                result.why("Zendesk: a job that needs more than one status read costs more than two requests.");
            }
        }
    }
}
