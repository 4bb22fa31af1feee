package io.outflow.connect.common.record;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * jqwik generators of what a record can hold when it reaches a connector: the Maps and Lists of schemaless JSON,
 * Structs with any schema (logical types included), every Java scalar a converter or transform can produce
 * (NaN and infinities, numbers of any size and scale, any UTF-16 text including control characters and lone
 * surrogates, very long strings, dates of any year), nesting deeper than the engine allows, map keys that are not
 * strings, and types no converter produces. Also the canonical values (what CanonicalValues returns) for testing the
 * mapping layer on its own.
 * <p>
 * Sizes are bounded so that a defect that materialises a number's digits (e.g. {@code toPlainString()} of
 * 1E+2147483647) fails a property instead of exhausting the test JVM's memory: scales stay within ±20,000.
 */
public final class ConnectDataArbitraries {
    /** Strings every property test should see: empty, blanks, control characters, bidi, emoji, look-alikes. */
    public static final List<String> EDGE_STRINGS = List.of("", " ", "\u0000", "\t\n\r", "\u0007\u001b[31m",
            "\u007f\u0085\u009f", "😀", "👩‍👩‍👧", "名前", "e\u0301", "\u202Eevil", "\uFEFF", "\u200B", "\\", "\"",
            "\"},{\"x\":1", "</script>", "null", "NaN", "Infinity", "-0", "1e309", "1E+400", "0x1F", "  42  ",
            "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-13-01", "24:00", "23:59:60",
            "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2026-01-15T10:00:00+25:00", "true", "TRUE");

    /** Largest |scale| of generated BigDecimals (see the class comment). */
    public static final int MAX_SCALE = 20_000;

    private ConnectDataArbitraries() {
    }

    // ------------------------------------------------------------------ text

    /** Well-formed Unicode (no lone surrogates), control characters included. */
    public static Arbitrary<String> unicodeStrings() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(1, Arbitraries.integers().between(0x7f, 0x9f)),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMaxSize(24).map(ConnectDataArbitraries::fromCodePoints);
    }

    /** Any sequence of UTF-16 chars, lone surrogates included (a JSON text's "\ud800" escape decodes to one). */
    public static Arbitrary<String> anyUtf16Strings() {
        return Arbitraries.strings().all().ofMaxLength(24);
    }

    /** Text that looks like a number: huge, tiny, exponents up to the BigDecimal limits, signs, junk. */
    public static Arbitrary<String> numberLikeStrings() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400);
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.integers().between(-9, 9),
                        Arbitraries.of(-2147483648L, -20000L, -9999L, -400L, -1L, 0L, 1L, 308L, 309L, 400L, 9999L,
                                10000L, 20000L, 2147483647L, 9999999999L))
                .as((mantissa, exp) -> mantissa + "e" + exp);
        return Arbitraries.oneOf(digits, digits.map(d -> "-" + d), digits.map(d -> "0." + d), exponent,
                Arbitraries.of("1.5d", "0x10", "1_000", "1,5", "∞", "٣", "１２", " 7 ", "--1", "1e", ".", "-"));
    }

    /** Text that looks like a date, time or timestamp, valid or not, of any year. */
    public static Arbitrary<String> dateLikeStrings() {
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.integers().between(1, 9999).map(y -> String.format("%04d", y)),
                Arbitraries.integers().between(-999_999_999, 999_999_999).map(y -> (y < 0 ? "-" : "+") + Math.abs(y)));
        Arbitrary<String> date = Combinators.combine(year, Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%s-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61))
                .as((h, m, s) -> String.format("%02d:%02d:%02d", h, m, s));
        Arbitrary<String> offset = Arbitraries.of("", "Z", "+00:00", "-05:30", "+18:00", "-18:00", "+25:00", "[UTC]");
        Arbitrary<String> timestamp = Combinators.combine(date, time, offset).as((d, t, o) -> d + "T" + t + o);
        return Arbitraries.oneOf(date, time, timestamp);
    }

    /** Strings of 70,000 characters: beyond every destination's default string.max.length. */
    public static Arbitrary<String> longStrings() {
        return Arbitraries.integers().between(60_000, 70_000).map(n -> "x".repeat(n));
    }

    /** Every kind of string above. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, unicodeStrings()),
                Tuple.of(2, anyUtf16Strings()),
                Tuple.of(3, Arbitraries.of(EDGE_STRINGS)),
                Tuple.of(2, numberLikeStrings()),
                Tuple.of(2, dateLikeStrings()),
                Tuple.of(1, longStrings()));
    }

    /** Field names: mostly plain, sometimes unicode, empty or with dots and brackets. */
    public static Arbitrary<String> fieldNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, unicodeStrings()),
                Tuple.of(1, Arbitraries.of("", "a.b", "[0]", "user_fields", "organization", "email", "id",
                        "name", "time", "external_id")));
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    // ------------------------------------------------------------------ numbers

    /** BigDecimals from tiny to huge: up to 60 digits, scale within ±{@value #MAX_SCALE}. */
    public static Arbitrary<BigDecimal> bigDecimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(60).negate(), BigInteger.TEN.pow(60));
        Arbitrary<Integer> scale = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(-30, 30)),
                Tuple.of(2, Arbitraries.integers().between(-400, 400)),
                Tuple.of(1, Arbitraries.integers().between(-MAX_SCALE, MAX_SCALE)));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    /** Every numeric Java type, NaN and infinities included. */
    public static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.bytes(), Arbitraries.shorts(), Arbitraries.integers(), Arbitraries.longs(),
                Arbitraries.doubles().withStandardSpecialValues().withSpecialValue(Double.NaN)
                        .withSpecialValue(-0.0).withSpecialValue(1e-7).withSpecialValue(1e7),
                Arbitraries.floats().withStandardSpecialValues().withSpecialValue(Float.NaN),
                bigDecimals(),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(400).negate(), BigInteger.TEN.pow(400)));
    }

    /** BigDecimals a record can carry once read: those {@link Decimals#checked} accepts. */
    public static Arbitrary<BigDecimal> canonicalDecimals() {
        return bigDecimals().filter(ConnectDataArbitraries::carriable);
    }

    private static boolean carriable(BigDecimal n) {
        try {
            Decimals.checked(null, n);
            return true;
        } catch (RecordException e) {
            return false;
        }
    }

    /** Finite numbers as canonical values have them: Long, Double, BigDecimal. */
    public static Arbitrary<Object> canonicalNumbers() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.doubles().withSpecialValue(-0.0).withSpecialValue(Double.MAX_VALUE)
                        .withSpecialValue(Double.MIN_VALUE).withSpecialValue(1e-7).withSpecialValue(1e7),
                canonicalDecimals());
    }

    // ------------------------------------------------------------------ time

    public static Arbitrary<LocalDate> localDates() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-200_000, 200_000).map(LocalDate::ofEpochDay),
                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                        .map(LocalDate::ofEpochDay));
    }

    public static Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L).map(Instant::ofEpochMilli),
                Combinators.combine(Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond));
    }

    public static Arbitrary<LocalTime> localTimes() {
        return Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
    }

    // ------------------------------------------------------------------ raw Connect data

    /** Scalars a converter or transform can put into a record, and a few no converter produces. */
    public static Arbitrary<Object> rawScalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, strings()),
                Tuple.of(6, numbers()),
                Tuple.of(2, Arbitraries.of(true, false)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(16)),
                Tuple.of(1, Arbitraries.bytes().list().ofMaxSize(16).map(ConnectDataArbitraries::byteBuffer)),
                Tuple.of(1, Arbitraries.longs().map(java.util.Date::new)),
                Tuple.of(1, Arbitraries.chars()),
                Tuple.of(1, Arbitraries.oneOf(localDates(), instants(), localTimes())),
                Tuple.of(1, Arbitraries.of(new Object(), UUID.nameUUIDFromBytes(new byte[]{1}),
                        new StringBuilder("sb"), java.net.URI.create("https://example.com"))));
    }

    private static ByteBuffer byteBuffer(List<Byte> bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.size() + 2);
        buffer.put((byte) 1); // a position not at 0, as after a partial read
        bytes.forEach(buffer::put);
        buffer.flip();
        buffer.get();
        return buffer;
    }

    /** Map keys: mostly strings, sometimes numbers, booleans, null, or containers (which cannot name a field). */
    public static Arbitrary<Object> rawMapKeys() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, fieldNames()),
                Tuple.of(1, Arbitraries.integers()),
                Tuple.of(1, Arbitraries.of(true, false)),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.just(List.of("k"))),
                Tuple.of(1, Arbitraries.just(Map.of("k", 1))));
    }

    /** Schemaless values: scalars, Lists and Maps, up to {@code maxDepth} containers deep. */
    public static Arbitrary<Object> rawValues(int maxDepth) {
        return Arbitraries.recursive(() -> rawScalars().injectNull(0.05),
                inner -> Arbitraries.oneOf(inner, inner.list().ofMaxSize(4).map(l -> (Object) l),
                        rawMaps(inner).map(m -> (Object) m)), 0, maxDepth);
    }

    /** A Map of the given values under {@link #rawMapKeys()}. */
    public static Arbitrary<Map<Object, Object>> rawMaps(Arbitrary<Object> values) {
        return Arbitraries.entries(rawMapKeys(), values).list().ofMaxSize(5).map(entries -> {
            Map<Object, Object> map = new LinkedHashMap<>();
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        });
    }

    /** A schemaless record value: usually a Map, sometimes anything else (a transform made it a String, ...). */
    public static Arbitrary<Object> rawRecordValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, rawMaps(rawValues(3)).map(m -> (Object) m)),
                Tuple.of(1, rawValues(2)),
                Tuple.of(1, nested(20, 60)));
    }

    /** A chain of single-entry Maps (and Lists) between {@code min} and {@code max} levels deep. */
    public static Arbitrary<Object> nested(int min, int max) {
        return Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.of(true, false))
                .as((depth, lists) -> {
                    Object value = "leaf";
                    for (int i = 0; i < depth; i++) {
                        Map<String, Object> level = new LinkedHashMap<>();
                        level.put("a", lists && i % 2 == 0 ? List.of(value) : value);
                        value = level;
                    }
                    return value;
                });
    }

    // ------------------------------------------------------------------ Structs

    /** A Struct schema of up to 5 fields, nested up to 3 levels, with its value. */
    public static Arbitrary<SchemaAndValue> structs() {
        return structSchemas(3).flatMap(schema -> valueFor(schema).map(value -> new SchemaAndValue(schema, value)));
    }

    /** Any schema with a value for it (a Struct's field, an array element, a record key). */
    public static Arbitrary<SchemaAndValue> schemaAndValues() {
        return schemas(2).flatMap(schema -> valueFor(schema).map(value -> new SchemaAndValue(schema, value)));
    }

    private static Arbitrary<Schema> structSchemas(int depth) {
        return Combinators.combine(fieldNames().list().uniqueElements().ofMaxSize(5),
                schemas(depth - 1).list().ofSize(5)).as((names, fieldSchemas) -> {
                    SchemaBuilder builder = SchemaBuilder.struct();
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (int i = 0; i < names.size(); i++) {
                        String name = names.get(i);
                        if (name != null && !name.isEmpty() && seen.add(name)) { // Connect refuses empty names
                            builder.field(names.get(i), fieldSchemas.get(i));
                        }
                    }
                    return builder.build();
                });
    }

    private static Arbitrary<Schema> schemas(int depth) {
        Arbitrary<Schema> primitive = Arbitraries.of(Schema.INT8_SCHEMA, Schema.INT16_SCHEMA, Schema.INT32_SCHEMA,
                Schema.INT64_SCHEMA, Schema.FLOAT32_SCHEMA, Schema.FLOAT64_SCHEMA, Schema.BOOLEAN_SCHEMA,
                Schema.STRING_SCHEMA, Schema.BYTES_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA,
                Schema.OPTIONAL_INT64_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA, Date.SCHEMA, Time.SCHEMA,
                Timestamp.SCHEMA, Date.builder().optional().build(), Timestamp.builder().optional().build());
        Arbitrary<Schema> decimal = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.integers().between(-20, 20)),
                        Tuple.of(1, Arbitraries.integers().between(-MAX_SCALE, MAX_SCALE)))
                .map(scale -> Decimal.schema(scale));
        Arbitrary<Schema> leaf = Arbitraries.frequencyOf(Tuple.of(6, primitive), Tuple.of(1, decimal));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<Schema> inner = Arbitraries.lazy(() -> schemas(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaf),
                Tuple.of(1, inner.map(s -> SchemaBuilder.array(s).build())),
                Tuple.of(1, inner.map(s -> SchemaBuilder.map(Schema.STRING_SCHEMA, s).build())),
                Tuple.of(1, Arbitraries.lazy(() -> structSchemas(depth))),
                Tuple.of(1, Arbitraries.lazy(() -> structSchemas(depth)).map(ConnectDataArbitraries::optional)));
    }

    private static Schema optional(Schema struct) {
        SchemaBuilder builder = SchemaBuilder.struct().optional();
        struct.fields().forEach(f -> builder.field(f.name(), f.schema()));
        return builder.build();
    }

    /** A value valid for the schema (Connect accepts NaN in floats, and any java.util.Date for logical types). */
    public static Arbitrary<Object> valueFor(Schema schema) {
        Arbitrary<Object> value = requiredValueFor(schema);
        return schema.isOptional() ? value.injectNull(0.2) : value;
    }

    private static Arbitrary<Object> requiredValueFor(Schema schema) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
            return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                    .map(unscaled -> new BigDecimal(unscaled, scale));
        }
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return Arbitraries.longs().between(-100_000_000L, 100_000_000L)
                    .map(day -> new java.util.Date(day * 86_400_000L));
        }
        if (Time.LOGICAL_NAME.equals(schema.name())) {
            return Arbitraries.longs().between(0, 86_399_999L).map(java.util.Date::new);
        }
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return Arbitraries.longs().map(java.util.Date::new);
        }
        switch (schema.type()) {
            case INT8:
                return Arbitraries.bytes().map(b -> b);
            case INT16:
                return Arbitraries.shorts().map(s -> s);
            case INT32:
                return Arbitraries.integers().map(i -> i);
            case INT64:
                return Arbitraries.longs().map(l -> l);
            case FLOAT32:
                return Arbitraries.floats().withStandardSpecialValues().withSpecialValue(Float.NaN).map(f -> f);
            case FLOAT64:
                return Arbitraries.doubles().withStandardSpecialValues().withSpecialValue(Double.NaN).map(d -> d);
            case BOOLEAN:
                return Arbitraries.of(true, false).map(b -> b);
            case STRING:
                return strings().map(s -> s);
            case BYTES:
                return Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(b -> b);
            case ARRAY:
                return valueFor(schema.valueSchema()).list().ofMaxSize(3).map(l -> l);
            case MAP:
                return Arbitraries.entries(unicodeStrings(), valueFor(schema.valueSchema())).list().ofMaxSize(3)
                        .map(entries -> {
                            Map<Object, Object> map = new LinkedHashMap<>();
                            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                            return map;
                        });
            case STRUCT:
            default:
                List<Arbitrary<Object>> fields = new ArrayList<>();
                schema.fields().forEach(f -> fields.add(valueFor(f.schema())));
                if (fields.isEmpty()) {
                    return Arbitraries.just(new Struct(schema));
                }
                return Combinators.combine(fields).as(values -> {
                    Struct struct = new Struct(schema);
                    for (int i = 0; i < values.size(); i++) {
                        struct.put(schema.fields().get(i), values.get(i));
                    }
                    return struct;
                });
        }
    }

    // ------------------------------------------------------------------ canonical values

    /** Canonical scalars (what CanonicalValues returns), any magnitude and any year. */
    public static Arbitrary<Object> canonicalScalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, strings()),
                Tuple.of(5, canonicalNumbers()),
                Tuple.of(2, Arbitraries.of(true, false)),
                Tuple.of(2, Arbitraries.oneOf(localDates(), instants(), localTimes())),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(16)));
    }

    /** Canonical values: scalars, Lists and Maps with String keys, up to {@code maxDepth} containers deep. */
    public static Arbitrary<Object> canonicalValues(int maxDepth) {
        return Arbitraries.recursive(() -> canonicalScalars().injectNull(0.05),
                inner -> Arbitraries.oneOf(inner, inner.list().ofMaxSize(4).map(l -> (Object) l),
                        canonicalMaps(inner).map(m -> (Object) m)), 0, maxDepth);
    }

    /** A canonical field map: String names to canonical values. */
    public static Arbitrary<Map<String, Object>> canonicalMaps(Arbitrary<Object> values) {
        return Arbitraries.entries(fieldNames(), values).list().ofMaxSize(6).map(entries -> {
            Map<String, Object> map = new LinkedHashMap<>();
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        });
    }

    /** Whether a value is in the canonical model: the types CanonicalValues documents, doubles finite. */
    public static boolean isCanonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalTime
                || value instanceof Instant || value instanceof byte[]) {
            return true;
        }
        if (value instanceof Double) {
            return Double.isFinite((Double) value);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().allMatch(ConnectDataArbitraries::isCanonical);
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).entrySet().stream()
                    .allMatch(e -> e.getKey() instanceof String && isCanonical(e.getValue()));
        }
        return false;
    }

    /** Whether a string holds a UTF-16 surrogate without its other half. */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sink records as a connector's property tests feed them: mostly schemaless values, up to {@code maxFields} of
     * the given field names holding raw, canonical, date-like or number-like values (now and then a whole value of
     * another shape), with keys made by {@code keyOf} from any unicode string (some raw scalars, some null); and
     * Structs keyed {@code structKey}.
     */
    public static Arbitrary<SinkRecord> sinkRecords(List<String> names, int maxFields, Function<String, String> keyOf,
                                                    String structKey) {
        Arbitrary<Object> values = Arbitraries.frequencyOf(
                Tuple.of(4, rawScalars()),
                Tuple.of(1, rawValues(2)),
                Tuple.of(2, canonicalScalars()),
                Tuple.of(2, dateLikeStrings()),
                Tuple.of(2, numberLikeStrings()));
        Arbitrary<Object> schemaless = Arbitraries.entries(Arbitraries.of(names), values).list().ofMaxSize(maxFields)
                .map(entries -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return (Object) map;
                });
        Arbitrary<Object> recordValues = Arbitraries.frequencyOf(Tuple.of(8, schemaless),
                Tuple.of(1, rawRecordValues()));
        Arbitrary<SinkRecord> plain = Arbitraries.frequencyOf(Tuple.of(1, rawScalars()),
                        Tuple.of(4, unicodeStrings().map(keyOf::apply)))
                .injectNull(0.05)
                .flatMap(key -> recordValues.map(value -> new SinkRecord("t", 0, null, key, null, value, 7)));
        Arbitrary<SinkRecord> structs = structs().map(sv -> new SinkRecord("t", 0, null, structKey, sv.schema(),
                sv.value(), 7));
        return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, structs));
    }
}
