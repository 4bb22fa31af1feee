package io.outflow.connect.common.task;

import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.engine.EngineListener;
import io.outflow.connect.common.engine.PendingRecord;
import io.outflow.connect.common.metrics.TaskMetrics;
import io.outflow.connect.common.offset.OffsetTracker;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The engine's reports, handed to the task thread: delivered and superseded records are marked done at once; dead
 * letters wait for the task thread (the worker's reporter is called there); a fatal error is thrown from the next
 * put().
 */
final class TaskOutcomes implements EngineListener {
    private final OffsetTracker tracker;
    private final TaskMetrics metrics;
    private final ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ConnectException> fatal = new AtomicReference<>();
    private volatile boolean quotaExhausted;

    /** A record the destination refused, waiting to be reported. */
    static final class DeadLetter {
        final PendingRecord record;
        final Reason reason;

        DeadLetter(PendingRecord record, Reason reason) {
            this.record = record;
            this.reason = reason;
        }
    }

    TaskOutcomes(OffsetTracker tracker, TaskMetrics metrics) {
        this.tracker = tracker;
        this.metrics = metrics;
    }

    @Override
    public void delivered(PendingRecord record) {
        tracker.done(record.ticket());
        metrics.delivered();
    }

    @Override
    public void superseded(PendingRecord record) {
        tracker.done(record.ticket());
        metrics.superseded();
    }

    @Override
    public void deadLetter(PendingRecord record, Reason reason) {
        deadLetters.add(new DeadLetter(record, reason));
    }

    @Override
    public void fatal(ConnectException error) {
        fatal.compareAndSet(null, error);
    }

    @Override
    public void quotaExhausted(boolean exhausted) {
        quotaExhausted = exhausted;
        metrics.quotaExhausted(exhausted);
    }

    boolean quotaExhausted() {
        return quotaExhausted;
    }

    /** Hands each waiting dead letter to {@code report}, on the calling (task) thread. */
    void drainDeadLetters(Consumer<DeadLetter> report) {
        DeadLetter next;
        while ((next = deadLetters.poll()) != null) {
            report.accept(next);
        }
    }

    /** Records a failure found on the task thread, to be thrown from the next put(). */
    void fail(ConnectException error) {
        fatal.compareAndSet(null, error);
    }

    /** @throws ConnectException the first fatal error, if any */
    void throwIfFatal() {
        ConnectException error = fatal.get();
        if (error != null) {
            throw error;
        }
    }
}
