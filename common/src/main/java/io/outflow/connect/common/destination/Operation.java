package io.outflow.connect.common.destination;

import io.outflow.connect.common.record.RecordException;

import java.util.List;
import java.util.Map;

/**
 * One kind of write a destination accepts (an upsert, a delete, an event append), described by what the engine
 * needs: limits, whether records are keyed, how to encode one record and how to deliver a batch of them.
 */
public interface Operation {
    /** A short name for logs and metrics, e.g. "upsert" or "delete". */
    String name();

    /** The most records one request may carry (the vendor's documented cap, or the configured one when lower). */
    int maxBatchRecords();

    /** The most encoded bytes one request may carry, summed over its items. */
    long maxBatchBytes();

    /**
     * Keyed operations (upsert, update, insert, delete) are deduplicated by key, last write wins, and a key never
     * travels in two requests at once. Append operations (events) send every record in offset order.
     */
    boolean keyed();

    /**
     * Encodes one record for this operation. Called on the task thread, before the record is buffered.
     *
     * @param key    the record's key as read from the record (not normalised: send it as the user wrote it)
     * @param fields the destination fields, already mapped and converted (empty for deletes)
     * @throws RecordException when the record cannot be sent (a required field is missing, say)
     */
    Item prepare(String key, Map<String, Object> fields);

    /** Starts delivering a batch (items in offset order; no key twice when keyed). */
    Call newCall(List<Item> batch);
}
