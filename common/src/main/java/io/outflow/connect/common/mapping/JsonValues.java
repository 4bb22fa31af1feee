package io.outflow.connect.common.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical and converted values as JSON without reflection: the hot path of every record. Numbers never use
 * exponent notation (BigDecimal is written plain), so destinations that read numbers as text get what was computed.
 */
public final class JsonValues {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonValues() {
    }

    /** Something that writes one JSON value with a generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    /**
     * Each thread's output buffer, kept between calls: every record is encoded once on the task thread, and a fresh
     * buffer per record was the largest single source of garbage (benchmarks: docs/benchmarks.md). Taken out while
     * in use, so a writer that encodes something itself gets a buffer of its own.
     */
    private static final ThreadLocal<ByteArrayBuilder> BUFFER = new ThreadLocal<>();

    /** Runs a writer into a fresh byte array. */
    public static byte[] encode(Writer writer) {
        ByteArrayBuilder out = BUFFER.get();
        if (out == null) {
            out = new ByteArrayBuilder(512);
        } else {
            BUFFER.set(null);
            out.reset();
        }
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writer.write(generator);
            generator.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Kept whatever its size: Jackson caps a block at 128 KB, so a thread keeps at most that much.
            BUFFER.set(out);
        }
    }

    /** A string as a JSON string literal, quotes included. */
    public static String encodeString(String value) {
        return new String(encode(g -> g.writeString(value)), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes a converted value: null, String, Boolean, Number, List, Map (other types as their string form). */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String) {
            g.writeString((String) value);
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            writeDouble(g, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal) {
            g.writeNumber((BigDecimal) value);
        } else if (value instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List) {
            g.writeStartArray();
            for (Object element : (List<?>) value) {
                write(g, element);
            }
            g.writeEndArray();
        } else if (value instanceof byte[]) {
            g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
        } else {
            g.writeString(value.toString());
        }
    }

    /** Doubles outside [1e-3, 1e7) print with an exponent in Java; those go through BigDecimal to stay plain. */
    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        double magnitude = Math.abs(d);
        if (magnitude == 0 || magnitude >= 1e-3 && magnitude < 1e7) {
            g.writeNumber(d);
        } else {
            g.writeNumber(BigDecimal.valueOf(d));
        }
    }

    /** Writes an object's fields into the object the generator is in. */
    public static void writeFields(JsonGenerator g, Map<String, Object> fields) throws IOException {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
    }

    /**
     * Converts a canonical value to plain JSON types: java.time values become ISO-8601 strings, bytes base64;
     * containers are converted deeply.
     */
    public static Object toJsonReady(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof List) {
            List<?> in = (List<?>) value;
            List<Object> out = new ArrayList<>(in.size());
            for (Object element : in) {
                out.add(toJsonReady(field, element));
            }
            return out;
        }
        if (value instanceof Map) {
            Map<?, ?> in = (Map<?, ?>) value;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : in.entrySet()) {
                out.put(String.valueOf(e.getKey()), toJsonReady(field, e.getValue()));
            }
            return out;
        }
        return value.toString();
    }
}
