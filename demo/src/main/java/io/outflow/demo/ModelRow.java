package io.outflow.demo;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the customer intelligence model: the customer id (the Kafka key) and every column in model order, as
 * JSON-ready values (strings, integers, decimals; dates as yyyy-MM-dd text; nulls kept).
 */
public record ModelRow(String customerId, Map<String, Object> values) {

    public ModelRow {
        Objects.requireNonNull(customerId, "customerId");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String column) {
        return values.get(column);
    }

    public String text(String column) {
        Object value = values.get(column);
        return value == null ? null : value.toString();
    }

    public long number(String column) {
        Object value = values.get(column);
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return value == null ? 0 : new BigDecimal(value.toString()).longValue();
    }

    /** The row as the Kafka record value: the model's columns plus load metadata (dropped by the connectors). */
    public Map<String, Object> recordValue(String batchId, String loadedAt) {
        Map<String, Object> value = new LinkedHashMap<>(values);
        value.put("_batch_id", batchId);
        value.put("_loaded_at", loadedAt);
        return value;
    }
}
