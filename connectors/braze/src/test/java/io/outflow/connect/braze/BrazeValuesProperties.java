package io.outflow.connect.braze;

import io.outflow.connect.common.record.ConnectDataArbitraries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.http.HttpTransport;
import io.outflow.connect.common.mapping.FieldMapper;
import io.outflow.connect.common.mapping.JsonValues;
import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.CanonicalValues;
import io.outflow.connect.common.record.KeyReader;
import io.outflow.connect.common.record.RecordException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.connect.sink.SinkRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Braze's value rules on any input: plain JSON whose strings and names, nested ones too, are within 255 characters
 * (refused naming the path with string.overflow=reject, cut with truncate); never another exception. Then the whole
 * preparation path of a record in the task, for attributes, events and purchases: a /users/track body Jackson reads
 * back, or a RecordException naming a field.
 */
class BrazeValuesProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final int MAX = 255;
    private static final String FIELD = "attr";

    private static BrazeValues converter(StringOverflow overflow) {
        return new BrazeValues(new StringLimiter(MAX, overflow), new FieldNames(MAX, overflow));
    }

    @Provide
    Arbitrary<Object> canonical() {
        Arbitrary<Object> longNames = ConnectDataArbitraries.canonicalScalars().map(v -> {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("n".repeat(300), v);
            return (Object) nested;
        });
        return Arbitraries.frequencyOf(Tuple.of(9, ConnectDataArbitraries.canonicalValues(3)), Tuple.of(1, longNames));
    }

    /** Every string and every object key, at any depth, within the limit; only JSON types. */
    private static boolean withinLimits(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof Double) {
            return Double.isFinite((Double) value);
        }
        if (value instanceof String) {
            return fits((String) value);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().allMatch(BrazeValuesProperties::withinLimits);
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).entrySet().stream()
                    .allMatch(e -> e.getKey() instanceof String && fits((String) e.getKey()) && withinLimits(e.getValue()));
        }
        return false;
    }

    private static boolean fits(String s) {
        return s.codePointCount(0, s.length()) <= MAX;
    }

    @Property
    void anyCanonicalValueIsJsonWithinBrazesLimitsOrRefusedNamingThePath(@ForAll("canonical") Object value,
                                                                        @ForAll StringOverflow overflow) {
        Object converted;
        try {
            converted = converter(overflow).convert(FIELD, value);
        } catch (RecordException e) {
            assertTrue(e.field() != null && e.field().startsWith(FIELD), () -> "names the path: " + e.getMessage());
            assertTrue(overflow == StringOverflow.REJECT || e.reason().contains("two names"),
                    () -> "truncate never refuses a length: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("BrazeValues threw " + e, e);
        }
        assertTrue(withinLimits(converted), () -> "beyond Braze's limits: " + describe(converted));
    }

    @Property
    void anyConvertedValueEncodesToJsonJacksonReadsBack(@ForAll("canonical") Object value) throws IOException {
        Object converted;
        try {
            converted = converter(StringOverflow.TRUNCATE).convert(FIELD, value);
        } catch (RecordException refused) {
            return;
        }
        byte[] json;
        try {
            json = JsonValues.encode(g -> JsonValues.write(g, converted));
        } catch (RuntimeException e) {
            throw new AssertionError("a converted " + describe(converted) + " cannot be encoded: " + e, e);
        }
        assertNotNull(JACKSON.readTree(json));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ the whole preparation path

    private static final String FIELD_TYPES = "t_string:string,t_boolean:boolean,t_long:long,t_double:double,"
            + "t_decimal:decimal,t_date:date,t_time:time,t_timestamp:timestamp";
    private static final List<String> NAMES = List.of("t_string", "t_boolean", "t_long", "t_double", "t_decimal",
            "t_date", "t_time", "t_timestamp", "name", "time", "product_id", "currency", "price", "quantity",
            "properties", "plan");

    private static final HttpTransport NO_TRANSPORT = new HttpTransport() {
        @Override
        public CompletableFuture<HttpResult> send(String baseUrl, HttpRequestSpec request,
                                                  Map<String, String> extraHeaders) {
            return CompletableFuture.failedFuture(new IllegalStateException("no requests in this test"));
        }

        @Override
        public void close() {
        }
    };

    /** What the task does with a record before the engine takes it, as OutflowSinkTask wires it. */
    static final class Preparation {
        final Destination destination;
        final KeyReader keys;
        final FieldMapper mapper;

        Preparation(String recordType, String overflow) {
            Map<String, String> props = new HashMap<>();
            props.put("braze.api.url", "https://rest.iad-01.braze.com");
            props.put("braze.api.key", "key");
            props.put("braze.record.type", recordType);
            props.put("string.overflow", overflow);
            if (!recordType.equals("attributes")) {
                props.put("sync.mode", "append");
            }
            props.put("field.types", FIELD_TYPES);
            OutflowSinkConfig config = new OutflowSinkConfig(BrazeConfig.def(), props);
            destination = BrazeDestination.create(config, NO_TRANSPORT);
            keys = new KeyReader(config.keySource(), config.keyField());
            mapper = new FieldMapper(config.fieldMapping(), config.dropUnmappedFields(), config.fieldTypes(),
                    config.requiredFields(), destination.valueConverter(),
                    new StringLimiter(config.stringMaxLength(), config.stringOverflow()));
        }

        byte[] body(SinkRecord record) {
            Map<String, Object> fields = CanonicalValues.fields(record.valueSchema(), record.value());
            String key = keys.read(record, fields);
            Operation write = destination.writeOperation();
            Item item = write.prepare(key, mapper.map(fields));
            return write.newCall(List.of(item)).firstRequest().body();
        }
    }

    private static final List<Preparation> PATHS = List.of(
            new Preparation("attributes", "reject"), new Preparation("attributes", "truncate"),
            new Preparation("events", "reject"), new Preparation("purchases", "truncate"));

    @Provide
    Arbitrary<SinkRecord> records() {
        return ConnectDataArbitraries.sinkRecords(NAMES, 7, s -> "u" + s, "u1");
    }

    @Provide
    Arbitrary<Integer> paths() {
        return Arbitraries.integers().between(0, PATHS.size() - 1);
    }

    @Property(tries = 500)
    void anyRecordIsATrackObjectJacksonReadsOrRefusedNamingAField(@ForAll("records") SinkRecord record,
                                                                  @ForAll("paths") int path) throws IOException {
        byte[] body;
        try {
            body = PATHS.get(path).body(record);
        } catch (RecordException e) {
            assertNotNull(e.reason());
            Statistics.label("outcome").collect("refused");
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("preparing a record threw " + e, e);
        }
        Statistics.label("outcome").collect("sent");
        JsonNode json = JACKSON.readTree(body);
        assertTrue(json.isObject(), "a JSON object");
    }
}
