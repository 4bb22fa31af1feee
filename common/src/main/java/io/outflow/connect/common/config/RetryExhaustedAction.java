package io.outflow.connect.common.config;

/** What happens when transient errors outlast {@code retry.timeout.ms} ({@code retry.exhausted.action}). */
public enum RetryExhaustedAction {
    /** Fail the task with the last error; nothing after the undelivered records is committed. */
    FAIL,
    /** Send the records to the dead-letter queue with the last error and go on. */
    DLQ
}
