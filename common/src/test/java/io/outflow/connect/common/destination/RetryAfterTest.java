package io.outflow.connect.common.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterTest {
    private static final long NOW = Instant.parse("2015-10-21T07:28:00Z").toEpochMilli();

    private static long retryAfter(String value) {
        return RetryAfter.millis(new HttpResult(429, Map.of("Retry-After", List.of(value)), null), NOW);
    }

    @Test
    void seconds() {
        assertEquals(120_000, retryAfter("120"));
        assertEquals(0, retryAfter("0"));
        assertEquals(5_000, retryAfter(" 5 "));
    }

    @Test
    void fractionalSecondsRoundUp() {
        assertEquals(1_500, retryAfter("1.5"));
        assertEquals(1, retryAfter("0.0001"));
    }

    @Test
    void httpDate() {
        assertEquals(30_000, retryAfter("Wed, 21 Oct 2015 07:28:30 GMT"));
        String formatted = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.ofEpochMilli(NOW + 90_000).atOffset(ZoneOffset.UTC));
        assertEquals(90_000, retryAfter(formatted));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertEquals(0, retryAfter("Wed, 21 Oct 2015 07:00:00 GMT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "  ", "-5", "NaN", "Infinity", "-Infinity", "21 Oct 2015", "5 seconds"})
    void garbageIsUnknown(String value) {
        assertEquals(Failure.UNKNOWN_WAIT, retryAfter(value));
    }

    @Test
    void absentIsUnknown() {
        assertEquals(Failure.UNKNOWN_WAIT, RetryAfter.millis(new HttpResult(503, Map.of(), null), NOW));
    }

    @Test
    void headerNameIgnoresCase() {
        assertEquals(2_000, RetryAfter.millis(new HttpResult(503, Map.of("retry-after", List.of("2")), null), NOW));
    }
}
