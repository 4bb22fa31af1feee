package io.outflow.connect.common.record;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalValuesTest {
    private static final Instant TS = Instant.parse("2024-03-05T10:15:30.123Z");

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    // ---- Struct with schemas and logical types

    @Test
    void structLogicalTypesBecomeJavaTimeAndBigDecimal() {
        Schema schema = SchemaBuilder.struct().name("com.example.Order")
                .field("price", Decimal.schema(2))
                .field("day", Date.SCHEMA)
                .field("at", Time.SCHEMA)
                .field("when", Timestamp.SCHEMA)
                .field("name", Schema.STRING_SCHEMA)
                .field("qty", Schema.INT32_SCHEMA)
                .field("small", Schema.INT8_SCHEMA)
                .field("ratio", Schema.FLOAT32_SCHEMA)
                .field("active", Schema.BOOLEAN_SCHEMA)
                .field("blob", Schema.BYTES_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Struct struct = new Struct(schema)
                .put("price", new BigDecimal("12.50"))
                .put("day", java.util.Date.from(Instant.parse("2024-03-05T00:00:00Z")))
                .put("at", java.util.Date.from(Instant.parse("1970-01-01T10:15:30.123Z")))
                .put("when", java.util.Date.from(TS))
                .put("name", "Ada")
                .put("qty", 3)
                .put("small", (byte) 7)
                .put("ratio", 0.5f)
                .put("active", true)
                .put("blob", new byte[]{1, 2, 3});

        Map<String, Object> fields = CanonicalValues.fields(schema, struct);

        assertEquals(List.of("price", "day", "at", "when", "name", "qty", "small", "ratio", "active", "blob", "note"),
                new ArrayList<>(fields.keySet()), "schema order is kept");
        assertEquals(new BigDecimal("12.50"), fields.get("price"));
        assertEquals(LocalDate.of(2024, 3, 5), fields.get("day"));
        assertEquals(LocalTime.of(10, 15, 30, 123_000_000), fields.get("at"));
        assertEquals(TS, fields.get("when"));
        assertEquals("Ada", fields.get("name"));
        assertEquals(3L, fields.get("qty"));
        assertEquals(7L, fields.get("small"));
        assertEquals(0.5d, fields.get("ratio"));
        assertEquals(true, fields.get("active"));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) fields.get("blob"));
        assertTrue(fields.containsKey("note"));
        assertNull(fields.get("note"));
    }

    @Test
    void nestedStructsArraysAndMapsUseTheirSchemas() {
        Schema address = SchemaBuilder.struct().field("city", Schema.STRING_SCHEMA)
                .field("since", Date.SCHEMA).build();
        Schema schema = SchemaBuilder.struct()
                .field("address", address)
                .field("stamps", SchemaBuilder.array(Timestamp.SCHEMA).build())
                .field("prices", SchemaBuilder.map(Schema.STRING_SCHEMA, Decimal.schema(1)).build())
                .field("missing", SchemaBuilder.struct().field("x", Schema.INT64_SCHEMA).optional().build())
                .build();
        Struct struct = new Struct(schema)
                .put("address", new Struct(address).put("city", "Oslo")
                        .put("since", java.util.Date.from(Instant.parse("2020-01-02T00:00:00Z"))))
                .put("stamps", List.of(java.util.Date.from(TS)))
                .put("prices", Map.of("a", new BigDecimal("1.5")));

        Map<String, Object> fields = CanonicalValues.fields(schema, struct);

        assertEquals(map("city", "Oslo", "since", LocalDate.of(2020, 1, 2)), fields.get("address"));
        assertEquals(List.of(TS), fields.get("stamps"));
        assertEquals(Map.of("a", new BigDecimal("1.5")), fields.get("prices"));
        assertNull(fields.get("missing"));
    }

    @Test
    void timeBeforeEpochStaysWithinTheDay() {
        // java.util.Date values of a Time schema are millis of the day; a negative value must still be a time of day.
        Object time = CanonicalValues.value(Time.SCHEMA, new java.util.Date(-1000));
        assertEquals(LocalTime.of(23, 59, 59), time);
    }

    @Test
    void valueReadsOneValueWithItsSchema() {
        assertEquals(TS, CanonicalValues.value(Timestamp.SCHEMA, java.util.Date.from(TS)));
        assertEquals(42L, CanonicalValues.value(Schema.INT32_SCHEMA, 42));
        assertNull(CanonicalValues.value(Schema.OPTIONAL_STRING_SCHEMA, null));
    }

    // ---- schemaless maps

    @Test
    void schemalessNumbersBecomeLongDoubleOrBigDecimal() {
        Map<String, Object> fields = CanonicalValues.fields(null, map(
                "int", 7, "long", 8L, "short", (short) 9, "double", 1.25d, "float", 2.5f,
                "big", new BigInteger("123456789012345678901234567890"),
                "dec", new BigDecimal("0.10"), "bool", false, "str", "s", "char", 'c', "nothing", null));

        assertEquals(7L, fields.get("int"));
        assertEquals(8L, fields.get("long"));
        assertEquals(9L, fields.get("short"));
        assertEquals(1.25d, fields.get("double"));
        assertEquals(2.5d, fields.get("float"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), fields.get("big"));
        assertEquals(new BigDecimal("0.10"), fields.get("dec"));
        assertEquals(false, fields.get("bool"));
        assertEquals("s", fields.get("str"));
        assertEquals("c", fields.get("char"));
        assertTrue(fields.containsKey("nothing"));
        assertNull(fields.get("nothing"));
    }

    @Test
    void bytesAndByteBuffersBecomeByteArrays() {
        ByteBuffer buffer = ByteBuffer.wrap("xxhello".getBytes(StandardCharsets.UTF_8));
        buffer.position(2);
        Map<String, Object> fields = CanonicalValues.fields(null, map("buf", buffer, "raw", new byte[]{9}));

        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), (byte[]) fields.get("buf"));
        assertEquals(2, buffer.position(), "the record's buffer is not consumed");
        assertArrayEquals(new byte[]{9}, (byte[]) fields.get("raw"));
    }

    @Test
    void utilDateWithoutSchemaIsAnInstant() {
        assertEquals(TS, CanonicalValues.fields(null, map("d", java.util.Date.from(TS))).get("d"));
    }

    @Test
    void nestedMapsAndListsAreConvertedDeeply() {
        Map<String, Object> fields = CanonicalValues.fields(null, map(
                "address", map("city", "Oslo", "zip", 150),
                "tags", List.of("a", "b"),
                "matrix", List.of(List.of(1, 2), List.of(3)),
                "people", List.of(map("age", 30))));

        assertEquals(map("city", "Oslo", "zip", 150L), fields.get("address"));
        assertEquals(List.of("a", "b"), fields.get("tags"));
        assertEquals(List.of(List.of(1L, 2L), List.of(3L)), fields.get("matrix"));
        assertEquals(List.of(map("age", 30L)), fields.get("people"));
    }

    @Test
    void numberAndBooleanMapKeysBecomeStrings() {
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put(1, "one");
        inner.put(2L, "two");
        inner.put(true, "yes");
        Map<String, Object> fields = CanonicalValues.fields(null, map("m", inner));
        assertEquals(map("1", "one", "2", "two", "true", "yes"), fields.get("m"));
    }

    @Test
    void otherMapKeysAreRefused() {
        Map<Object, Object> inner = new HashMap<>();
        inner.put(List.of("k"), "v");
        RecordException e = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, map("m", inner)));
        assertEquals("m", e.field());
        assertTrue(e.reason().contains("List"), e.getMessage());

        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        RecordException top = assertThrows(RecordException.class, () -> CanonicalValues.fields(null, nullKey));
        assertNull(top.field());
        assertTrue(top.reason().contains("null"), top.getMessage());
    }

    @Test
    void unsupportedTypesAreRefusedNamingTheTypeAndField() {
        RecordException e = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, map("obj", new StringBuilder("secret-value"))));
        assertEquals("obj", e.field());
        assertTrue(e.getMessage().contains("StringBuilder"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-value"), e.getMessage());
    }

    // ---- NaN and Infinity

    @Test
    void nanIsRefusedNamingTheField() {
        RecordException e = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, map("ok", 1, "score", Double.NaN)));
        assertEquals("score", e.field());
        assertTrue(e.getMessage().startsWith("field 'score': "), e.getMessage());
    }

    @Test
    void infinityIsRefusedNamingTheNestedPath() {
        RecordException e = assertThrows(RecordException.class, () -> CanonicalValues.fields(null,
                map("address", map("geo", map("lat", Double.POSITIVE_INFINITY)))));
        assertEquals("address.geo.lat", e.field());

        RecordException f = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, map("scores", List.of(1.0f, Float.NEGATIVE_INFINITY))));
        assertEquals("scores[1]", f.field());
    }

    @Test
    void pathsCombineListIndexesAndFields() {
        RecordException e = assertThrows(RecordException.class, () -> CanonicalValues.fields(null,
                map("people", List.of(map("age", 1), map("scores", List.of(List.of(0.0, Double.NaN)))))));
        assertEquals("people[1].scores[0][1]", e.field());
    }

    @Test
    void nanInAStructFieldNamesTheStructPath() {
        Schema inner = SchemaBuilder.struct().field("lat", Schema.FLOAT64_SCHEMA).build();
        Schema schema = SchemaBuilder.struct().field("geo", inner).build();
        Struct struct = new Struct(schema).put("geo", new Struct(inner).put("lat", Double.NaN));
        RecordException e = assertThrows(RecordException.class, () -> CanonicalValues.fields(schema, struct));
        assertEquals("geo.lat", e.field());
    }

    // ---- depth

    /** A value nested {@code levels} deep: level 1 is a top-level field's value. */
    private static Map<String, Object> nestedMaps(int levels) {
        Object value = "leaf";
        for (int i = 1; i < levels; i++) {
            value = map("n", value);
        }
        return map("n", value);
    }

    private static Map<String, Object> nestedLists(int levels) {
        Object value = "leaf";
        for (int i = 1; i < levels; i++) {
            value = List.of(value);
        }
        return map("n", value);
    }

    @Test
    void mapsNestedUpToMaxDepthAreAccepted() {
        Map<String, Object> fields = CanonicalValues.fields(null, nestedMaps(CanonicalValues.MAX_DEPTH));
        Object value = fields.get("n");
        for (int i = 1; i < CanonicalValues.MAX_DEPTH; i++) {
            value = ((Map<?, ?>) value).get("n");
        }
        assertEquals("leaf", value);
    }

    @Test
    void mapsNestedDeeperThanMaxDepthAreRefused() {
        RecordException e = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, nestedMaps(CanonicalValues.MAX_DEPTH + 1)));
        assertTrue(e.reason().contains("deeper than " + CanonicalValues.MAX_DEPTH), e.getMessage());
        assertTrue(e.field().startsWith("n.n.n"), e.field());
    }

    @Test
    void listsNestedUpToMaxDepthAreAcceptedAndDeeperRefused() {
        CanonicalValues.fields(null, nestedLists(CanonicalValues.MAX_DEPTH));
        RecordException e = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, nestedLists(CanonicalValues.MAX_DEPTH + 1)));
        assertTrue(e.field().startsWith("n[0][0]"), e.field());
    }

    @Test
    void structsCountDepthLikeMaps() {
        Schema schema = SchemaBuilder.struct().field("n", Schema.STRING_SCHEMA).build();
        Struct struct = new Struct(schema).put("n", "leaf");
        for (int i = 1; i < CanonicalValues.MAX_DEPTH; i++) {
            Schema outer = SchemaBuilder.struct().field("n", schema).build();
            struct = new Struct(outer).put("n", struct);
            schema = outer;
        }
        Struct deepest = struct;
        Schema deepestSchema = schema;
        CanonicalValues.fields(deepestSchema, deepest);

        Schema tooDeep = SchemaBuilder.struct().field("n", deepestSchema).build();
        Struct tooDeepStruct = new Struct(tooDeep).put("n", deepest);
        assertThrows(RecordException.class, () -> CanonicalValues.fields(tooDeep, tooDeepStruct));
    }

    // ---- the record value itself

    @Test
    void aValueThatIsNeitherStructNorMapIsRefused() {
        RecordException e = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(Schema.STRING_SCHEMA, "top-secret"));
        assertNull(e.field());
        assertTrue(e.getMessage().contains("String"), e.getMessage());
        assertFalse(e.getMessage().contains("top-secret"), e.getMessage());

        RecordException list = assertThrows(RecordException.class,
                () -> CanonicalValues.fields(null, Arrays.asList(1, 2)));
        assertTrue(list.getMessage().contains("List"), list.getMessage());

        RecordException nothing = assertThrows(RecordException.class, () -> CanonicalValues.fields(null, null));
        assertTrue(nothing.getMessage().contains("null"), nothing.getMessage());
    }

    @Test
    void resultMapsAreFreshCopies() {
        Map<String, Object> source = map("a", map("b", 1));
        Map<String, Object> fields = CanonicalValues.fields(null, source);
        assertInstanceOf(Map.class, fields.get("a"));
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) source.get("a");
        inner.put("c", 2);
        assertEquals(map("b", 1L), fields.get("a"));
    }
}
