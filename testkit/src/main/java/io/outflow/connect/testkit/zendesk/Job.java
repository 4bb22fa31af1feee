package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.Locale;
import java.util.function.Supplier;

/** One background job (a bulk upsert or delete). Mutated only by {@link JobQueue} under its lock. */
final class Job {

    /** Spec, JobStatusObject.status: "One of the following: "queued", "working", "failed", "completed"". */
    enum Status {
        QUEUED, WORKING, COMPLETED, FAILED;

        boolean active() {
            return this == QUEUED || this == WORKING;
        }

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A failed job's message. The facts give no text for it: ours. */
    static final String FAILED_MESSAGE = "The job failed because of an internal error; nothing was applied";

    private final String id;
    private final long createdAtMillis;
    private final int total;
    private final Supplier<ArrayNode> work;
    private final boolean fails;
    private Status status = Status.QUEUED;
    private ArrayNode results;
    private long finishedAtMillis;

    Job(String id, long createdAtMillis, int total, Supplier<ArrayNode> work, boolean fails) {
        this.id = id;
        this.createdAtMillis = createdAtMillis;
        this.total = total;
        this.work = work;
        this.fails = fails;
    }

    String id() {
        return id;
    }

    long createdAtMillis() {
        return createdAtMillis;
    }

    Status status() {
        return status;
    }

    void working() {
        status = Status.WORKING;
    }

    /** Applies the job's inputs now, unless it was drawn to fail (then nothing is applied). */
    void finish(long atMillis) {
        finishedAtMillis = atMillis;
        if (fails) {
            status = Status.FAILED;
        } else {
            results = work.get();
            status = Status.COMPLETED;
        }
    }

    /**
     * Spec, JobStatusObject: {"id","url","status","total","progress","message","results"}; queued:
     * {@code progress}, {@code message} and {@code results} null. The spec defines progress as "Number of tasks
     * that have already been completed" but not how it moves while working: the fake says 0 until completion,
     * since it applies everything at once. Completed: progress = total and message "Completed at ..." as in the
     * spec's example. {@code job_type} is optional in the spec and left out.
     */
    ObjectNode toJson(String baseUrl) {
        ObjectNode node = Json.object().put("id", id)
                .put("url", baseUrl + "/api/v2/job_statuses/" + id + ".json")
                .put("status", status.json())
                .put("total", total);
        switch (status) {
            case QUEUED -> node.putNull("progress").putNull("message").putNull("results");
            case WORKING -> node.put("progress", 0).putNull("message").putNull("results");
            case COMPLETED -> {
                node.put("progress", total).put("message", "Completed at " + Timestamps.jobMessage(finishedAtMillis));
                node.set("results", results.deepCopy());
            }
            case FAILED -> node.put("progress", 0).put("message", FAILED_MESSAGE).putNull("results");
            default -> throw new IllegalStateException(status.name());
        }
        return node;
    }
}
