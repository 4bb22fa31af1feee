package io.outflow.connect.common.mapping;

/** What to do with a string longer than the destination takes ({@code string.overflow}). */
public enum StringOverflow {
    /** Cut it to the limit (never inside a surrogate pair) and send it. */
    TRUNCATE,
    /** Refuse the record: it goes to the dead-letter queue naming the field. */
    REJECT
}
