package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.RecordException;

/**
 * A destination's rules for how values must look: takes a canonical value (see
 * {@link io.outflow.connect.common.record.CanonicalValues}) and returns what goes into the request's JSON: null,
 * String, Boolean, a Number, a List or a Map of those.
 */
@FunctionalInterface
public interface ValueConverter {
    /** Plain JSON: dates, times and timestamps as ISO-8601 strings, bytes as base64. */
    ValueConverter JSON = JsonValues::toJsonReady;

    /**
     * @param field the destination field the value is for, to name in errors
     * @throws RecordException when the destination cannot take the value (never include the value in the reason)
     */
    Object convert(String field, Object value);
}
