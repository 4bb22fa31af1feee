package io.outflow.connect.common.engine;

import io.outflow.connect.common.destination.Operation;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The records of one operation that are ready to be batched, oldest first. Keyed operations hold at most one
 * record per key (a newer record replaces the older one in place); append operations hold every record in order.
 */
abstract class OperationQueue {
    final Operation operation;
    final int maxRecords;
    final long maxBytes;
    private long bytes;

    OperationQueue(Operation operation, int maxRecords, long maxBytes) {
        this.operation = operation;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    static OperationQueue of(Operation operation, int maxRecords, long maxBytes) {
        return operation.keyed() ? new Keyed(operation, maxRecords, maxBytes)
                : new Append(operation, maxRecords, maxBytes);
    }

    abstract int size();

    /** Adds a record; returns the record it replaces (same key), or null. */
    abstract PendingRecord add(PendingRecord record);

    /** Removes the record with this key (keyed queues only); returns it or null. */
    abstract PendingRecord remove(String key);

    abstract PendingRecord oldest();

    abstract Iterator<PendingRecord> iterator();

    /** Whether a batch should go now: full by count or bytes, or its oldest record has lingered long enough. */
    boolean ready(long nowMs, long lingerMs, boolean draining) {
        int size = size();
        if (size == 0) {
            return false;
        }
        return draining || size >= maxRecords || bytes >= maxBytes || nowMs - oldest().readyAtMs() >= lingerMs;
    }

    /** When the oldest record's linger ends, or Long.MAX_VALUE when empty. */
    long lingerEndsAt(long lingerMs) {
        return size() == 0 ? Long.MAX_VALUE : oldest().readyAtMs() + lingerMs;
    }

    /** Takes the next batch: oldest first, up to the record and byte caps (always at least one record). */
    List<PendingRecord> take() {
        List<PendingRecord> batch = new ArrayList<>(Math.min(size(), maxRecords));
        long batchBytes = 0;
        Iterator<PendingRecord> it = iterator();
        while (it.hasNext() && batch.size() < maxRecords) {
            PendingRecord next = it.next();
            int size = next.item().sizeBytes();
            if (!batch.isEmpty() && batchBytes + size > maxBytes) {
                break;
            }
            it.remove();
            bytes -= size;
            batchBytes += size;
            batch.add(next);
        }
        return batch;
    }

    /** Removes every record of the given partitions, handing each to {@code removed}. */
    void removePartitions(Set<TopicPartition> partitions, Consumer<PendingRecord> removed) {
        Iterator<PendingRecord> it = iterator();
        while (it.hasNext()) {
            PendingRecord record = it.next();
            if (partitions.contains(record.ticket().partition())) {
                it.remove();
                bytes -= record.item().sizeBytes();
                removed.accept(record);
            }
        }
    }

    void added(PendingRecord record) {
        bytes += record.item().sizeBytes();
    }

    void removed(PendingRecord record) {
        bytes -= record.item().sizeBytes();
    }

    /** A queue with one record per key. */
    private static final class Keyed extends OperationQueue {
        private final LinkedHashMap<String, PendingRecord> records = new LinkedHashMap<>();

        Keyed(Operation operation, int maxRecords, long maxBytes) {
            super(operation, maxRecords, maxBytes);
        }

        @Override
        int size() {
            return records.size();
        }

        @Override
        PendingRecord add(PendingRecord record) {
            PendingRecord replaced = records.get(record.key());
            if (replaced != null) {
                // Keep the older record's place (and linger clock): the key has waited that long.
                record.readyAt(replaced.readyAtMs());
                removed(replaced);
            }
            records.put(record.key(), record);
            added(record);
            return replaced;
        }

        @Override
        PendingRecord remove(String key) {
            PendingRecord removed = records.remove(key);
            if (removed != null) {
                removed(removed);
            }
            return removed;
        }

        @Override
        PendingRecord oldest() {
            return records.values().iterator().next();
        }

        @Override
        Iterator<PendingRecord> iterator() {
            return records.values().iterator();
        }
    }

    /** A queue of every record, in arrival order. */
    private static final class Append extends OperationQueue {
        private final ArrayDeque<PendingRecord> records = new ArrayDeque<>();

        Append(Operation operation, int maxRecords, long maxBytes) {
            super(operation, maxRecords, maxBytes);
        }

        @Override
        int size() {
            return records.size();
        }

        @Override
        PendingRecord add(PendingRecord record) {
            records.addLast(record);
            added(record);
            return null;
        }

        @Override
        PendingRecord remove(String key) {
            return null;
        }

        @Override
        PendingRecord oldest() {
            return records.peekFirst();
        }

        @Override
        Iterator<PendingRecord> iterator() {
            return records.iterator();
        }
    }

    /** All records (for tests and close). */
    Collection<PendingRecord> snapshot() {
        List<PendingRecord> out = new ArrayList<>(size());
        iterator().forEachRemaining(out::add);
        return out;
    }

    static Map<Operation, OperationQueue> index(Collection<OperationQueue> queues) {
        Map<Operation, OperationQueue> out = new LinkedHashMap<>();
        queues.forEach(q -> out.put(q.operation, q));
        return out;
    }
}
