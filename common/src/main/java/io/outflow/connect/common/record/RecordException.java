package io.outflow.connect.common.record;

/**
 * A record that cannot be sent as it is: the field at fault (when there is one) and the reason, never the value.
 * Such records go to the dead-letter queue, or fail the task when errors.tolerance=none. Carries no stack trace:
 * the reason is the whole story and DLQ headers stay small.
 */
public class RecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public RecordException(String field, String reason) {
        super(field == null ? reason : "field '" + field + "': " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    /** A problem with the record as a whole rather than one field. */
    public static RecordException ofRecord(String reason) {
        return new RecordException(null, reason);
    }

    /** The field at fault, or null when the problem is the record as a whole. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same problem, reported under a containing field's name (e.g. "address.city"). */
    public RecordException within(String parent) {
        if (field == null) {
            return new RecordException(parent, reason);
        }
        return new RecordException(field.startsWith("[") ? parent + field : parent + "." + field, reason);
    }
}
