package io.outflow.connect.zendesk;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zendesk's value rules on any input: plain JSON values (objects only where Zendesk takes one), or a RecordException
 * naming the field; never another exception. Then the whole preparation path of a record in the task, for users and
 * organizations: a request body Jackson reads back, or a RecordException naming a field.
 */
class ZendeskValuesProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Provide
    Arbitrary<Object> canonical() {
        return ConnectDataArbitraries.canonicalValues(2);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("score", "tags", "user_fields", "organization_fields", "organization", "photo",
                "identities", "name");
    }

    /** Whether a converted value is plain JSON: null, String, Boolean, Long, finite Double, BigDecimal, List, Map. */
    private static boolean isJson(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof Double) {
            return Double.isFinite((Double) value);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().allMatch(ZendeskValuesProperties::isJson);
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).entrySet().stream()
                    .allMatch(e -> e.getKey() instanceof String && isJson(e.getValue()));
        }
        return false;
    }

    @Property
    void anyCanonicalValueIsPlainJsonOrRefusedNamingTheField(@ForAll("fields") String field,
                                                             @ForAll("canonical") Object value) {
        Object converted;
        try {
            converted = ZendeskValues.INSTANCE.convert(field, value);
        } catch (RecordException e) {
            assertTrue(e.field() != null && (e.field().equals(field) || e.field().startsWith(field + ".")),
                    () -> "the refusal names " + field + ": " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("ZendeskValues threw " + e, e);
        }
        assertTrue(isJson(converted), () -> "not plain JSON: " + converted);
        if (value instanceof Map && !field.equals("organization") && !field.equals("photo")) {
            assertTrue(field.endsWith("_fields"), "a Map is taken only where Zendesk takes an object");
        }
    }

    /** What the converter returns is written as JSON that Jackson reads back. */
    @Property
    void anyConvertedValueEncodesToJsonJacksonReadsBack(@ForAll("fields") String field,
                                                        @ForAll("canonical") Object value) throws IOException {
        Object converted;
        try {
            converted = ZendeskValues.INSTANCE.convert(field, value);
        } catch (RecordException refused) {
            return;
        }
        byte[] json;
        try {
            json = JsonValues.encode(g -> JsonValues.write(g, converted));
        } catch (RuntimeException e) {
            throw new AssertionError("a converted " + value.getClass().getSimpleName() + " cannot be encoded: " + e, e);
        }
        assertNotNull(JACKSON.readTree(json));
    }

    // ------------------------------------------------------------------ the whole preparation path

    private static final String FIELD_TYPES = "t_string:string,t_boolean:boolean,t_long:long,t_double:double,"
            + "t_decimal:decimal,t_date:date,t_time:time,t_timestamp:timestamp";
    private static final List<String> NAMES = List.of("t_string", "t_boolean", "t_long", "t_double", "t_decimal",
            "t_date", "t_time", "t_timestamp", "name", "email", "organization", "user_fields", "tags", "plan");

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

        Preparation(String objectType) {
            Map<String, String> props = new HashMap<>();
            props.put("zendesk.subdomain", "acme");
            props.put("zendesk.email", "agent@example.com");
            props.put("zendesk.api.token", "token");
            props.put("zendesk.object.type", objectType);
            props.put("field.types", FIELD_TYPES);
            OutflowSinkConfig config = new OutflowSinkConfig(ZendeskConfig.def(), props);
            destination = ZendeskDestination.create(config, NO_TRANSPORT);
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

    private static final Preparation USERS = new Preparation("users");
    private static final Preparation ORGANIZATIONS = new Preparation("organizations");

    @Provide
    Arbitrary<SinkRecord> records() {
        return ConnectDataArbitraries.sinkRecords(NAMES, 6, s -> "k" + s, "k1");
    }

    @Property(tries = 500)
    void anyRecordIsAUserOrOrganizationJacksonReadsOrRefusedNamingAField(@ForAll("records") SinkRecord record,
                                                                         @ForAll boolean organizations)
            throws IOException {
        byte[] body;
        try {
            body = (organizations ? ORGANIZATIONS : USERS).body(record);
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
