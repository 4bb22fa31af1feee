package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Zendesk's background jobs. A job is "queued" for the first half of the job delay, "working" for the second
 * half, then "completed" (inputs applied, results set) or "failed" (nothing applied).
 * <p>
 * As in the items fake, progress is computed from the clock whenever anyone looks ({@link #settle()} runs before
 * every read and write), not by a timer thread: a test with a manual clock sees exact transitions, and due jobs
 * apply in creation order before any later request does.
 * <p>
 * Job limit: at most {@code maxActive} jobs queued or working at once (support article 8050017386522: 30).
 * Job data is kept for {@code retentionMs} after creation, then the job answers 404 (destinations.md, Zendesk
 * row "Partial success": "Job data is available for one day"); it stays in memory for the counts.
 */
final class JobQueue {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    private final Clock clock;
    private final long delayMs;
    private final double failureProbability;
    private final int maxActive;
    private final long retentionMs;
    private final long seed;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Random failures;
    private Random ids;
    private long refused;

    JobQueue(Clock clock, long delayMs, double failureProbability, int maxActive, long retentionMs, long seed) {
        this.clock = clock;
        this.delayMs = delayMs;
        this.failureProbability = failureProbability;
        this.maxActive = maxActive;
        this.retentionMs = retentionMs;
        this.seed = seed;
        reseed();
    }

    private void reseed() {
        // Separate streams, so job failures do not shift with the number of ids drawn or with the fault plan.
        failures = new Random(seed * 31 + 7);
        ids = new Random(seed * 17 + 3);
    }

    /** Queues a job and returns its first job_status, or empty when the queue is full. */
    synchronized Optional<ObjectNode> submit(int total, Supplier<ArrayNode> work, String baseUrl) {
        settle();
        long active = jobs.values().stream().filter(j -> j.status().active()).count();
        if (active >= maxActive) {
            log.debug("Job queue full: {} active jobs", active);
            refused++;
            return Optional.empty();
        }
        boolean fails = failureProbability > 0 && failures.nextDouble() < failureProbability;
        // 32 hex digits, like the spec's example ids ("82de0b044094f0c67893ac9fe64f1a99").
        String id = String.format("%016x%016x", ids.nextLong(), ids.nextLong());
        Job job = new Job(id, clock.millis(), total, work, fails);
        jobs.put(id, job);
        return Optional.of(job.toJson(baseUrl));
    }

    /** The job's current job_status, or empty when unknown or past retention. */
    synchronized Optional<ObjectNode> view(String id, String baseUrl) {
        settle();
        Job job = jobs.get(id);
        if (job == null || clock.millis() - job.createdAtMillis() >= retentionMs) {
            return Optional.empty();
        }
        return Optional.of(job.toJson(baseUrl));
    }

    /**
     * Retry-After for a full queue: whole seconds until the oldest active job finishes, at least 1. The facts do
     * not say what Zendesk sends here; this is the soonest a slot can free up.
     */
    synchronized long retryAfterSeconds() {
        long now = clock.millis();
        long soonest = jobs.values().stream().filter(j -> j.status().active())
                .mapToLong(j -> j.createdAtMillis() + delayMs - now).min().orElse(0);
        return Math.max(1, -Math.floorDiv(-soonest, 1000));
    }

    /** Moves every job to the state its age calls for, applying finished jobs in creation order. */
    synchronized void settle() {
        long now = clock.millis();
        for (Job job : jobs.values()) {
            if (!job.status().active()) {
                continue;
            }
            long age = now - job.createdAtMillis();
            if (age >= delayMs) {
                job.finish(job.createdAtMillis() + delayMs);
                log.debug("Job {} {}", job.id(), job.status().json());
            } else if (age >= delayMs / 2) {
                job.working();
            }
        }
    }

    synchronized Map<Job.Status, Long> countsByStatus() {
        settle();
        Map<Job.Status, Long> counts = new EnumMap<>(Job.Status.class);
        for (Job.Status status : Job.Status.values()) {
            counts.put(status, 0L);
        }
        jobs.values().forEach(j -> counts.merge(j.status(), 1L, Long::sum));
        return counts;
    }

    /** Submissions refused because the queue was full. */
    synchronized long refused() {
        return refused;
    }

    synchronized void reset() {
        jobs.clear();
        refused = 0;
        reseed();
    }
}
