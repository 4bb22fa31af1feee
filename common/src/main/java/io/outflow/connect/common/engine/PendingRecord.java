package io.outflow.connect.common.engine;

import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.offset.OffsetTracker;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record on its way: the original SinkRecord (kept for the dead-letter queue, which wants the record exactly as
 * the worker handed it over), its offset ticket, and what the operation encoded for it.
 */
public final class PendingRecord {
    private final SinkRecord record;
    private final OffsetTracker.Ticket ticket;
    private final Operation operation;
    private final Item item;
    private long readyAtMs;

    public PendingRecord(SinkRecord record, OffsetTracker.Ticket ticket, Operation operation, Item item) {
        this.record = record;
        this.ticket = ticket;
        this.operation = operation;
        this.item = item;
    }

    public SinkRecord record() {
        return record;
    }

    public OffsetTracker.Ticket ticket() {
        return ticket;
    }

    public Operation operation() {
        return operation;
    }

    public Item item() {
        return item;
    }

    /** The normalised key, or null in append mode. */
    public String key() {
        return item.key();
    }

    long readyAtMs() {
        return readyAtMs;
    }

    void readyAt(long ms) {
        this.readyAtMs = ms;
    }

    @Override
    public String toString() {
        // Where the record came from, never what it holds.
        return ticket.toString();
    }
}
