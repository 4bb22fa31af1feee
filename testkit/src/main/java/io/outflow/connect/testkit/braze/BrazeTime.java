package io.outflow.connect.testkit.braze;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Event and purchase {@code time}: "datetime as string in ISO 8601 or in {@code yyyy-MM-dd'T'HH:mm:ss:SSSZ}
 * format"; without a time zone it is UTC, without a time midnight UTC; "Events with timestamps in the future
 * default to the current time" (braze-docs {@code _docs/_api/objects_filters/event_object.md}). Numbers
 * (epoch seconds) are not in that list, so they are invalid here.
 */
final class BrazeTime {

    /** Braze's own variant: a colon before the milliseconds and a {@code +0000} offset. */
    private static final DateTimeFormatter BRAZE_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss:SSSZ");

    private static final List<Function<String, Instant>> PARSERS = List.of(
            text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
            text -> LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant(),
            text -> OffsetDateTime.parse(text, BRAZE_MILLIS).toInstant());

    private BrazeTime() {
    }

    static Optional<Instant> parse(String text) {
        for (Function<String, Instant> parser : PARSERS) {
            try {
                return Optional.of(parser.apply(text));
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }

    /** The time Braze records: never later than {@code now}. */
    static Instant clamp(Instant time, Instant now) {
        return time.isAfter(now) ? now : time;
    }
}
