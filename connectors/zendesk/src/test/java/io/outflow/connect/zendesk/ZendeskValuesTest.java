package io.outflow.connect.zendesk;

import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZendeskValuesTest {
    private final ZendeskValues values = ZendeskValues.INSTANCE;

    @Test
    void scalarsStayJsonScalars() {
        assertEquals("Ada", values.convert("name", "Ada"));
        assertEquals(true, values.convert("suspended", true));
        assertEquals(42L, values.convert("score", 42L));
        assertEquals(new BigDecimal("12.50"), values.convert("ltv", new BigDecimal("12.50")));
        assertNull(values.convert("phone", null), "null clears the field");
    }

    @Test
    void datesAndTimestampsAreIso8601() {
        assertEquals("2026-01-15", values.convert("renewal", LocalDate.of(2026, 1, 15)));
        assertEquals("2026-01-15T13:30:45.123Z", values.convert("seen", Instant.parse("2026-01-15T13:30:45.123Z")));
    }

    @Test
    void listsOfScalarsStayArrays() {
        assertEquals(Arrays.asList("vip", null, "beta"), values.convert("tags", Arrays.asList("vip", null, "beta")));
    }

    @Test
    void customFieldContainersTakeMapsOfScalars() {
        assertEquals(Map.of("renewal", "2026-01-15", "plan", "pro"),
                values.convert("user_fields", Map.of("renewal", LocalDate.of(2026, 1, 15), "plan", "pro")));
        RecordException nested = assertThrows(RecordException.class,
                () -> values.convert("user_fields", Map.of("address", Map.of("city", "Secretville"))));
        assertEquals("user_fields.address", nested.field());
        assertThrows(RecordException.class, () -> values.convert("organization_fields", "not a map"));
    }

    @Test
    void knownObjectFieldsTakeMapsAndIdentitiesAListOfThem() {
        assertEquals(Map.of("name", "Acme"), values.convert("organization", Map.of("name", "Acme")));
        List<Map<String, String>> identities = List.of(Map.of("type", "email", "value", "a@example.com"));
        assertEquals(identities, values.convert("identities", identities));
    }

    @Test
    void otherMapsAndNestedListsAreRefusedNamingTheFieldButNotTheValue() {
        RecordException e = assertThrows(RecordException.class,
                () -> values.convert("address", Map.of("city", "Secretville")));
        assertEquals("address", e.field());
        assertTrue(e.getMessage().contains("Flatten"));
        assertFalse(e.getMessage().contains("Secretville"));
        assertThrows(RecordException.class, () -> values.convert("tags", List.of(List.of("a"))));
        assertThrows(RecordException.class, () -> values.convert("blob", new byte[]{1}));
    }
}
