package io.outflow.connect.common.engine;

/**
 * The engine's thread and clock. All engine state is touched only by tasks run here, one at a time, so the engine
 * needs no locks; tests replace it with a manual scheduler whose time they advance.
 */
public interface Scheduler extends AutoCloseable {
    /** Wall-clock time in milliseconds. */
    long nowMs();

    /** Runs a task on the engine thread as soon as possible. */
    void execute(Runnable task);

    /** Runs a task on the engine thread after a delay. */
    Cancellable schedule(long delayMs, Runnable task);

    /** Stops running tasks. */
    @Override
    void close();

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
