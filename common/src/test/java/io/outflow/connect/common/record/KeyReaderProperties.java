package io.outflow.connect.common.record;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KeyReader on any record key (or key field of the value), whatever its type: a non-blank string, or a
 * RecordException naming the key field; never another exception.
 */
class KeyReaderProperties {

    @Provide
    Arbitrary<Object> keys() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, ConnectDataArbitraries.rawScalars().injectNull(0.05)),
                net.jqwik.api.Tuple.of(2, ConnectDataArbitraries.rawMaps(ConnectDataArbitraries.rawValues(2))
                        .map(m -> (Object) m)),
                net.jqwik.api.Tuple.of(1, ConnectDataArbitraries.rawValues(2).list().ofMaxSize(3).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, keyMapsWithTheField()));
    }

    /** Map keys that do hold {@code id}, with any value under it. */
    private static Arbitrary<Object> keyMapsWithTheField() {
        return ConnectDataArbitraries.rawValues(1).map(v -> {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("id", v);
            return key;
        });
    }

    @Provide
    Arbitrary<String> keyFields() {
        return Arbitraries.of("", "id", "email").injectNull(0.2);
    }

    @Provide
    Arbitrary<SchemaAndValue> schemaKeys() {
        return ConnectDataArbitraries.schemaAndValues();
    }

    private static String readOrRefuse(KeyReader reader, SinkRecord record, Map<String, Object> valueFields,
                                       String keyField) {
        try {
            String key = reader.read(record, valueFields);
            assertNotNull(key);
            assertFalse(key.isBlank(), "a key is never blank");
            return key;
        } catch (RecordException e) {
            if (e.field() != null && keyField != null) {
                assertTrue(e.field().startsWith(keyField),
                        () -> "the refusal names the key field '" + keyField + "': " + e.getMessage());
            }
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("KeyReader threw " + e + " instead of a RecordException", e);
        }
    }

    /**
     * A refusal of a Map key names key.field. (A List key holding an unsupported element is refused as
     * "field '[0]': ...", which does not say it is the record key; reported as a wording issue.)
     */
    @Property
    void anySchemalessRecordKeyIsAStringOrRefused(@ForAll("keys") Object key, @ForAll("keyFields") String field) {
        KeyReader reader = new KeyReader(KeySource.RECORD_KEY, field);
        SinkRecord record = new SinkRecord("t", 0, null, key, null, Map.of("v", 1L), 1);
        boolean keyHasFields = key instanceof Map;
        readOrRefuse(reader, record, Map.of("v", 1L), field == null || field.isBlank() || !keyHasFields ? null : field);
    }

    @Property(tries = 500)
    void anyKeyWithASchemaIsAStringOrRefused(@ForAll("schemaKeys") SchemaAndValue key) {
        KeyReader reader = new KeyReader(KeySource.RECORD_KEY, null);
        readOrRefuse(reader, new SinkRecord("t", 0, key.schema(), key.value(), null, Map.of(), 1), Map.of(), null);
    }

    @Property(tries = 500)
    void anyStructKeyFieldIsAStringOrRefusedNamingTheField(@ForAll("schemaKeys") SchemaAndValue idField) {
        Schema keySchema = SchemaBuilder.struct().field("id", idField.schema()).build();
        Struct key = new Struct(keySchema).put("id", idField.value());
        KeyReader reader = new KeyReader(KeySource.RECORD_KEY, "id");
        readOrRefuse(reader, new SinkRecord("t", 0, keySchema, key, null, Map.of(), 1), Map.of(), "id");
    }

    @Property
    void anyValueFieldIsAStringOrRefusedNamingTheField(@ForAll("keys") Object value) {
        Map<String, Object> fields;
        try {
            fields = CanonicalValues.fields(null, Map.of("email", value == null ? "x" : value));
        } catch (RecordException notReadable) {
            return; // refused before the key is read
        }
        KeyReader reader = new KeyReader(KeySource.RECORD_VALUE, "email");
        readOrRefuse(reader, new SinkRecord("t", 0, null, null, null, fields, 1), fields, "email");
    }

    /** Numbers of equal value are the same key, written plainly: 1, 1L and 1.0 are all "1"; never "1E+3". */
    @Property
    void numericKeysArePlainAndEqualNumbersGiveEqualKeys(@ForAll long n) {
        KeyReader reader = new KeyReader(KeySource.RECORD_KEY, null);
        String asLong = reader.read(new SinkRecord("t", 0, null, n, null, Map.of(), 1), Map.of());
        String asDecimal = reader.read(new SinkRecord("t", 0, null, new BigDecimal(n).movePointLeft(2).movePointRight(2),
                null, Map.of(), 1), Map.of());
        assertEquals(Long.toString(n), asLong);
        assertEquals(asLong, asDecimal);
        if (n > -(1L << 52) && n < (1L << 52)) {
            String asDouble = reader.read(new SinkRecord("t", 0, null, (double) n, null, Map.of(), 1), Map.of());
            assertEquals(asLong, asDouble);
        }
    }

    @Property
    void doubleKeysNeverUseExponentNotation(@ForAll double d) {
        KeyReader reader = new KeyReader(KeySource.RECORD_KEY, null);
        try {
            String key = reader.read(new SinkRecord("t", 0, null, d, null, Map.of(), 1), Map.of());
            assertTrue(key.matches("-?\\d+(\\.\\d+)?"), key);
        } catch (RecordException refusedNaNOrInfinity) {
            assertFalse(Double.isFinite(d), refusedNaNOrInfinity.getMessage());
        }
    }
}
