package io.outflow.connect.common.record;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Finds a record's key: the record key itself when it is a primitive, or one field of a Struct or Map key, or one
 * field of the value. A record without a usable key is refused, never skipped: a missing, null, empty or nested key
 * names the field and the type found.
 */
public final class KeyReader {
    private final KeySource source;
    private final String field;

    /**
     * @param field the field holding the key; may be empty only with {@link KeySource#RECORD_KEY} and primitive keys
     */
    public KeyReader(KeySource source, String field) {
        this.source = source;
        this.field = field == null || field.isBlank() ? null : field.trim();
        if (source == KeySource.RECORD_VALUE && this.field == null) {
            throw new IllegalArgumentException("key.field is required when key.source is record_value");
        }
    }

    /**
     * @param record      the record
     * @param valueFields the record value already read into canonical fields (null for a tombstone)
     */
    public String read(SinkRecord record, Map<String, Object> valueFields) {
        if (source == KeySource.RECORD_VALUE) {
            if (valueFields == null) {
                throw RecordException.ofRecord("the record has no value to read key field '" + field
                        + "' from (a tombstone needs key.source=record_key)");
            }
            return primitive(field, valueFields.get(field), valueFields.containsKey(field));
        }
        Object key = record.key();
        if (key == null) {
            throw RecordException.ofRecord("the record has no key (key.source=record_key)");
        }
        if (key instanceof Struct || key instanceof Map) {
            if (field == null) {
                throw RecordException.ofRecord("the record key is a " + TypeNames.of(key)
                        + "; set key.field to the field that holds the key");
            }
            if (key instanceof Struct) {
                Struct struct = (Struct) key;
                if (struct.schema().field(field) == null) {
                    throw new RecordException(field, "the record key has no such field");
                }
                return primitive(field, keyFieldValue(struct.schema().field(field).schema(), struct.get(field)),
                        true);
            }
            Map<?, ?> map = (Map<?, ?>) key;
            return primitive(field, keyFieldValue(null, map.get(field)), map.containsKey(field));
        }
        return primitive(null, CanonicalValues.value(record.keySchema(), key), true);
    }

    /** A key field's canonical value; a value that cannot be read is reported under the key field's name. */
    private Object keyFieldValue(Schema schema, Object value) {
        try {
            return CanonicalValues.value(schema, value);
        } catch (RecordException e) {
            throw e.within(field);
        }
    }

    private static String primitive(String field, Object value, boolean present) {
        String where = field == null ? "the record key" : "the key field";
        if (!present) {
            throw new RecordException(field, "the key field is missing");
        }
        if (value == null) {
            throw new RecordException(field, where + " is null");
        }
        String key;
        if (value instanceof String) {
            key = (String) value;
        } else if (value instanceof Long || value instanceof Boolean) {
            key = value.toString();
        } else if (value instanceof BigDecimal) {
            key = ((BigDecimal) value).stripTrailingZeros().toPlainString();
        } else if (value instanceof Double) {
            key = BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString();
        } else {
            throw new RecordException(field, where + " is a " + TypeNames.of(value)
                    + "; a key must be a string or a number");
        }
        if (key.isBlank()) {
            throw new RecordException(field, where + " is empty");
        }
        return key;
    }
}
