package io.outflow.connect.braze;

import io.outflow.connect.common.record.RecordException;
import io.outflow.connect.common.record.TypeNames;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules events and purchases share (braze-docs event_object.md and purchase_object.md, as summarised in
 * destinations.md): a required {@code time} as ISO 8601 text, and {@code properties}. Required fields are checked
 * here, before anything is sent, so the DLQ names the field; formats (which ISO 8601 forms, currency codes, the
 * quantity range) are Braze's to judge, and its per-object error sends the record to the DLQ.
 */
final class ActivityFields {
    static final String TIME = "time";
    static final String PROPERTIES = "properties";
    static final String APP_ID = "app_id";

    private ActivityFields() {
    }

    /** A required text field; a number is written as its plain text (warehouse product ids are often numbers). */
    static String requiredText(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new RecordException(name, "is required");
        }
        String text;
        if (value instanceof String) {
            text = (String) value;
        } else if (value instanceof Long || value instanceof BigDecimal) {
            text = value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : value.toString();
        } else {
            throw new RecordException(name, "is a " + TypeNames.of(value) + "; Braze takes text");
        }
        if (text.isBlank()) {
            throw new RecordException(name, "is empty");
        }
        return text;
    }

    static Number requiredNumber(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new RecordException(name, "is required");
        }
        return number(name, value);
    }

    static Number number(String name, Object value) {
        if (!(value instanceof Number)) {
            throw new RecordException(name, "is a " + TypeNames.of(value) + "; Braze takes a number (declare "
                    + "field.types=" + name + ":decimal for numbers sent as text)");
        }
        return (Number) value;
    }

    /**
     * The required time. Timestamps and dates arrive as ISO 8601 text already (see {@link BrazeValues}); text is
     * passed as it is. A number could be seconds or milliseconds, and Braze refuses numbers, so it is refused here.
     */
    static String time(Map<String, Object> fields) {
        Object value = fields.get(TIME);
        if (value == null) {
            throw new RecordException(TIME, "is required (ISO 8601; the InsertField transform's timestamp.field "
                    + "can add the record's timestamp)");
        }
        if (value instanceof Number) {
            throw new RecordException(TIME, "is a number; Braze takes ISO 8601 text (declare field.types="
                    + "time:timestamp for epoch milliseconds)");
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new RecordException(TIME, "is a " + TypeNames.of(value) + "; Braze takes ISO 8601 text");
        }
        return (String) value;
    }

    /**
     * The object's properties: the entries of a {@code properties} object in the record, and every other field
     * that is neither one of the object's own fields ({@code known}) nor an identifier.
     */
    static Map<String, Object> properties(Map<String, Object> fields, Set<String> known, Identity identity) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object nested = fields.get(PROPERTIES);
        if (nested instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> given = (Map<String, Object>) nested;
            out.putAll(given);
        } else if (nested != null) {
            throw new RecordException(PROPERTIES, "is a " + TypeNames.of(nested) + "; Braze takes an object");
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            if (known.contains(name) || PROPERTIES.equals(name) || identity.isIdentifying(name)) {
                continue;
            }
            if (out.containsKey(name)) {
                throw new RecordException(name, "is both a field of the record and an entry of its properties");
            }
            out.put(name, field.getValue());
        }
        return out;
    }

    /** Puts an optional field when the record has it. */
    static void putIfPresent(Map<String, Object> out, Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null) {
            out.put(name, value);
        }
    }
}
