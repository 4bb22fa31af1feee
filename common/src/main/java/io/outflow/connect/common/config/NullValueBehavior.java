package io.outflow.connect.common.config;

/** What a tombstone (a record with a null value) does: {@code behavior.on.null.values}, as in the Elasticsearch sink. */
public enum NullValueBehavior {
    /** Skip it; its offset is committed. */
    IGNORE,
    /** Delete the object its key names from the destination. */
    DELETE,
    /** Treat it as a bad record: dead-letter queue, or a task failure with errors.tolerance=none. */
    FAIL
}
