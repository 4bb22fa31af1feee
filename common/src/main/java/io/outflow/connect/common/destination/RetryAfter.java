package io.outflow.connect.common.destination;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait the header asks for in milliseconds, or {@link Failure#UNKNOWN_WAIT} when absent or unreadable. */
    public static long millis(HttpResult response, long nowMillis) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Failure.UNKNOWN_WAIT;
        }
        value = value.trim();
        try {
            double seconds = Double.parseDouble(value);
            // "NaN" and "Infinity" parse as doubles but are no delay: they would mean no wait, or one forever.
            return seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds) ? Failure.UNKNOWN_WAIT
                    : (long) Math.ceil(seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMillis);
            } catch (DateTimeParseException notDate) {
                return Failure.UNKNOWN_WAIT;
            }
        }
    }
}
