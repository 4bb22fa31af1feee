package io.outflow.connect.common.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.record.ConnectDataArbitraries;
import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.RecordException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FieldMapper with any configuration (renames, dropped fields, declared types, required fields, string limits) on
 * any canonical fields: the mapped fields, which encode to JSON that Jackson reads back; or a RecordException naming
 * a field. Never another exception.
 */
class FieldMapperProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("a", "b", "c", "email", "score", "renewal");

    /** One configuration of the mapping keys. */
    record Mapping(Map<String, String> renames, boolean drop, Map<String, FieldType> types, List<String> required,
                   int maxLength, StringOverflow overflow) {
        FieldMapper mapper() {
            return new FieldMapper(renames, drop, types, required, ValueConverter.JSON,
                    new StringLimiter(maxLength, overflow));
        }
    }

    @Provide
    Arbitrary<Mapping> mappings() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<Map<String, String>> renames = Arbitraries.maps(name, Arbitraries.oneOf(name,
                Arbitraries.of("x", "y"))).ofMaxSize(3);
        Arbitrary<Map<String, FieldType>> types = Arbitraries.maps(name, Arbitraries.of(FieldType.class)).ofMaxSize(3);
        Arbitrary<List<String>> required = Arbitraries.oneOf(name, Arbitraries.of("x", "missing")).list().ofMaxSize(2);
        Arbitrary<Integer> maxLength = Arbitraries.oneOf(Arbitraries.integers().between(1, 300),
                Arbitraries.just(65_536), Arbitraries.just(Integer.MAX_VALUE));
        return net.jqwik.api.Combinators.combine(renames, Arbitraries.of(true, false), types, required, maxLength,
                Arbitraries.of(StringOverflow.class)).as(Mapping::new);
    }

    @Provide
    Arbitrary<Map<String, Object>> fields() {
        return Arbitraries.entries(Arbitraries.of(NAMES), ConnectDataArbitraries.canonicalValues(2)).list()
                .ofMaxSize(6).map(entries -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
    }

    @Property(tries = 500)
    void anyFieldsMapToEncodableJsonOrAreRefusedNamingAField(@ForAll("mappings") Mapping mapping,
                                                             @ForAll("fields") Map<String, Object> fields)
            throws IOException {
        Map<String, Object> out;
        try {
            out = mapping.mapper().map(fields);
        } catch (RecordException e) {
            assertNotNull(e.field(), () -> "a refusal names the field: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("FieldMapper threw " + e + " instead of a RecordException", e);
        }
        assertEquals(expectedTargets(mapping, fields), out.keySet());
        for (String field : mapping.required()) {
            assertNotNull(out.get(field), "a required field is present and not null");
        }
        byte[] json;
        try {
            json = JsonValues.encode(g -> JsonValues.write(g, out));
        } catch (RuntimeException e) {
            throw new AssertionError("mapped fields " + describe(out) + " cannot be encoded: " + e, e);
        }
        JsonNode parsed = JACKSON.readTree(json);
        assertTrue(parsed.isObject());
        assertEquals(out.size(), parsed.size());
    }

    @Property(tries = 1000)
    void mappingInPlaceGivesWhatAFieldByFieldCopyGives(@ForAll("mappings") Mapping mapping,
                                                       @ForAll("fields") Map<String, Object> fields) {
        String expected;
        try {
            expected = describeValues(copyMapped(mapping, fields));
        } catch (RecordException e) {
            expected = "refused";
        }
        Map<String, Object> source = new LinkedHashMap<>(fields);
        String copied;
        try {
            copied = describeValues(mapping.mapper().map(source));
        } catch (RecordException e) {
            assertNotNull(e.field(), () -> "a refusal names the field: " + e.getMessage());
            copied = "refused";
        }
        assertEquals(describeValues(fields), describeValues(source), "map() leaves its source alone");
        String owned;
        try {
            owned = describeValues(mapping.mapper().mapOwned(new LinkedHashMap<>(fields)));
        } catch (RecordException e) {
            owned = "refused";
        }
        assertEquals(expected, copied);
        assertEquals(expected, owned);
    }

    /** The mapping's meaning, spelled out the plain way: a new map, field by field, refusing a name used twice. */
    private static Map<String, Object> copyMapped(Mapping mapping, Map<String, Object> fields) {
        StringLimiter limiter = new StringLimiter(mapping.maxLength(), mapping.overflow());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String target = mapping.renames().getOrDefault(field.getKey(), mapping.drop() ? null : field.getKey());
            if (target == null) {
                continue;
            }
            if (out.containsKey(target)) {
                throw new RecordException(field.getKey(), "used twice");
            }
            FieldType type = mapping.types().get(field.getKey());
            Object value = type == null ? field.getValue() : type.coerce(field.getKey(), field.getValue());
            out.put(target, limiter.apply(target, ValueConverter.JSON.convert(target, value)));
        }
        for (String required : mapping.required()) {
            if (out.get(required) == null) {
                throw new RecordException(required, "required");
            }
        }
        return out;
    }

    /** Names and values in name order (JSON field order means nothing to a destination), byte arrays by content. */
    private static String describeValues(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(fields).forEach((k, v) -> out.append(k).append('=')
                .append(v instanceof byte[] ? java.util.Arrays.toString((byte[]) v) : String.valueOf(v)).append(';'));
        return out.toString();
    }

    private static Set<String> expectedTargets(Mapping mapping, Map<String, Object> fields) {
        Set<String> targets = new HashSet<>();
        for (String name : fields.keySet()) {
            String target = mapping.renames().get(name);
            if (target == null && !mapping.drop()) {
                target = name;
            }
            if (target != null) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Field names and value types, never values (they may be 70,000 characters long). */
    static String describe(Map<String, Object> fields) {
        Map<String, String> types = new LinkedHashMap<>();
        fields.forEach((k, v) -> types.put(k, v == null ? "null" : v.getClass().getSimpleName()
                + (v instanceof java.math.BigDecimal ? "(scale " + ((java.math.BigDecimal) v).scale() + ")" : "")));
        return types.toString();
    }
}
