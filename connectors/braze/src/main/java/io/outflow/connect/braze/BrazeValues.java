package io.outflow.connect.braze;

import io.outflow.connect.common.mapping.JsonValues;
import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.mapping.ValueConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as Braze takes them (destinations.md, Braze appendix): strings, numbers and booleans as they are; dates
 * and timestamps as ISO 8601 text (a date alone is midnight UTC to Braze, and the form {@code dob} needs); arrays
 * and nested objects passed through; null stays null, which removes the attribute. Braze's 255-character limit
 * holds for strings and keys inside nested objects and arrays too, so the engine's string limit (which sees the
 * top level and lists of strings) is applied all the way down here. Array lengths (25 by default, raisable per
 * attribute) and nested sizes (100 KB) are Braze's to check: its per-object error sends the record to the DLQ.
 */
final class BrazeValues implements ValueConverter {
    private final StringLimiter strings;
    private final FieldNames names;

    BrazeValues(StringLimiter strings, FieldNames names) {
        this.strings = strings;
        this.names = names;
    }

    @Override
    public Object convert(String field, Object value) {
        return limited(field, JsonValues.toJsonReady(field, value));
    }

    private Object limited(String path, Object value) {
        if (value instanceof String) {
            return strings.apply(path, value);
        }
        if (value instanceof List) {
            List<?> in = (List<?>) value;
            List<Object> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                out.add(limited(path + "[" + i + "]", in.get(i)));
            }
            return out;
        }
        if (value instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> named = names.limited(path, (Map<String, Object>) value);
            Map<String, Object> out = new LinkedHashMap<>();
            named.forEach((key, nested) -> out.put(key, limited(path + "." + key, nested)));
            return out;
        }
        return value;
    }
}
