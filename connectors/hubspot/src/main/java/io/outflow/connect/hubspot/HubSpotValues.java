package io.outflow.connect.hubspot;

import io.outflow.connect.common.mapping.ValueConverter;
import io.outflow.connect.common.record.RecordException;
import io.outflow.connect.common.record.TypeNames;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Values as HubSpot takes them: every property value is a string (the spec types {@code properties} as
 * string-valued). Dates are epoch milliseconds at midnight UTC and datetimes epoch milliseconds ("How should
 * timestamps be formatted for HubSpot's APIs?"); booleans are "true"/"false"; numbers never use exponent notation;
 * lists become multi-select values separated by ';'; null becomes "" which clears the property.
 */
final class HubSpotValues implements ValueConverter {
    static final HubSpotValues INSTANCE = new HubSpotValues();

    @Override
    public Object convert(String field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List) {
            StringJoiner joined = new StringJoiner(";");
            for (Object element : (List<?>) value) {
                if (element instanceof List || element instanceof Map) {
                    throw new RecordException(field, "a list of " + TypeNames.of(element)
                            + " cannot be a HubSpot multi-select value");
                }
                if (element != null) {
                    joined.add(scalar(field, element));
                }
            }
            return joined.toString();
        }
        if (value instanceof Map) {
            throw new RecordException(field, "HubSpot properties are flat and a Map cannot be stored; flatten it "
                    + "first (e.g. with the Flatten transform)");
        }
        return scalar(field, value);
    }

    private static String scalar(String field, Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Boolean || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double) {
            return BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof LocalDate) {
            return epochMillis(field, ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof Instant) {
            return epochMillis(field, (Instant) value);
        }
        if (value instanceof LocalTime) {
            return value.toString();
        }
        throw new RecordException(field, "a value of type " + TypeNames.of(value) + " cannot be a HubSpot property");
    }

    /** Epoch milliseconds, or a refusal for a date too far from 1970 to count in milliseconds (±292 million years). */
    private static String epochMillis(String field, Instant instant) {
        try {
            return Long.toString(instant.toEpochMilli());
        } catch (ArithmeticException e) {
            throw new RecordException(field, "the date is too far from 1970 to be written in epoch milliseconds");
        }
    }
}
