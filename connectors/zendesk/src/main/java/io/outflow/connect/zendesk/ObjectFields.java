package io.outflow.connect.zendesk;

import com.fasterxml.jackson.core.JsonGenerator;
import io.outflow.connect.common.mapping.JsonValues;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Places a record's mapped fields into a Zendesk user or organization object: the match field carries the record's
 * key (the key wins over a value field of the same name, since it is what records are deduplicated and ordered
 * by); standard fields go top-level; every other field goes into the custom-fields container ({@code user_fields}
 * or {@code organization_fields}) under its own name, merged with a Map field of the container's name (single
 * fields win). Users' {@code organization} given as a string is sent as {@code {"name": ...}} (spec,
 * UserCreateInput.organization).
 */
final class ObjectFields {
    private final String matchField;
    private final Set<String> standard;
    private final String container;

    ObjectFields(String matchField, Set<String> standard, String container) {
        this.matchField = matchField;
        this.standard = Set.copyOf(standard);
        this.container = container;
    }

    static ObjectFields users(String matchField, Set<String> standard) {
        return new ObjectFields(matchField, standard, ZendeskValues.USER_FIELDS);
    }

    static ObjectFields organizations(Set<String> standard) {
        return new ObjectFields("external_id", standard, ZendeskValues.ORGANIZATION_FIELDS);
    }

    /**
     * Writes the object {@link #place} builds, straight into the generator: every record takes this path on the task
     * thread, and building the two maps first was a fifth of Zendesk's per-record work (docs/benchmarks.md). A record
     * that also carries a custom-fields Map, which must be merged, goes through {@link #place}.
     */
    void write(JsonGenerator g, String key, Map<String, Object> fields) throws IOException {
        if (fields.get(container) instanceof Map) {
            JsonValues.write(g, place(key, fields));
            return;
        }
        g.writeStartObject();
        g.writeStringField(matchField, key);
        boolean anyCustom = false;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            if (name.equals(matchField) || name.equals(container)) {
                continue;
            }
            if (standard.contains(name)) {
                g.writeFieldName(name);
                JsonValues.write(g, standardValue(name, field.getValue()));
            } else {
                anyCustom = true;
            }
        }
        if (anyCustom) {
            g.writeFieldName(container);
            g.writeStartObject();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String name = field.getKey();
                if (!name.equals(matchField) && !name.equals(container) && !standard.contains(name)) {
                    g.writeFieldName(name);
                    JsonValues.write(g, field.getValue());
                }
            }
            g.writeEndObject();
        } else if (fields.containsKey(container) && fields.get(container) == null) {
            g.writeFieldName(container);
            g.writeNull();
        }
        g.writeEndObject();
    }

    Map<String, Object> place(String key, Map<String, Object> fields) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put(matchField, key);
        Map<String, Object> custom = new LinkedHashMap<>();
        Object containerValue = fields.get(container);
        if (containerValue instanceof Map) {
            ((Map<?, ?>) containerValue).forEach((k, v) -> custom.put(String.valueOf(k), v));
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            if (name.equals(matchField) || name.equals(container)) {
                continue;
            }
            if (standard.contains(name)) {
                object.put(name, standardValue(name, field.getValue()));
            } else {
                custom.put(name, field.getValue());
            }
        }
        if (!custom.isEmpty()) {
            object.put(container, custom);
        } else if (fields.containsKey(container) && fields.get(container) == null) {
            object.put(container, null);
        }
        return object;
    }

    private Object standardValue(String name, Object value) {
        if ("organization".equals(name) && value instanceof String
                && ZendeskValues.USER_FIELDS.equals(container)) {
            return Map.of("name", value);
        }
        return value;
    }
}
