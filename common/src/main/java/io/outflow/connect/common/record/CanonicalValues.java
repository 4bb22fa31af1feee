package io.outflow.connect.common.record;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Connect data (a Struct with a schema, or the Maps and Lists of schemaless JSON) into one canonical model the
 * rest of the engine works on: null, String, Boolean, Long, Double, BigDecimal, LocalDate, LocalTime, Instant,
 * byte[], List and Map with String keys. Logical types become java.time values and BigDecimal, so a destination's
 * conversion rules see a date as a date whichever converter produced it.
 */
public final class CanonicalValues {
    /** Deeper values are refused: no destination takes them, and unbounded recursion is a risk. */
    public static final int MAX_DEPTH = 32;

    private CanonicalValues() {
    }

    /**
     * Reads a record value into field name → canonical value.
     *
     * @throws RecordException if the value is not a Struct or a Map, or holds something no destination can take
     */
    public static Map<String, Object> fields(Schema schema, Object value) {
        if (value instanceof Struct) {
            return structFields((Struct) value, 0);
        }
        if (value instanceof Map) {
            return mapFields((Map<?, ?>) value, 0);
        }
        throw RecordException.ofRecord("the record value is a " + TypeNames.of(value)
                + "; expected a Struct (a converter with schemas) or a Map (JSON without schemas)");
    }

    /** Reads one value, with its schema when there is one. */
    public static Object value(Schema schema, Object value) {
        return convert(schema, value, 0);
    }

    private static Object convert(Schema schema, Object value, int depth) {
        if (value == null) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            throw RecordException.ofRecord("the value is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (schema != null && schema.name() != null) {
            Object logical = logical(schema, value);
            if (logical != null) {
                return logical;
            }
        }
        // structFields and mapValues read their entries one level down (depth + 1), as lists do below.
        if (value instanceof Struct) {
            return structFields((Struct) value, depth);
        }
        if (value instanceof Map) {
            Schema valueSchema = schema != null && schema.type() == Schema.Type.MAP ? schema.valueSchema() : null;
            return mapValues((Map<?, ?>) value, valueSchema, depth);
        }
        if (value instanceof Collection) {
            Schema elementSchema = schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
            List<Object> out = new ArrayList<>(((Collection<?>) value).size());
            int i = 0;
            for (Object element : (Collection<?>) value) {
                try {
                    out.add(convert(elementSchema, element, depth + 1));
                } catch (RecordException e) {
                    throw e.within("[" + i + "]");
                }
                i++;
            }
            return out;
        }
        return scalar(value);
    }

    private static Object logical(Schema schema, Object value) {
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME:
                return value instanceof BigDecimal ? Decimals.checked(null, (BigDecimal) value) : null;
            case Date.LOGICAL_NAME:
                return value instanceof java.util.Date
                        ? Instant.ofEpochMilli(((java.util.Date) value).getTime()).atOffset(ZoneOffset.UTC).toLocalDate()
                        : null;
            case Time.LOGICAL_NAME:
                return value instanceof java.util.Date
                        ? LocalTime.ofNanoOfDay(Math.floorMod(((java.util.Date) value).getTime(), 86_400_000L) * 1_000_000L)
                        : null;
            case Timestamp.LOGICAL_NAME:
                return value instanceof java.util.Date ? Instant.ofEpochMilli(((java.util.Date) value).getTime()) : null;
            default:
                return null;
        }
    }

    private static Object scalar(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof LocalDate || value instanceof LocalTime || value instanceof Instant) {
            return value;
        }
        if (value instanceof BigDecimal) {
            return Decimals.checked(null, (BigDecimal) value);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw RecordException.ofRecord("the number is " + d + ", which no destination can store");
            }
            return d;
        }
        if (value instanceof BigInteger) {
            return Decimals.checked(null, new BigDecimal((BigInteger) value));
        }
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        if (value instanceof java.util.Date) {
            return Instant.ofEpochMilli(((java.util.Date) value).getTime());
        }
        if (value instanceof Character) {
            return value.toString();
        }
        throw RecordException.ofRecord("a value of type " + TypeNames.of(value) + " is not supported");
    }

    private static Map<String, Object> structFields(Struct struct, int depth) {
        List<Field> schemaFields = struct.schema().fields();
        Map<String, Object> out = new LinkedHashMap<>(capacity(schemaFields.size()));
        for (Field field : schemaFields) {
            try {
                out.put(field.name(), convert(field.schema(), struct.get(field), depth + 1));
            } catch (RecordException e) {
                throw e.within(field.name());
            }
        }
        return out;
    }

    private static Map<String, Object> mapFields(Map<?, ?> map, int depth) {
        return mapValues(map, null, depth);
    }

    private static Map<String, Object> mapValues(Map<?, ?> map, Schema valueSchema, int depth) {
        Map<String, Object> out = new LinkedHashMap<>(capacity(map.size()));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String || key instanceof Number || key instanceof Boolean)) {
                throw RecordException.ofRecord("a map key of type " + TypeNames.of(key) + " cannot name a field");
            }
            String name = key.toString();
            try {
                out.put(name, convert(valueSchema, entry.getValue(), depth + 1));
            } catch (RecordException e) {
                throw e.within(name);
            }
        }
        return out;
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
