package io.outflow.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Compares a model value with what a destination holds, across the forms the same value takes on the way: numbers as
 * JSON numbers or text ("6871.40", 6871.4), dates as ISO text or epoch milliseconds at midnight (HubSpot),
 * timestamps as warehouse text ("2026-11-23 09:00:00", UTC) or ISO 8601 instants, a null as an absent or empty value.
 */
final class Values {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("-?\\d{10,}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Values() {
    }

    /** Whether the destination's value is the model's value. */
    static boolean same(Object expected, Object actual) {
        return Objects.equals(normalize(expected), normalize(actual));
    }

    /** A comparable form: null, BigDecimal, LocalDate, Instant or the text itself. */
    static Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString()).stripTrailingZeros();
        }
        if (!(value instanceof String)) {
            return value;
        }
        String text = ((String) value).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text).stripTrailingZeros();
        }
        if (DATE.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        if (DATE_TIME.matcher(text).matches()) {
            return instant(text);
        }
        return text;
    }

    /** HubSpot holds dates as epoch milliseconds at midnight UTC: that as a date, other values as they are. */
    static Object asDate(Object value) {
        if (value instanceof String && DIGITS.matcher((String) value).matches()) {
            return Instant.ofEpochMilli(Long.parseLong((String) value)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return value;
    }

    private static Instant instant(String text) {
        if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        }
        return LocalDateTime.parse(text, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    }

    /** A short display form. */
    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
