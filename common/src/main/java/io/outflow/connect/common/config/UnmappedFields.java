package io.outflow.connect.common.config;

/** What happens to value fields that {@code field.mapping} does not name ({@code fields.unmapped}). */
public enum UnmappedFields {
    /** Send them under their own names. */
    KEEP,
    /** Send only mapped fields. */
    DROP
}
