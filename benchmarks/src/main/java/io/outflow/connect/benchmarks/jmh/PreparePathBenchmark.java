package io.outflow.connect.benchmarks.jmh;

import io.outflow.connect.common.mapping.FieldMapper;
import io.outflow.connect.common.mapping.JsonValues;
import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.mapping.ValueConverter;
import io.outflow.connect.common.offset.OffsetTracker;
import io.outflow.connect.common.record.CanonicalValues;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The per-record work on the task thread, step by step, for the harness's ~200-byte schemaless record: the
 * framework's JsonConverter (bytes to a Map, the baseline every sink pays), then Outflow's canonical read, field
 * mapping and JSON encoding (as HubSpot encodes an input), and the offset tracking every record goes through. The
 * throughput measurement's JFR profile shows the same steps in situ; this isolates them.
 *
 * <p>Run: {@code benchmarks/run.sh --jmh} (any JMH options after it, e.g. {@code --jmh -f 1 -wi 3 -i 5}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseG1GC"})
@State(Scope.Thread)
public class PreparePathBenchmark {
    private static final String VALUE = "{\"full_name\":\"Bench User 00001234\",\"health_score\":34,\"churn_risk\":"
            + "\"low\",\"plan\":\"enterprise\",\"segment\":\"smb-emea\",\"lifetime_value\":2234.25,\"seats\":34,"
            + "\"active\":true,\"region\":\"eu-west-1\",\"notes\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\","
            + "\"sent_at\":1764000000000}";
    private static final TopicPartition PARTITION = new TopicPartition("bench", 0);

    private JsonConverter converter;
    private byte[] bytes;
    private Object value;
    private Map<String, Object> canonical;
    private Map<String, Object> mapped;
    private FieldMapper mapper;
    private OffsetTracker tracker;
    private long offset;

    @Setup
    public void setUp() {
        converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        bytes = VALUE.getBytes(StandardCharsets.UTF_8);
        value = converter.toConnectData("bench", bytes).value();
        canonical = CanonicalValues.fields(null, value);
        mapper = new FieldMapper(Map.of("full_name", "firstname"), false, Map.of(), List.of(), ValueConverter.JSON,
                new StringLimiter(65_536, StringOverflow.REJECT));
        mapped = mapper.map(canonical);
        tracker = new OffsetTracker();
    }

    /** Connect's JsonConverter: value bytes to a schemaless Map (the framework's share, not Outflow's). */
    @Benchmark
    public SchemaAndValue frameworkJsonConverter() {
        return converter.toConnectData("bench", bytes);
    }

    /** CanonicalValues.fields: the converter's Map read into the canonical model (a copy of every field). */
    @Benchmark
    public Map<String, Object> canonicalRead() {
        return CanonicalValues.fields(null, value);
    }

    /** FieldMapper.map: renames, value conversion and string limits (another copy of every field). */
    @Benchmark
    public Map<String, Object> fieldMapping() {
        return mapper.map(canonical);
    }

    /** JsonValues.encode of one HubSpot batch-upsert input: {"idProperty":..,"id":..,"properties":{..}}. */
    @Benchmark
    public byte[] encodeInput() {
        return encode(mapped);
    }

    /** Outflow's whole prepare step: canonical read, mapping, encoding. */
    @Benchmark
    public byte[] prepareAll() {
        return encode(mapper.map(CanonicalValues.fields(null, value)));
    }

    /** OffsetTracker: track on the task thread and done on the engine thread, per record (both synchronized). */
    @Benchmark
    public Object offsetTracking() {
        OffsetTracker.Ticket ticket = tracker.track(PARTITION, offset++);
        tracker.done(ticket);
        if ((offset & 1023) == 0) {
            return tracker.committable();
        }
        return ticket;
    }

    private static byte[] encode(Map<String, Object> properties) {
        return JsonValues.encode(g -> {
            g.writeStartObject();
            g.writeStringField("idProperty", "email");
            g.writeStringField("id", "user00001234@bench.example");
            g.writeFieldName("properties");
            g.writeStartObject();
            JsonValues.writeFields(g, properties);
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
