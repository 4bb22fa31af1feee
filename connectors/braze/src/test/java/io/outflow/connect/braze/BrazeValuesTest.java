package io.outflow.connect.braze;

import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrazeValuesTest {
    private static final String LONG = "x".repeat(300);

    private static BrazeValues values(StringOverflow overflow) {
        return new BrazeValues(new StringLimiter(255, overflow), new FieldNames(255, overflow));
    }

    @Test
    void scalarsPassAsTheyAre() {
        BrazeValues v = values(StringOverflow.REJECT);
        assertEquals("pro", v.convert("plan", "pro"));
        assertEquals(true, v.convert("vip", true));
        assertEquals(42L, v.convert("score", 42L));
        assertEquals(new BigDecimal("12.50"), v.convert("ltv", new BigDecimal("12.50")));
    }

    @Test
    void datesAndTimestampsAreIso8601() {
        BrazeValues v = values(StringOverflow.REJECT);
        assertEquals("2026-01-15", v.convert("dob", LocalDate.of(2026, 1, 15)));
        assertEquals("2026-01-15T13:30:45.123Z", v.convert("last_seen", Instant.parse("2026-01-15T13:30:45.123Z")));
    }

    @Test
    void nullStaysNullSoTheAttributeIsRemoved() {
        assertNull(values(StringOverflow.REJECT).convert("plan", null));
    }

    @Test
    void arraysAndNestedObjectsPassThroughConverted() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Lyon");
        address.put("since", LocalDate.of(2020, 5, 1));
        Object converted = values(StringOverflow.REJECT).convert("address", address);
        assertEquals(Map.of("city", "Lyon", "since", "2020-05-01"), converted);
        assertEquals(List.of("a", "b"), values(StringOverflow.REJECT).convert("tags", List.of("a", "b")));
    }

    @Test
    void stringsInsideNestedObjectsAndArraysKeepTheLimit() {
        Map<String, Object> nested = Map.of("note", LONG);
        RecordException e = assertThrows(RecordException.class,
                () -> values(StringOverflow.REJECT).convert("profile", nested));
        assertEquals("profile.note", e.field());
        assertFalse(e.getMessage().contains(LONG), "the value is never shown");

        @SuppressWarnings("unchecked")
        Map<String, Object> cut = (Map<String, Object>) values(StringOverflow.TRUNCATE)
                .convert("profile", Map.of("items", List.of(Map.of("note", LONG))));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) ((List<Object>) cut.get("items")).get(0);
        assertEquals(255, ((String) item.get("note")).length());
    }

    @Test
    void keysInsideNestedObjectsKeepTheLimitToo() {
        RecordException e = assertThrows(RecordException.class,
                () -> values(StringOverflow.REJECT).convert("profile", Map.of(LONG, 1L)));
        assertEquals("profile", e.field());
        assertTrue(e.getMessage().contains("300 characters"), e.getMessage());
        assertFalse(e.getMessage().contains(LONG));

        @SuppressWarnings("unchecked")
        Map<String, Object> cut = (Map<String, Object>) values(StringOverflow.TRUNCATE)
                .convert("profile", Map.of(LONG, 1L));
        assertEquals(255, cut.keySet().iterator().next().length());
    }

    @Test
    void topLevelNamesAreRejectedOrCutPerStringOverflow() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("plan", "pro");
        fields.put(LONG, "v");
        RecordException e = assertThrows(RecordException.class,
                () -> new FieldNames(255, StringOverflow.REJECT).limit(fields));
        assertTrue(e.getMessage().contains("at most 255"), e.getMessage());
        assertFalse(e.getMessage().contains(LONG), "a long name is shown shortened");

        Map<String, Object> cut = new FieldNames(255, StringOverflow.TRUNCATE).limit(fields);
        assertEquals(List.of("plan", "x".repeat(255)), List.copyOf(cut.keySet()));
    }

    @Test
    void twoNamesThatBecomeOneAreRefused() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("x".repeat(255), 1L);
        fields.put("x".repeat(256), 2L);
        assertThrows(RecordException.class, () -> new FieldNames(255, StringOverflow.TRUNCATE).limit(fields));
    }

    @Test
    void namesWithinTheLimitKeepTheSameMap() {
        Map<String, Object> fields = Map.of("plan", "pro");
        assertTrue(fields == new FieldNames(255, StringOverflow.REJECT).limit(fields));
    }
}
