package io.outflow.connect.common.engine;

import io.outflow.connect.common.destination.Reason;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Where the engine reports what happened to records, on the engine thread. The task side marks offsets, reports
 * dead letters on the task thread (the worker's reporter is not ours to call from elsewhere) and fails the task.
 */
public interface EngineListener {
    /** The destination holds the record's change. */
    void delivered(PendingRecord record);

    /** A newer record of the same key replaced it before it was sent; the newer one carries the change. */
    void superseded(PendingRecord record);

    /** The destination refused the record for good. */
    void deadLetter(PendingRecord record, Reason reason);

    /** The engine cannot go on; the task must fail with this. */
    void fatal(ConnectException error);

    /** A long quota (e.g. a daily limit) is used up ({@code true}) or available again ({@code false}). */
    void quotaExhausted(boolean exhausted);
}
