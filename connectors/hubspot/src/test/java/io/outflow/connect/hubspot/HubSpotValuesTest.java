package io.outflow.connect.hubspot;

import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotValuesTest {
    private final HubSpotValues values = HubSpotValues.INSTANCE;

    @Test
    void everyValueBecomesAString() {
        assertEquals("Ada", values.convert("firstname", "Ada"));
        assertEquals("true", values.convert("vip", true));
        assertEquals("42", values.convert("score", 42L));
    }

    @Test
    void numbersNeverUseExponentNotation() {
        assertEquals("12345678901234567890", values.convert("n", new BigDecimal("1.234567890123456789E+19")));
        assertEquals("0.00001", values.convert("n", 1.0E-5));
        assertEquals("1000000", values.convert("n", 1.0E6));
        assertEquals("0.5", values.convert("n", 0.5));
    }

    @Test
    void datesAreEpochMillisAtMidnightUtcAndDatetimesEpochMillis() {
        assertEquals("1768435200000", values.convert("signup", LocalDate.of(2026, 1, 15)));
        assertEquals("1768483845123", values.convert("seen", Instant.parse("2026-01-15T13:30:45.123Z")));
    }

    @Test
    void nullClearsThePropertyWithAnEmptyString() {
        assertEquals("", values.convert("phone", null));
    }

    @Test
    void listsBecomeSemicolonSeparatedMultiSelectValues() {
        assertEquals("red;green", values.convert("colors", Arrays.asList("red", null, "green")));
    }

    @Test
    void mapsAreRefusedNamingTheFieldButNotTheValue() {
        RecordException e = assertThrows(RecordException.class,
                () -> values.convert("address", Map.of("city", "Secretville")));
        assertEquals("address", e.field());
        assertTrue(e.getMessage().contains("Flatten"));
        assertFalse(e.getMessage().contains("Secretville"));
    }
}
