package io.outflow.connect.hubspot;

import io.outflow.connect.common.record.ConnectDataArbitraries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.http.HttpTransport;
import io.outflow.connect.common.mapping.FieldMapper;
import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.record.CanonicalValues;
import io.outflow.connect.common.record.KeyReader;
import io.outflow.connect.common.record.RecordException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.connect.sink.SinkRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HubSpot's value rules on any input: every property value a String, numbers and dates without exponent notation,
 * or a RecordException naming the field; never another exception. Then the whole preparation path a record takes
 * in the task (canonical values, key, field.mapping and field.types, the converter and string limit, the upsert
 * input's encoding) on any record: a request body Jackson reads back, or a RecordException naming a field.
 */
class HubSpotValuesProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FIELD = "prop";

    @Provide
    Arbitrary<Object> canonical() {
        return ConnectDataArbitraries.canonicalValues(2);
    }

    @Property
    void anyCanonicalValueIsAStringOrRefusedNamingTheField(@ForAll("canonical") Object value) {
        Object converted;
        try {
            converted = HubSpotValues.INSTANCE.convert(FIELD, value);
        } catch (RecordException e) {
            assertEquals(FIELD, e.field(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("HubSpotValues threw " + e + " for a " + type(value), e);
        }
        assertInstanceOf(String.class, converted);
        if (value instanceof Long || value instanceof Double || value instanceof BigDecimal) {
            assertTrue(PLAIN_NUMBER.matcher((String) converted).matches(), () -> "not a plain number: " + converted);
        }
    }

    @Provide
    Arbitrary<Object> numbers() {
        return ConnectDataArbitraries.canonicalNumbers();
    }

    @Property
    void numbersAreAlwaysPlainDecimals(@ForAll("numbers") Object number) {
        String s = (String) HubSpotValues.INSTANCE.convert(FIELD, number);
        assertTrue(PLAIN_NUMBER.matcher(s).matches(), () -> s.length() > 80 ? s.length() + " chars" : s);
        assertEquals(0, new BigDecimal(s).compareTo(number instanceof Double ? BigDecimal.valueOf((Double) number)
                : new BigDecimal(number.toString())), "the same number");
    }

    /** Any date or instant a record can carry (java.time's whole range, e.g. from field.types) is epoch ms or refused. */
    @Property
    void datesAndTimestampsOfAnyYearAreEpochMillisOrRefusedNamingTheField(@ForAll("dates") Object value) {
        try {
            String s = (String) HubSpotValues.INSTANCE.convert(FIELD, value);
            assertTrue(s.matches("-?\\d+"), s);
        } catch (RecordException e) {
            assertEquals(FIELD, e.field());
        } catch (RuntimeException e) {
            throw new AssertionError("HubSpotValues threw " + e + " for " + value, e);
        }
    }

    @Provide
    Arbitrary<Object> dates() {
        return Arbitraries.oneOf(ConnectDataArbitraries.localDates(), ConnectDataArbitraries.instants());
    }

    // ------------------------------------------------------------------ the whole preparation path

    /** Declared types on some of the fields records are generated with, one of each type. */
    private static final String FIELD_TYPES = "t_string:string,t_boolean:boolean,t_long:long,t_double:double,"
            + "t_decimal:decimal,t_date:date,t_time:time,t_timestamp:timestamp";
    private static final List<String> NAMES = List.of("t_string", "t_boolean", "t_long", "t_double", "t_decimal",
            "t_date", "t_time", "t_timestamp", "firstname", "email", "score");

    private static final HttpTransport NO_TRANSPORT = new HttpTransport() {
        @Override
        public CompletableFuture<io.outflow.connect.common.destination.HttpResult> send(
                String baseUrl, io.outflow.connect.common.destination.HttpRequestSpec request,
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

        Preparation(Map<String, String> overrides) {
            Map<String, String> props = new HashMap<>();
            props.put("hubspot.access.token", "pat-test");
            props.put("field.types", FIELD_TYPES);
            props.putAll(overrides);
            OutflowSinkConfig config = new OutflowSinkConfig(HubSpotConfig.def(), props);
            destination = HubSpotDestination.create(config, NO_TRANSPORT);
            keys = new KeyReader(config.keySource(), config.keyField());
            mapper = new FieldMapper(config.fieldMapping(), config.dropUnmappedFields(), config.fieldTypes(),
                    config.requiredFields(), destination.valueConverter(),
                    new StringLimiter(config.stringMaxLength(), config.stringOverflow()));
        }

        /** The request body for this record alone, or a RecordException. */
        byte[] body(SinkRecord record) {
            Map<String, Object> fields = CanonicalValues.fields(record.valueSchema(), record.value());
            String key = keys.read(record, fields);
            Operation write = destination.writeOperation();
            Item item = write.prepare(key, mapper.map(fields));
            return write.newCall(List.of(item)).firstRequest().body();
        }
    }

    private static final Preparation BY_RECORD_KEY = new Preparation(Map.of());
    private static final Preparation BY_VALUE_FIELD = new Preparation(Map.of("key.source", "record_value",
            "key.field", "email"));

    @Provide
    Arbitrary<SinkRecord> records() {
        return ConnectDataArbitraries.sinkRecords(NAMES, 6, s -> "k" + s + "@example.com", "k@example.com");
    }

    @Property(tries = 500)
    void anyRecordIsAnUpsertInputOfStringPropertiesOrRefusedNamingAField(@ForAll("records") SinkRecord record,
                                                                         @ForAll boolean keyFromValue)
            throws IOException {
        Preparation path = keyFromValue ? BY_VALUE_FIELD : BY_RECORD_KEY;
        byte[] body;
        try {
            body = path.body(record);
        } catch (RecordException e) {
            assertNotNull(e.reason());
            Statistics.label("outcome").collect("refused");
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("preparing a record threw " + e, e);
        }
        Statistics.label("outcome").collect("sent");
        JsonNode input = JACKSON.readTree(body).path("inputs").path(0);
        assertTrue(input.path("id").isTextual(), "the id is a string");
        input.path("properties").properties().forEach(p ->
                assertTrue(p.getValue().isTextual(), () -> "property " + p.getKey() + " is a " + p.getValue().getNodeType()));
    }

    private static String type(Object value) {
        if (value instanceof BigDecimal) {
            return "BigDecimal with scale " + ((BigDecimal) value).scale();
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.getClass().getSimpleName() + " " + value;
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
