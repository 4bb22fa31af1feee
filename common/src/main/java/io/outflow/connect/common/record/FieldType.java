package io.outflow.connect.common.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A declared type for a field of schemaless input ({@code field.types}), where JSON cannot say that a string is a
 * date. Values are parsed strictly: anything that does not read as the declared type is refused, naming the field.
 */
public enum FieldType {
    STRING, BOOLEAN, LONG, DOUBLE, DECIMAL, DATE, TIME, TIMESTAMP;

    public static FieldType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown field type '" + name.trim() + "'; expected one of "
                    + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    /** Reads a canonical value as this type; null stays null. */
    public Object coerce(String field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            switch (this) {
                case STRING:
                    return asString(field, value);
                case BOOLEAN:
                    return asBoolean(field, value);
                case LONG:
                    return asLong(field, value);
                case DOUBLE:
                    return asDouble(field, value);
                case DECIMAL:
                    return asDecimal(field, value);
                case DATE:
                    return asDate(field, value);
                case TIME:
                    return asTime(field, value);
                case TIMESTAMP:
                default:
                    return asTimestamp(field, value);
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new RecordException(field, "cannot read a " + TypeNames.of(value) + " as " + label());
        }
    }

    private String label() {
        switch (this) {
            case DATE:
                return "an ISO-8601 date (yyyy-MM-dd)";
            case TIME:
                return "an ISO-8601 time (HH:mm:ss)";
            case TIMESTAMP:
                return "an ISO-8601 timestamp with offset or epoch milliseconds";
            default:
                return "a " + name().toLowerCase(Locale.ROOT);
        }
    }

    private RecordException mismatch(String field, Object value) {
        return new RecordException(field, "cannot read a " + TypeNames.of(value) + " as " + label());
    }

    private Object asString(String field, Object value) {
        if (value instanceof java.util.Map || value instanceof java.util.List || value instanceof byte[]) {
            throw mismatch(field, value);
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return value.toString();
    }

    private Object asBoolean(String field, Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String) {
            String s = ((String) value).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
        }
        throw mismatch(field, value);
    }

    private Object asLong(String field, Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Double || value instanceof BigDecimal || value instanceof String) {
            return new BigDecimal(value.toString().trim()).longValueExact();
        }
        throw mismatch(field, value);
    }

    private Object asDouble(String field, Object value) {
        if (value instanceof Double) {
            return value;
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return Decimals.finiteDouble(field, (Number) value);
        }
        if (value instanceof String) {
            // Through BigDecimal: plain decimal text only, not Java's "NaN", "1.5d" or hexadecimal literals.
            double d = new BigDecimal(((String) value).trim()).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw mismatch(field, value);
            }
            return d;
        }
        throw mismatch(field, value);
    }

    private Object asDecimal(String field, Object value) {
        if (value instanceof BigDecimal) {
            return Decimals.checked(field, (BigDecimal) value);
        }
        if (value instanceof Long || value instanceof Double || value instanceof String) {
            return Decimals.checked(field, new BigDecimal(value.toString().trim()));
        }
        throw mismatch(field, value);
    }

    private Object asDate(String field, Object value) {
        if (value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof String) {
            String s = ((String) value).trim();
            return s.length() <= 10 ? LocalDate.parse(s) : ((Instant) asTimestamp(field, s)).atOffset(ZoneOffset.UTC)
                    .toLocalDate();
        }
        throw mismatch(field, value);
    }

    private Object asTime(String field, Object value) {
        if (value instanceof LocalTime) {
            return value;
        }
        if (value instanceof String) {
            return LocalTime.parse(((String) value).trim());
        }
        throw mismatch(field, value);
    }

    private Object asTimestamp(String field, Object value) {
        if (value instanceof Instant) {
            return value;
        }
        if (value instanceof Long) {
            return Instant.ofEpochMilli((Long) value);
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof String) {
            String s = ((String) value).trim();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException noOffset) {
                // A timestamp without an offset is read as UTC, the convention of warehouse exports.
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
        }
        throw mismatch(field, value);
    }
}
