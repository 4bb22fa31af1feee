package io.outflow.connect.common.record;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.connect.data.SchemaAndValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CanonicalValues on any record value: it becomes canonical fields, or is refused with a RecordException; never
 * another exception, never a value in the reason.
 */
class CanonicalValuesProperties {
    private static final String SENTINEL = "VALUE-SENTINEL-7f3a";

    @Provide
    Arbitrary<Object> recordValues() {
        return ConnectDataArbitraries.rawRecordValues();
    }

    @Provide
    Arbitrary<SchemaAndValue> structs() {
        return ConnectDataArbitraries.structs();
    }

    /** Reads a value, failing the property on anything but success or a RecordException. */
    static Map<String, Object> readOrRefuse(org.apache.kafka.connect.data.Schema schema, Object value) {
        try {
            Map<String, Object> fields = CanonicalValues.fields(schema, value);
            assertNotNull(fields);
            assertTrue(ConnectDataArbitraries.isCanonical(fields), () -> "not canonical: " + fields);
            return fields;
        } catch (RecordException refused) {
            assertNotNull(refused.reason());
            return null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("CanonicalValues threw " + e + " instead of a RecordException", e);
        }
    }

    @Property
    void anySchemalessValueBecomesCanonicalFieldsOrIsRefusedWithARecordException(
            @ForAll("recordValues") Object value) {
        readOrRefuse(null, value);
    }

    @Property(tries = 500)
    void anyStructBecomesCanonicalFieldsOrIsRefusedWithARecordException(@ForAll("structs") SchemaAndValue struct) {
        readOrRefuse(struct.schema(), struct.value());
    }

    @Property
    void jsonLikeValuesAreAlwaysAcceptedAndKeepTheirContent(@ForAll("jsonLike") Map<String, Object> json) {
        Map<String, Object> fields = CanonicalValues.fields(null, json);
        assertEquals(widened(json), fields);
    }

    /** What the JsonConverter gives without schemas: String keys, String/Long/finite Double/Boolean/null leaves. */
    @Provide
    Arbitrary<Map<String, Object>> jsonLike() {
        Arbitrary<Object> leaves = Arbitraries.<Object>oneOf(ConnectDataArbitraries.unicodeStrings(), Arbitraries.longs(),
                Arbitraries.integers(), Arbitraries.doubles(), Arbitraries.of(true, false)).injectNull(0.1);
        Arbitrary<Object> values = Arbitraries.recursive(() -> leaves,
                inner -> Arbitraries.oneOf(inner, inner.list().ofMaxSize(3).map(l -> (Object) l),
                        ConnectDataArbitraries.canonicalMaps(inner).map(m -> (Object) m)), 0, 4);
        return ConnectDataArbitraries.canonicalMaps(values);
    }

    private static Object widened(Object value) {
        if (value instanceof Integer) {
            return ((Integer) value).longValue();
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(CanonicalValuesProperties::widened).toList();
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, widened(v)));
            return out;
        }
        return value;
    }

    @Property(tries = 200)
    void nestingUpToTheLimitIsReadAndDeeperIsRefusedNamingThePath(
            @ForAll @IntRange(min = 1, max = 64) int depth) {
        Object value = "leaf";
        for (int i = 0; i < depth; i++) {
            value = Map.of("a", value);
        }
        Map<String, Object> record = Map.of("deep", value);
        if (depth < CanonicalValues.MAX_DEPTH) {
            assertEquals(record, CanonicalValues.fields(null, record));
        } else if (depth > CanonicalValues.MAX_DEPTH) {
            RecordException e = assertThrows(RecordException.class, () -> CanonicalValues.fields(null, record));
            assertTrue(e.field().startsWith("deep.a"), e.getMessage());
            assertTrue(e.reason().contains("nested deeper"), e.getMessage());
        }
    }

    @Example
    void tenThousandLevelsAreRefusedWithoutAStackOverflow() {
        Object value = "leaf";
        for (int i = 0; i < 10_000; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("a", value);
        }
        Object deep = value;
        RecordException e = assertThrows(RecordException.class, () -> CanonicalValues.fields(null, Map.of("x", deep)));
        assertTrue(e.field().startsWith("x"), e.getMessage());
    }

    /** A refusal names no value: sentinel text in every string leaf never reaches the message. */
    @Property
    void aRefusalNeverShowsAValue(@ForAll("valuesWithSentinels") Object value) {
        try {
            CanonicalValues.fields(null, value);
        } catch (RecordException e) {
            assertFalse(e.getMessage().contains(SENTINEL), e.getMessage());
        } catch (RuntimeException e) {
            fail("CanonicalValues threw " + e + " instead of a RecordException");
        }
    }

    @Provide
    Arbitrary<Object> valuesWithSentinels() {
        return ConnectDataArbitraries.rawRecordValues().map(CanonicalValuesProperties::withSentinels);
    }

    /** The value with each string leaf (not map keys) prefixed with the sentinel. */
    static Object withSentinels(Object value) {
        if (value instanceof String) {
            return SENTINEL + value;
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(CanonicalValuesProperties::withSentinels)
                    .collect(java.util.stream.Collectors.toList());
        }
        if (value instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(k, withSentinels(v)));
            return out;
        }
        return value;
    }
}
