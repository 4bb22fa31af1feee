package io.outflow.connect.common.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldTypeTest {
    private static RecordException refused(FieldType type, Object value) {
        RecordException e = assertThrows(RecordException.class, () -> type.coerce("my_field", value),
                () -> type + " should refuse " + value);
        assertEquals("my_field", e.field());
        assertTrue(e.getMessage().contains("'my_field'"), e.getMessage());
        if (value instanceof String && ((String) value).trim().length() >= 3) {
            assertFalse(e.getMessage().contains(((String) value).trim()), e.getMessage());
        }
        return e;
    }

    @Test
    void parseIgnoresCaseAndSpaces() {
        assertEquals(FieldType.DATE, FieldType.parse("date"));
        assertEquals(FieldType.TIMESTAMP, FieldType.parse(" TimeStamp "));
        assertEquals(FieldType.DECIMAL, FieldType.parse("DECIMAL"));
    }

    @Test
    void parseRefusesUnknownTypesListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldType.parse(" datetime "));
        assertTrue(e.getMessage().contains("'datetime'"), e.getMessage());
        for (FieldType type : FieldType.values()) {
            assertTrue(e.getMessage().contains(type.name().toLowerCase()), e.getMessage());
        }
    }

    @Test
    void nullStaysNullForEveryType() {
        for (FieldType type : FieldType.values()) {
            assertNull(type.coerce("f", null), type.name());
        }
    }

    // ---- STRING

    @Test
    void stringTakesScalars() {
        assertEquals("abc", FieldType.STRING.coerce("f", "abc"));
        assertEquals("42", FieldType.STRING.coerce("f", 42L));
        assertEquals("1.5", FieldType.STRING.coerce("f", 1.5d));
        assertEquals("true", FieldType.STRING.coerce("f", true));
        assertEquals("1000", FieldType.STRING.coerce("f", new BigDecimal("1E+3")));
        assertEquals("2024-01-02", FieldType.STRING.coerce("f", LocalDate.of(2024, 1, 2)));
    }

    @Test
    void stringRefusesContainersAndBytes() {
        assertTrue(refused(FieldType.STRING, Map.of("a", 1)).getMessage().contains("Map"));
        assertTrue(refused(FieldType.STRING, List.of(1)).getMessage().contains("List"));
        assertTrue(refused(FieldType.STRING, new byte[]{1}).getMessage().contains("bytes"));
    }

    // ---- BOOLEAN

    @Test
    void booleanTakesBooleansAndTrueFalseText() {
        assertEquals(true, FieldType.BOOLEAN.coerce("f", true));
        assertEquals(true, FieldType.BOOLEAN.coerce("f", " TRUE "));
        assertEquals(false, FieldType.BOOLEAN.coerce("f", "false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "t", "", "truthy"})
    void booleanRefusesOtherText(String value) {
        RecordException e = refused(FieldType.BOOLEAN, value);
        assertTrue(e.getMessage().contains("String"), e.getMessage());
        assertTrue(e.getMessage().contains("boolean"), e.getMessage());
    }

    @Test
    void booleanRefusesNumbers() {
        refused(FieldType.BOOLEAN, 1L);
    }

    // ---- LONG

    @Test
    void longTakesWholeNumbers() {
        assertEquals(42L, FieldType.LONG.coerce("f", 42L));
        assertEquals(42L, FieldType.LONG.coerce("f", " 42 "));
        assertEquals(-3L, FieldType.LONG.coerce("f", "-3"));
        assertEquals(4L, FieldType.LONG.coerce("f", 4.0d));
        assertEquals(4L, FieldType.LONG.coerce("f", "4.00"));
        assertEquals(7L, FieldType.LONG.coerce("f", new BigDecimal("7.0")));
        assertEquals(Long.MAX_VALUE, FieldType.LONG.coerce("f", Long.toString(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.5", "abc", "12abc", "", "99999999999999999999", "NaN"})
    void longRefusesWhatIsNotAWholeNumber(String value) {
        refused(FieldType.LONG, value);
    }

    @Test
    void longRefusesFractionsAndOtherTypes() {
        refused(FieldType.LONG, 4.5d);
        refused(FieldType.LONG, new BigDecimal("0.1"));
        refused(FieldType.LONG, true);
        refused(FieldType.LONG, LocalDate.of(2024, 1, 1));
    }

    // ---- DOUBLE

    @Test
    void doubleTakesNumbers() {
        assertEquals(1.5d, FieldType.DOUBLE.coerce("f", 1.5d));
        assertEquals(2.0d, FieldType.DOUBLE.coerce("f", 2L));
        assertEquals(0.25d, FieldType.DOUBLE.coerce("f", new BigDecimal("0.25")));
        assertEquals(1.5d, FieldType.DOUBLE.coerce("f", " 1.5 "));
        assertEquals(1000d, FieldType.DOUBLE.coerce("f", "1e3"));
        assertEquals(-0.5d, FieldType.DOUBLE.coerce("f", "-.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400", "abc", "", "1.5d", "2f", "0x1p3"})
    void doubleRefusesWhatIsNotAFiniteDecimalNumber(String value) {
        refused(FieldType.DOUBLE, value);
    }

    @Test
    void doubleRefusesOtherTypes() {
        refused(FieldType.DOUBLE, true);
        refused(FieldType.DOUBLE, Map.of());
    }

    // ---- DECIMAL

    @Test
    void decimalTakesNumbersExactly() {
        assertEquals(new BigDecimal("1.50"), FieldType.DECIMAL.coerce("f", "1.50"));
        assertEquals(new BigDecimal("0.1"), FieldType.DECIMAL.coerce("f", 0.1d));
        assertEquals(new BigDecimal("12"), FieldType.DECIMAL.coerce("f", 12L));
        BigDecimal same = new BigDecimal("3.14");
        assertEquals(same, FieldType.DECIMAL.coerce("f", same));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,5", "", "NaN", "1.5d"})
    void decimalRefusesWhatIsNotANumber(String value) {
        refused(FieldType.DECIMAL, value);
    }

    @Test
    void decimalRefusesOtherTypes() {
        refused(FieldType.DECIMAL, false);
    }

    // ---- DATE

    @Test
    void dateTakesIsoDatesAndTimestamps() {
        assertEquals(LocalDate.of(2024, 2, 29), FieldType.DATE.coerce("f", "2024-02-29"));
        assertEquals(LocalDate.of(2024, 2, 29), FieldType.DATE.coerce("f", " 2024-02-29 "));
        assertEquals(LocalDate.of(2024, 3, 1), FieldType.DATE.coerce("f", "2024-03-01T10:00:00Z"));
        assertEquals(LocalDate.of(2024, 2, 29), FieldType.DATE.coerce("f", "2024-03-01T01:00:00+02:00"));
        assertEquals(LocalDate.of(2024, 3, 1), FieldType.DATE.coerce("f", Instant.parse("2024-03-01T23:59:59Z")));
        assertEquals(LocalDate.of(2024, 3, 1), FieldType.DATE.coerce("f", LocalDate.of(2024, 3, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024/01/02", "20240102", "yesterday", "2024-1-2",
            "2024-01-02T25:00:00Z"})
    void dateRefusesWhatIsNotAnIsoDate(String value) {
        RecordException e = refused(FieldType.DATE, value);
        assertTrue(e.getMessage().contains("date"), e.getMessage());
    }

    @Test
    void dateRefusesNumbers() {
        refused(FieldType.DATE, 1_700_000_000_000L);
    }

    // ---- TIME

    @Test
    void timeTakesIsoTimes() {
        assertEquals(LocalTime.of(10, 15, 30), FieldType.TIME.coerce("f", "10:15:30"));
        assertEquals(LocalTime.of(10, 15), FieldType.TIME.coerce("f", "10:15"));
        assertEquals(LocalTime.of(10, 15, 30, 500_000_000), FieldType.TIME.coerce("f", "10:15:30.5"));
        assertEquals(LocalTime.NOON, FieldType.TIME.coerce("f", LocalTime.NOON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "10:60", "10.15", "noon", "10:15:30Z"})
    void timeRefusesWhatIsNotAnIsoTime(String value) {
        refused(FieldType.TIME, value);
    }

    @Test
    void timeRefusesNumbers() {
        refused(FieldType.TIME, 3600L);
    }

    // ---- TIMESTAMP

    @Test
    void timestampTakesIsoWithOffsetOrUtcAndEpochMillis() {
        Instant expected = Instant.parse("2024-01-02T03:04:05Z");
        assertEquals(expected, FieldType.TIMESTAMP.coerce("f", "2024-01-02T03:04:05Z"));
        assertEquals(expected, FieldType.TIMESTAMP.coerce("f", "2024-01-02T05:04:05+02:00"));
        assertEquals(expected, FieldType.TIMESTAMP.coerce("f", "2024-01-02T03:04:05"));
        assertEquals(expected, FieldType.TIMESTAMP.coerce("f", expected.toEpochMilli()));
        assertEquals(expected, FieldType.TIMESTAMP.coerce("f", expected));
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), FieldType.TIMESTAMP.coerce("f", LocalDate.of(2024, 1, 2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-02", "2024-01-02 03:04:05", "tomorrow", "2024-01-32T00:00:00Z", ""})
    void timestampRefusesWhatIsNotAnIsoTimestamp(String value) {
        RecordException e = refused(FieldType.TIMESTAMP, value);
        assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
    }

    @Test
    void timestampRefusesOtherTypes() {
        refused(FieldType.TIMESTAMP, 1.5d);
        refused(FieldType.TIMESTAMP, true);
    }
}
