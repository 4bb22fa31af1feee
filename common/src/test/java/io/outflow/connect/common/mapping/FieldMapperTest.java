package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldMapperTest {
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static FieldMapper mapper(Map<String, String> renames, boolean drop, Map<String, FieldType> types,
                                      List<String> required) {
        return new FieldMapper(renames, drop, types, required, ValueConverter.JSON, StringLimiter.unlimited());
    }

    @Test
    void withNothingConfiguredFieldsPassThroughInOrder() {
        Map<String, Object> out = mapper(Map.of(), false, Map.of(), List.of())
                .map(fields("b", 1L, "a", "x", "n", null));
        assertEquals(List.of("b", "a", "n"), new ArrayList<>(out.keySet()));
        assertEquals(fields("b", 1L, "a", "x", "n", null), out);
    }

    @Test
    void renamesAndKeepsUnmappedFields() {
        Map<String, Object> out = mapper(Map.of("first_name", "firstname"), false, Map.of(), List.of())
                .map(fields("first_name", "Ada", "age", 36L));
        assertEquals(fields("firstname", "Ada", "age", 36L), out);
    }

    @Test
    void dropsUnmappedFieldsWhenAsked() {
        Map<String, Object> out = mapper(Map.of("first_name", "firstname", "email", "email"), true, Map.of(),
                List.of()).map(fields("first_name", "Ada", "age", 36L, "email", "a@b.c"));
        assertEquals(fields("firstname", "Ada", "email", "a@b.c"), out);
    }

    @Test
    void appliesTheDestinationsValueConverter() {
        Map<String, Object> out = mapper(Map.of("d", "day"), false, Map.of(), List.of())
                .map(fields("d", LocalDate.of(2024, 1, 2), "bytes", new byte[]{1, 2, 3}));
        assertEquals(fields("day", "2024-01-02", "bytes", "AQID"), out);
    }

    @Test
    void converterSeesTheDestinationFieldName() {
        List<String> seen = new ArrayList<>();
        new FieldMapper(Map.of("a", "b"), false, Map.of(), List.of(), (field, value) -> {
            seen.add(field);
            return value;
        }, StringLimiter.unlimited()).map(fields("a", 1L, "c", 2L));
        assertEquals(List.of("b", "c"), seen);
    }

    @Test
    void declaredTypesAreAppliedBySourceName() {
        Map<String, Object> out = mapper(Map.of("signup", "signup_date"), false,
                Map.of("signup", FieldType.DATE, "score", FieldType.LONG), List.of())
                .map(fields("signup", "2024-01-02", "score", "42", "other", "42"));
        assertEquals(fields("signup_date", "2024-01-02", "score", 42L, "other", "42"), out);
    }

    @Test
    void aValueThatDoesNotReadAsItsDeclaredTypeNamesTheSourceField() {
        RecordException e = assertThrows(RecordException.class, () -> mapper(Map.of("signup", "signup_date"),
                false, Map.of("signup", FieldType.DATE), List.of()).map(fields("signup", "not-a-date")));
        assertEquals("signup", e.field());
        assertFalse(e.getMessage().contains("not-a-date"), e.getMessage());
    }

    @Test
    void declaredTypesOfDroppedFieldsAreNotChecked() {
        Map<String, Object> out = mapper(Map.of("a", "a"), true, Map.of("b", FieldType.LONG), List.of())
                .map(fields("a", 1L, "b", "not a number"));
        assertEquals(fields("a", 1L), out);
    }

    @Test
    void requiredFieldsAreCheckedUnderTheirDestinationNames() {
        FieldMapper m = mapper(Map.of("mail", "email"), false, Map.of(), List.of("email"));
        assertEquals(fields("email", "a@b.c"), m.map(fields("mail", "a@b.c")));

        RecordException missing = assertThrows(RecordException.class, () -> m.map(fields("other", 1L)));
        assertEquals("email", missing.field());
        assertTrue(missing.reason().contains("missing"), missing.getMessage());

        RecordException isNull = assertThrows(RecordException.class, () -> m.map(fields("mail", null)));
        assertEquals("email", isNull.field());
        assertTrue(isNull.reason().contains("null"), isNull.getMessage());
        assertFalse(isNull.reason().contains("missing"), isNull.getMessage());
    }

    @Test
    void aRequiredFieldDroppedAsUnmappedIsMissing() {
        RecordException e = assertThrows(RecordException.class,
                () -> mapper(Map.of("a", "a"), true, Map.of(), List.of("b")).map(fields("a", 1L, "b", 2L)));
        assertEquals("b", e.field());
        assertTrue(e.reason().contains("missing"), e.getMessage());
    }

    @Test
    void converterErrorsOfRenamedFieldsAreReportedUnderTheSourceName() {
        ValueConverter picky = (field, value) -> {
            throw new RecordException(field, "the destination takes no such value");
        };
        FieldMapper m = new FieldMapper(Map.of("first_name", "firstname"), false, Map.of(), List.of(), picky,
                StringLimiter.unlimited());

        RecordException renamed = assertThrows(RecordException.class, () -> m.map(fields("first_name", "Ada")));
        assertEquals("first_name", renamed.field());
        assertTrue(renamed.reason().startsWith("the destination takes no such value"), renamed.getMessage());
        assertTrue(renamed.reason().contains("'firstname'"), renamed.getMessage());

        RecordException same = assertThrows(RecordException.class, () -> m.map(fields("age", 3L)));
        assertEquals("age", same.field());
        assertEquals("the destination takes no such value", same.reason());
    }

    @Test
    void stringLimitErrorsOfRenamedFieldsAreReportedUnderTheSourceName() {
        FieldMapper m = new FieldMapper(Map.of("bio", "about"), false, Map.of(), List.of(), ValueConverter.JSON,
                new StringLimiter(3, StringOverflow.REJECT));
        RecordException e = assertThrows(RecordException.class, () -> m.map(fields("bio", "abcdef")));
        assertEquals("bio", e.field());
        assertTrue(e.reason().contains("'about'"), e.getMessage());
        assertFalse(e.getMessage().contains("abcdef"), e.getMessage());
    }

    @Test
    void stringsAreTruncatedAfterConversion() {
        FieldMapper m = new FieldMapper(Map.of(), false, Map.of(), List.of(), ValueConverter.JSON,
                new StringLimiter(4, StringOverflow.TRUNCATE));
        assertEquals(fields("d", "2024", "n", 123456L), m.map(fields("d", LocalDate.of(2024, 1, 2), "n", 123456L)));
    }

    @Test
    void configurationIsCopied() {
        Map<String, String> renames = new LinkedHashMap<>(Map.of("a", "b"));
        FieldMapper m = mapper(renames, false, Map.of(), List.of());
        renames.put("a", "c");
        assertEquals(fields("b", 1L), m.map(fields("a", 1L)));
    }
}
