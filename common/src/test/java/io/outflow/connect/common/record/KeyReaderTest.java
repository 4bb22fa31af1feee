package io.outflow.connect.common.record;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyReaderTest {
    private static final String SECRET = "s3cr3t-value-42";

    private static SinkRecord keyed(Schema keySchema, Object key) {
        return new SinkRecord("t", 0, keySchema, key, null, Map.of("v", 1), 10);
    }

    private static String readKey(Object key) {
        return new KeyReader(KeySource.RECORD_KEY, null).read(keyed(null, key), Map.of());
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static void assertNamesFieldAndType(RecordException e, String field, String type) {
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(type), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    // ---- primitive record keys

    @Test
    void stringKeyIsUsedAsItIs() {
        assertEquals("abc", readKey("abc"));
        assertEquals(" padded ", readKey(" padded "));
    }

    @Test
    void integerKeysAreDecimalStrings() {
        assertEquals("42", readKey(42L));
        assertEquals("42", readKey(42));
        assertEquals("-7", readKey((short) -7));
    }

    @Test
    void doubleKeysAreWrittenPlainWithoutTrailingZeros() {
        assertEquals("1.5", readKey(1.50d));
        assertEquals("3", readKey(3.0d));
        assertEquals("100000000000000000000", readKey(1e20));
        assertEquals("0.0001", readKey(1e-4));
    }

    @Test
    void bigDecimalKeysAreWrittenPlainWithoutTrailingZeros() {
        assertEquals("1.5", readKey(new BigDecimal("1.500")));
        assertEquals("1000", readKey(new BigDecimal("1E+3")));
        Schema decimal = Decimal.schema(2);
        assertEquals("12.3", new KeyReader(KeySource.RECORD_KEY, "")
                .read(keyed(decimal, new BigDecimal("12.30")), Map.of()));
    }

    @Test
    void booleanKeyIsItsText() {
        assertEquals("true", readKey(true));
    }

    // ---- Struct and Map keys

    @Test
    void structKeyFieldIsRead() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
                .field("other", Schema.STRING_SCHEMA).build();
        Struct key = new Struct(schema).put("id", 99L).put("other", "x");
        assertEquals("99", new KeyReader(KeySource.RECORD_KEY, "id").read(keyed(schema, key), Map.of()));
        assertEquals("x", new KeyReader(KeySource.RECORD_KEY, " other ").read(keyed(schema, key), Map.of()));
    }

    @Test
    void mapKeyFieldIsRead() {
        assertEquals("u-1", new KeyReader(KeySource.RECORD_KEY, "id")
                .read(keyed(null, Map.of("id", "u-1", "x", 2)), Map.of()));
        assertEquals("5", new KeyReader(KeySource.RECORD_KEY, "id").read(keyed(null, Map.of("id", 5)), Map.of()));
    }

    @Test
    void structOrMapKeyWithoutKeyFieldIsRefused() {
        RecordException e = assertThrows(RecordException.class, () -> readKey(Map.of("id", SECRET)));
        assertTrue(e.getMessage().contains("Map"), e.getMessage());
        assertTrue(e.getMessage().contains("key.field"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());

        Schema schema = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();
        RecordException s = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_KEY, " ")
                .read(keyed(schema, new Struct(schema).put("id", SECRET)), Map.of()));
        assertTrue(s.getMessage().contains("Struct"), s.getMessage());
        assertFalse(s.getMessage().contains(SECRET), s.getMessage());
    }

    @Test
    void structKeyWithoutTheFieldIsRefused() {
        Schema schema = SchemaBuilder.struct().field("other", Schema.STRING_SCHEMA).build();
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_KEY, "id")
                .read(keyed(schema, new Struct(schema).put("other", SECRET)), Map.of()));
        assertEquals("id", e.field());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void structKeyFieldThatIsNullIsRefused() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.OPTIONAL_STRING_SCHEMA).build();
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_KEY, "id")
                .read(keyed(schema, new Struct(schema)), Map.of()));
        assertNamesFieldAndType(e, "id", "null");
    }

    @Test
    void mapKeyWithoutTheFieldIsRefusedAsMissing() {
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_KEY, "id")
                .read(keyed(null, Map.of("other", SECRET)), Map.of()));
        assertEquals("id", e.field());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    // ---- keys from the value

    @Test
    void keyFromAValueField() {
        KeyReader reader = new KeyReader(KeySource.RECORD_VALUE, "email");
        assertEquals("a@b.c", reader.read(keyed(null, "ignored"), fields("email", "a@b.c", "n", 1L)));
        assertEquals("7", reader.read(keyed(null, null), fields("email", 7L)));
    }

    @Test
    void recordValueSourceNeedsAField() {
        assertThrows(IllegalArgumentException.class, () -> new KeyReader(KeySource.RECORD_VALUE, null));
        assertThrows(IllegalArgumentException.class, () -> new KeyReader(KeySource.RECORD_VALUE, "  "));
    }

    @Test
    void missingValueFieldIsRefused() {
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_VALUE, "id")
                .read(keyed(null, null), fields("other", SECRET)));
        assertEquals("id", e.field());
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void nullValueFieldIsRefused() {
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_VALUE, "id")
                .read(keyed(null, null), fields("id", null, "other", SECRET)));
        assertNamesFieldAndType(e, "id", "null");
    }

    @Test
    void emptyOrBlankKeysAreRefused() {
        KeyReader reader = new KeyReader(KeySource.RECORD_VALUE, "id");
        RecordException empty = assertThrows(RecordException.class,
                () -> reader.read(keyed(null, null), fields("id", "")));
        assertEquals("id", empty.field());
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        RecordException blank = assertThrows(RecordException.class,
                () -> reader.read(keyed(null, null), fields("id", "   ")));
        assertTrue(blank.getMessage().contains("empty"), blank.getMessage());
        RecordException primitive = assertThrows(RecordException.class, () -> readKey(""));
        assertTrue(primitive.getMessage().contains("empty"), primitive.getMessage());
    }

    @Test
    void nestedKeysAreRefusedNamingTheType() {
        KeyReader reader = new KeyReader(KeySource.RECORD_VALUE, "id");
        RecordException map = assertThrows(RecordException.class,
                () -> reader.read(keyed(null, null), fields("id", Map.of("inner", SECRET))));
        assertNamesFieldAndType(map, "id", "Map");
        RecordException list = assertThrows(RecordException.class,
                () -> reader.read(keyed(null, null), fields("id", List.of(SECRET))));
        assertNamesFieldAndType(list, "id", "List");

        Map<String, Object> key = new HashMap<>();
        key.put("id", Map.of("inner", SECRET));
        RecordException inKey = assertThrows(RecordException.class,
                () -> new KeyReader(KeySource.RECORD_KEY, "id").read(keyed(null, key), Map.of()));
        assertNamesFieldAndType(inKey, "id", "Map");
    }

    @Test
    void bytesKeysAreRefusedNamingTheType() {
        byte[] bytes = SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RecordException field = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_VALUE, "id")
                .read(keyed(null, null), fields("id", bytes)));
        assertNamesFieldAndType(field, "id", "bytes");

        RecordException primitive = assertThrows(RecordException.class, () -> readKey(bytes));
        assertNull(primitive.field());
        assertTrue(primitive.getMessage().contains("bytes"), primitive.getMessage());
        assertTrue(primitive.getMessage().contains("record key"), primitive.getMessage());
    }

    @Test
    void otherKeyTypesAreRefusedNamingTheType() {
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_VALUE, "id")
                .read(keyed(null, null), fields("id", java.time.LocalDate.of(2024, 1, 1))));
        assertNamesFieldAndType(e, "id", "LocalDate");
        assertFalse(e.getMessage().contains("2024"), e.getMessage());
    }

    @Test
    void aKeyFieldThatCannotBeReadNamesTheKeyField() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.FLOAT64_SCHEMA).build();
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_KEY, "id")
                .read(keyed(schema, new Struct(schema).put("id", Double.NaN)), Map.of()));
        assertEquals("id", e.field());
        RecordException m = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_KEY, "id")
                .read(keyed(null, Map.of("id", Map.of("x", Double.NaN))), Map.of()));
        assertEquals("id.x", m.field());
    }

    @Test
    void aTombstoneHasNoValueToReadTheKeyFrom() {
        RecordException e = assertThrows(RecordException.class, () -> new KeyReader(KeySource.RECORD_VALUE, "id")
                .read(keyed(null, "k"), null));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
        assertTrue(e.getMessage().contains("record_key"), e.getMessage());
    }

    @Test
    void aRecordWithoutKeyIsRefused() {
        RecordException e = assertThrows(RecordException.class, () -> readKey(null));
        assertTrue(e.getMessage().contains("no key"), e.getMessage());
    }
}
