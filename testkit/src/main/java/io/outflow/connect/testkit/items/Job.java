package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.List;
import java.util.Locale;

/** One asynchronous batch. Mutated only by {@link JobQueue} under its lock. */
final class Job {

    enum Status {
        QUEUED, WORKING, COMPLETED, FAILED;

        boolean active() {
            return this == QUEUED || this == WORKING;
        }

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final long createdAtMillis;
    private final List<BatchItem> items;
    private final boolean fails;
    private Status status = Status.QUEUED;
    private List<ItemResult> results;

    Job(String id, long createdAtMillis, List<BatchItem> items, boolean fails) {
        this.id = id;
        this.createdAtMillis = createdAtMillis;
        this.items = List.copyOf(items);
        this.fails = fails;
    }

    String id() {
        return id;
    }

    long createdAtMillis() {
        return createdAtMillis;
    }

    List<BatchItem> items() {
        return items;
    }

    boolean fails() {
        return fails;
    }

    Status status() {
        return status;
    }

    void working() {
        status = Status.WORKING;
    }

    void completed(List<ItemResult> itemResults) {
        status = Status.COMPLETED;
        results = List.copyOf(itemResults);
    }

    void failed() {
        status = Status.FAILED;
    }

    /** {"id":..,"status":..} plus "results" when completed or "message" when failed. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("id", id).put("status", status.json());
        if (status == Status.COMPLETED) {
            node.set("results", ItemResult.toJson(results));
        } else if (status == Status.FAILED) {
            node.put("message", "internal error");
        }
        return node;
    }
}
