package io.outflow.connect.security;

import io.outflow.connect.testkit.http.Json;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input table: one row per kind of malformed or unexpected record, written once for every connector, with
 * what must happen to it. Records are produced as JSON texts and read by the matrix connector's converters:
 * {@code key.converter=JsonConverter} without schemas (so a key can be a string, a Map or an array) and
 * {@code value.converter=JsonConverter} with schemas (each value an envelope; {@code "schema": null} for schemaless
 * ones), with {@code key.field=id} for Map keys and
 * {@code field.types=renewal:date,score:long,ratio:double,amount:decimal}.
 *
 * @param name      the row's name, also sent as the record's {@value #ROW_HEADER} header to find it in the DLQ
 * @param key       the record key as JSON text (null for none)
 * @param value     the record value as JSON text (null for a tombstone)
 * @param headers   extra headers (a transform's predicate reads one)
 * @param overrides connector configuration for this row only; a row with any runs in its own connector
 * @param ownRun    runs in its own connector (rows that touch a number or date range, where a defect could stop
 *                  the task and hide the other rows)
 * @param expected  what must happen, per connector
 */
record BadInput(String name, String key, String value, Map<String, String> headers, Map<String, String> overrides,
                boolean ownRun, Map<Target, Expect> expected) {

    static final String ROW_HEADER = "matrix-row";
    /** Every row value has a name: Zendesk creates no user without one; elsewhere it is a plain text field. */
    static final String NAME_FIELD = "name";
    static final int ONE_MB = 1_000_000;

    /** What happens to the row's record. */
    enum Outcome {
        /** The connector refuses it: DLQ (errors.tolerance=all) or task failure naming the record (none). */
        REFUSED,
        /** The worker refuses it before the connector sees it (converter): Connect's own error handling. */
        REFUSED_BY_WORKER,
        /** It is delivered, {@code field} holding {@code stored} at the destination. */
        ARRIVES
    }

    /**
     * @param reason texts the DLQ reason (and the task failure, with none) must contain, e.g. "field 'renewal'"
     * @param field  for ARRIVES: the field to read back
     * @param stored for ARRIVES: its expected value as the destination holds it (as text)
     */
    record Expect(Outcome outcome, List<String> reason, String field, String stored) {
        static Expect refused(String... reason) {
            return new Expect(Outcome.REFUSED, List.of(reason), null, null);
        }

        static Expect refusedByWorker(String... reason) {
            return new Expect(Outcome.REFUSED_BY_WORKER, List.of(reason), null, null);
        }

        static Expect arrives(String field, String stored) {
            return new Expect(Outcome.ARRIVES, List.of(), field, stored);
        }

        boolean refused() {
            return outcome != Outcome.ARRIVES;
        }

        @Override
        public String toString() {
            return outcome == Outcome.ARRIVES ? "arrives, " + field + " = " + abbreviate(stored)
                    : outcome + " " + reason;
        }
    }

    Expect expected(Target target) {
        return expected.get(target);
    }

    /** Runs with the others in one connector, or alone. */
    boolean alone() {
        return ownRun || !overrides.isEmpty();
    }

    @Override
    public String toString() {
        return name;
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= 60 ? s : s.substring(0, 30) + "…(" + s.length() + " chars)";
    }

    // ------------------------------------------------------------------ building rows

    /** A schemaless value envelope; the payload also carries {@value #NAME_FIELD} (Zendesk creates no user without). */
    static String schemaless(Map<String, ?> payload) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put(NAME_FIELD, "Bad input row");
        named.putAll(payload);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("schema", null);
        envelope.put("payload", named);
        return Json.string(envelope);
    }

    /** A value envelope with a struct schema of the given fields ({"field":..,"type":..} objects). */
    static String withSchema(List<Map<String, Object>> fields, Map<String, ?> payload) {
        List<Map<String, Object>> named = new ArrayList<>(fields);
        named.add(field(NAME_FIELD, "string", true));
        Map<String, Object> namedPayload = new LinkedHashMap<>(payload);
        namedPayload.put(NAME_FIELD, "Bad input row");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "struct");
        schema.put("fields", named);
        schema.put("optional", false);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("schema", schema);
        envelope.put("payload", namedPayload);
        return Json.string(envelope);
    }

    static Map<String, Object> field(String name, String type, boolean optional) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("field", name);
        field.put("type", type);
        field.put("optional", optional);
        return field;
    }

    /** A Connect Decimal field of the given scale (its payload is the unscaled value's bytes in base64). */
    static Map<String, Object> decimal(String name, int scale) {
        Map<String, Object> field = field(name, "bytes", true);
        field.put("name", "org.apache.kafka.connect.data.Decimal");
        field.put("version", 1);
        field.put("parameters", Map.of("scale", Integer.toString(scale)));
        return field;
    }

    static String jsonString(String s) {
        return Json.string(s);
    }

    private static final class Row {
        final String name;
        String key;
        String value;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, String> overrides = new LinkedHashMap<>();
        boolean ownRun;
        final Map<Target, Expect> expected = new EnumMap<>(Target.class);

        Row(String name) {
            this.name = name;
        }

        Row key(String json) {
            this.key = json;
            return this;
        }

        Row value(String json) {
            this.value = json;
            return this;
        }

        Row header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Row override(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        Row alone() {
            ownRun = true;
            return this;
        }

        Row all(Expect expect) {
            for (Target target : Target.values()) {
                expected.put(target, expect);
            }
            return this;
        }

        Row on(Target target, Expect expect) {
            expected.put(target, expect);
            return this;
        }

        BadInput build() {
            Map<String, String> allHeaders = new LinkedHashMap<>(headers);
            allHeaders.put(ROW_HEADER, name);
            return new BadInput(name, key, value, allHeaders, overrides, ownRun, new EnumMap<>(expected));
        }
    }

    /** The record key used for the row's own record (unique per row, an email so HubSpot takes it as an id). */
    static String rowKey(String row) {
        return "row-" + row + "@example.com";
    }

    /** The table. {@code text} is a good text value, {@code n} numbers the rows' keys. */
    static List<BadInput> table() {
        List<Row> rows = new ArrayList<>();
        String controls = "名前 😀 e\u0301 \u202Eright-to-left\u202C \u0000 \u0007 \u001b[31m \t\r\n \u2028 \uFEFF Ω";

        rows.add(new Row("malformed-json-value").value("{\"schema\":null,\"payload\":{\"bio\": ")
                .all(Expect.refusedByWorker("Converting byte[] to Kafka Connect data failed")));
        rows.add(new Row("malformed-json-key").key("row-unquoted@example.com").value(schemaless(Map.of("bio", "x")))
                .all(Expect.refusedByWorker("Converting byte[] to Kafka Connect data failed")));
        rows.add(new Row("schema-says-string-payload-is-number")
                .value(withSchema(List.of(field("bio", "string", false)), Map.of("bio", 42)))
                .all(Expect.refusedByWorker("\"bio\"")));
        rows.add(new Row("schema-says-int64-payload-is-text")
                .value(withSchema(List.of(field("score", "int64", true)), Map.of("score", "high")))
                // Kafka's JsonConverter reads a text node as an int64 without complaint: 0 arrives.
                .all(Expect.arrives("score", "0")));
        rows.add(new Row("schema-type-differs-from-field-types")
                .value(withSchema(List.of(field("renewal", "boolean", true)), Map.of("renewal", true)))
                .all(Expect.refused("field 'renewal'", "cannot read a Boolean as an ISO-8601 date")));
        rows.add(new Row("schema-bytes-field")
                .value(withSchema(List.of(field("blob", "bytes", true)), Map.of("blob", "AQID")))
                .on(Target.HUBSPOT, Expect.refused("field 'blob'", "bytes cannot be a HubSpot property"))
                .on(Target.ZENDESK, Expect.refused("field 'blob'", "bytes cannot be a Zendesk field value"))
                .on(Target.BRAZE, Expect.arrives("blob", "AQID")));
        rows.add(new Row("null-key").key(null).value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("the record has no key")));
        rows.add(new Row("map-key-without-the-key-field").key("{\"other\":\"x\"}").value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("field 'id'", "the key field is missing")));
        rows.add(new Row("map-key-field-is-a-map").key("{\"id\":{\"a\":1}}").value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("field 'id'", "is a Map")));
        rows.add(new Row("map-key-field-is-null").key("{\"id\":null}").value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("field 'id'", "is null")));
        rows.add(new Row("array-key").key("[1,2]").value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("the record key is a List")));
        rows.add(new Row("map-key-where-a-primitive-is-expected").key("{\"id\":\"" + rowKey("mk") + "\"}")
                .value(schemaless(Map.of("bio", "x"))).override("key.field", "")
                .all(Expect.refused("the record key is a Map", "key.field")));
        rows.add(new Row("empty-string-key").key("\"  \"").value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("the record key is empty")));
        rows.add(new Row("value-of-1-mb").value(schemaless(Map.of("bio", "v".repeat(ONE_MB))))
                .on(Target.HUBSPOT, Expect.refused("field 'bio'", "1000000 characters", "at most 65536"))
                .on(Target.ZENDESK, Expect.refused("field 'bio'", "1000000 characters", "at most 65536"))
                .on(Target.BRAZE, Expect.refused("field 'bio'", "1000000 characters", "at most 255")));
        rows.add(new Row("nested-40-levels").value(schemaless(Map.of("deep", nested(40))))
                .all(Expect.refused("field 'deep.a.a", "nested deeper than 32 levels")));
        rows.add(new Row("unicode-and-control-characters").value(schemaless(Map.of("bio", controls)))
                .all(Expect.arrives("bio", controls)));
        rows.add(new Row("lone-surrogate").value("{\"schema\":null,\"payload\":{\"name\":\"Bad input row\",\"bio\":\"a\\ud800b\"}}")
                .all(Expect.arrives("bio", "a\ud800b")));
        rows.add(new Row("invalid-date").value(schemaless(Map.of("renewal", "2026-02-30")))
                .all(Expect.refused("field 'renewal'", "cannot read a String as an ISO-8601 date")));
        rows.add(new Row("date-beyond-epoch-millis").value(schemaless(Map.of("renewal", "+999999999-12-31T00:00:00Z")))
                .alone()
                .on(Target.HUBSPOT, Expect.refused("field 'renewal'"))
                .on(Target.ZENDESK, Expect.arrives("renewal", "+999999999-12-31"))
                .on(Target.BRAZE, Expect.arrives("renewal", "+999999999-12-31")));
        rows.add(new Row("integer-beyond-int64").value("{\"schema\":null,\"payload\":{\"name\":\"Bad input row\",\"score\":"
                        + "123456789012345678901234567890}}")
                // Kafka's JsonConverter keeps the low 64 bits of a schemaless integer: a different number arrives.
                .all(Expect.arrives("score", "-4362896299872285998")));
        rows.add(new Row("number-text-beyond-int64").value(schemaless(Map.of("score", "99999999999999999999")))
                .all(Expect.refused("field 'score'", "cannot read a String as a long")));
        rows.add(new Row("double-overflows-to-infinity").value("{\"schema\":null,\"payload\":{\"name\":\"Bad input row\",\"ratio\":1e400}}")
                .all(Expect.refused("field 'ratio'", "Infinity")));
        rows.add(new Row("decimal-beyond-double-declared-double")
                .value(withSchema(List.of(decimal("ratio", -400)), Map.of("ratio", "AQ=="))).alone()
                // A Decimal 1E+400 (unscaled 1 in base64, scale -400) with field.types ratio:double.
                .all(Expect.refused("field 'ratio'")));
        rows.add(new Row("decimal-with-10000-digits").value(schemaless(Map.of("amount", "1e10000"))).alone()
                // Written plainly it is 10,001 digits: more than a JSON request can carry (the engine's limit is 1,000).
                .all(Expect.refused("field 'amount'", "more than 1000 digits")));
        rows.add(new Row("transform-made-the-value-a-string").header("smt-extract", "1")
                .value(schemaless(Map.of("bio", "x")))
                .all(Expect.refused("the record value is a String")));
        rows.add(new Row("transform-hoisted-the-value").header("smt-hoist", "1")
                .value(schemaless(Map.of("bio", "hoisted")))
                .on(Target.HUBSPOT, Expect.refused("field 'wrapped'", "Map cannot be stored"))
                .on(Target.ZENDESK, Expect.refused("field 'wrapped'", "Map cannot be a Zendesk field value"))
                .on(Target.BRAZE, Expect.arrives("wrapped.bio", "hoisted")));
        rows.add(new Row("tombstone-with-behavior-fail").value(null)
                .all(Expect.refused("tombstone", "behavior.on.null.values=fail")));
        List<BadInput> table = new ArrayList<>();
        for (Row row : rows) {
            if (row.key == null && !row.name.equals("null-key") && !row.name.equals("malformed-json-key")) {
                row.key = jsonString(rowKey(row.name));
            }
            table.add(row.build());
        }
        return table;
    }

    private static Map<String, Object> nested(int depth) {
        Map<String, Object> value = Map.of("leaf", "x");
        for (int i = 1; i < depth; i++) {
            value = Map.of("a", value);
        }
        return value;
    }

    /** The matrix connector's configuration on top of a target's. */
    static Map<String, String> matrixConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("key.field", "id");
        config.put("field.types", "renewal:date,score:long,ratio:double,amount:decimal");
        config.put("behavior.on.null.values", "fail");
        config.put("transforms", "extract,hoist");
        config.put("transforms.extract.type", "org.apache.kafka.connect.transforms.ExtractField$Value");
        config.put("transforms.extract.field", "bio");
        config.put("transforms.extract.predicate", "smtExtract");
        config.put("transforms.hoist.type", "org.apache.kafka.connect.transforms.HoistField$Value");
        config.put("transforms.hoist.field", "wrapped");
        config.put("transforms.hoist.predicate", "smtHoist");
        config.put("predicates", "smtExtract,smtHoist");
        config.put("predicates.smtExtract.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
        config.put("predicates.smtExtract.name", "smt-extract");
        config.put("predicates.smtHoist.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
        config.put("predicates.smtHoist.name", "smt-hoist");
        return config;
    }
}
