package io.outflow.connect.common.engine;

import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One batch in delivery: its records, the conversation with the destination, and its retry state. Lives from the
 * moment the batch is taken from its queue until every record has an outcome. Touched only on the engine thread.
 */
final class BatchDelivery {
    final Operation operation;
    final List<PendingRecord> records;
    Call call;
    /** Transient failures so far, for the backoff. */
    int attempts;
    /** When the retry clock started (first transient failure), shifted forward by rate-limit waits; -1 if none. */
    long retryClockStartMs = -1;
    /** Consecutive rate-limit answers, for the backoff when the destination does not say how long to wait. */
    int rateLimitStreak;
    boolean authRetried;
    /** A request is on the wire. */
    boolean onWire;
    /** The destination accepted a step (an async job exists): the batch cannot be called back, only awaited. */
    boolean conversationStarted;
    /** A request of this batch went unanswered: its keys stay reserved until then (see settle); -1 if none. */
    long fenceUntilMs = -1;
    /** The request waiting to be sent when its timer fires or a permit is free. */
    HttpRequestSpec pendingRequest;
    Scheduler.Cancellable timer;

    BatchDelivery(Operation operation, List<PendingRecord> records) {
        this.operation = operation;
        this.records = records;
        List<Item> items = new ArrayList<>(records.size());
        for (PendingRecord record : records) {
            items.add(record.item());
        }
        this.call = operation.newCall(items);
    }

    /** A delivery of part of this one's records that keeps its retry clock (narrowing, retrying one record). */
    BatchDelivery part(List<PendingRecord> subset) {
        BatchDelivery part = new BatchDelivery(operation, subset);
        part.attempts = attempts;
        part.retryClockStartMs = retryClockStartMs;
        part.fenceUntilMs = fenceUntilMs;
        return part;
    }

    int size() {
        return records.size();
    }

    boolean carriesAny(Set<TopicPartition> partitions) {
        for (PendingRecord record : records) {
            if (partitions.contains(record.ticket().partition())) {
                return true;
            }
        }
        return false;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
