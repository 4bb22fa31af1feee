package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Asynchronous batches. A job is "queued" for the first half of the completion delay, "working" for the
 * second half, then "completed" (items applied) or "failed" (nothing applied).
 * <p>
 * Progress is computed from the clock whenever anyone looks ({@link #settle()} runs before every read and
 * every write of the fake), rather than by a timer thread: a test with a controllable clock then sees exact,
 * repeatable transitions, and due jobs are applied in creation order before any later request is.
 */
final class JobQueue {

    private final ItemStore store;
    private final Clock clock;
    private final long completionDelayMs;
    private final double failureProbability;
    private final int maxActive;
    private final long seed;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Random random;

    JobQueue(ItemStore store, Clock clock, long completionDelayMs, double failureProbability, int maxActive,
             long seed) {
        this.store = store;
        this.clock = clock;
        this.completionDelayMs = completionDelayMs;
        this.failureProbability = failureProbability;
        this.maxActive = maxActive;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Queues a job, or returns empty when {@code maxActive} jobs are already queued or working. */
    synchronized Optional<ObjectNode> submit(List<BatchItem> items) {
        settle();
        long active = jobs.values().stream().filter(j -> j.status().active()).count();
        if (active >= maxActive) {
            return Optional.empty();
        }
        boolean fails = failureProbability > 0 && random.nextDouble() < failureProbability;
        Job job = new Job(UUID.randomUUID().toString(), clock.millis(), items, fails);
        jobs.put(job.id(), job);
        return Optional.of(job.toJson());
    }

    synchronized Optional<ObjectNode> view(String id) {
        settle();
        return Optional.ofNullable(jobs.get(id)).map(Job::toJson);
    }

    /** Moves every job to the state its age calls for, applying completed jobs in creation order. */
    synchronized void settle() {
        long now = clock.millis();
        for (Job job : jobs.values()) {
            if (!job.status().active()) {
                continue;
            }
            long age = now - job.createdAtMillis();
            if (age >= completionDelayMs) {
                if (job.fails()) {
                    job.failed();
                } else {
                    job.completed(store.upsert(job.items()));
                }
            } else if (age >= completionDelayMs / 2) {
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

    synchronized void reset() {
        jobs.clear();
        random = new Random(seed);
    }
}
