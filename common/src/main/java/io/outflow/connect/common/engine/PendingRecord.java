package io.outflow.connect.common.engine;

import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.offset.OffsetTracker;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record on its way: the original SinkRecord (kept for the dead-letter queue, which wants the record exactly as
 * the worker handed it over), its offset ticket, what the operation encoded for it, and the key it is deduplicated
 * and ordered by: the record's key normalised the way the destination compares keys (e.g. emails in lower case),
 * which need not be the key as sent.
 */
public final class PendingRecord {
    private final SinkRecord record;
    private final OffsetTracker.Ticket ticket;
    private final Operation operation;
    private final Item item;
    private final String key;
    private long readyAtMs;

    /** @param key the normalised key for keyed operations; null in append mode */
    public PendingRecord(SinkRecord record, OffsetTracker.Ticket ticket, Operation operation, Item item, String key) {
        this.record = record;
        this.ticket = ticket;
        this.operation = operation;
        this.item = item;
        this.key = key;
        if (operation.keyed() && key == null) {
            throw new IllegalArgumentException("a keyed operation needs a key");
        }
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
        return key;
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
