package io.outflow.connect.common.record;

/** Where a record's upsert key comes from. */
public enum KeySource {
    /** The Kafka record key: a primitive, or a field of a Struct or Map key ({@code key.field}). */
    RECORD_KEY,
    /** A field of the record value ({@code key.field}). */
    RECORD_VALUE
}
