package io.outflow.connect.common.engine;

/** What the engine measures; the task's metrics implement it. */
public interface EngineMetrics {
    EngineMetrics NONE = new EngineMetrics() {
    };

    /** A new batch left its queue. */
    default void batchStarted(int records) {
    }

    /** A request got an answer (any status) or a transport error ({@code status} -1), after {@code latencyMs}. */
    default void requestCompleted(int status, long latencyMs) {
    }

    /** The destination answered that a rate limit was hit. */
    default void rateLimited() {
    }

    /** Records will be sent again after a transient failure. */
    default void retried(int records) {
    }
}
