package io.outflow.connect.common.dlq;

import io.outflow.connect.common.destination.Reason;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Why a record went to the dead-letter queue: the message the worker writes into the
 * {@code __connect.errors.exception.message} header. Carries the destination's HTTP status, error code and message
 * (or the field and reason for a record refused before sending), no stack trace and no secrets.
 */
public final class DeliveryError extends ConnectException {
    private static final long serialVersionUID = 1L;

    private final transient Reason reason;
    private final String summary;

    private DeliveryError(String message, String summary, Reason reason) {
        super(message);
        this.reason = reason;
        this.summary = summary;
    }

    /** The destination refused the record. */
    public static DeliveryError refused(String destination, Reason reason) {
        return new DeliveryError(destination + " refused the record: " + reason,
                destination + " refused the record (" + reason.summary() + ")", reason);
    }

    /**
     * The destination refused the record; its own message, which may echo the record's values, is left out (for
     * workers that log every reported error).
     */
    public static DeliveryError refusedWithoutMessage(String destination, Reason reason) {
        String summary = destination + " refused the record (" + reason.summary() + ")";
        return new DeliveryError(summary + "; " + destination + "'s own message is left out because "
                + "errors.log.enable=true would log it (set errors.log.include.messages=true to include it)",
                summary, reason);
    }

    /** The record could not be read or converted, so it was never sent; the message names no values. */
    public static DeliveryError badRecord(String message) {
        return new DeliveryError("Bad record: " + message, "bad record: " + message, null);
    }

    /** The error without the destination's own message, which may echo record values: for task failures and logs. */
    public String summary() {
        return summary;
    }

    /** The destination's reason, or null for a bad record. */
    public Reason reason() {
        return reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the message is the whole story; DLQ headers stay small
    }
}
