package io.outflow.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest {

    @Test
    void numbersCompareByValueWhateverTheirForm() {
        assertTrue(Values.same(new BigDecimal("6871.40"), "6871.4"));
        assertTrue(Values.same(72, 72.0));
        assertTrue(Values.same(72, "72"));
        assertFalse(Values.same(72, 73.0));
    }

    @Test
    void timestampsAndDatesCompareAsInstantsAndDays() {
        assertTrue(Values.same("2026-11-23 09:00:00", "2026-11-23T09:00:00Z"));
        assertTrue(Values.same("2026-11-23 09:00:00", "2026-11-23T09:00:00.000Z"));
        assertFalse(Values.same("2026-11-23 09:00:00", "2026-11-23T10:00:00+02:00"));
        assertTrue(Values.same("2026-11-23 09:00:00", "2026-11-23T11:00:00+02:00"));
        assertTrue(Values.same("2026-12-01", Values.asDate("1796083200000")));
    }

    @Test
    void nullIsAnAbsentOrEmptyValue() {
        assertTrue(Values.same(null, null));
        assertTrue(Values.same(null, ""));
        assertFalse(Values.same(null, "x"));
        assertFalse(Values.same("low", "medium"));
    }
}
