package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.RecordException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source fields → destination fields: renames from {@code field.mapping}, unmapped fields kept or dropped
 * ({@code fields.unmapped}), declared types for schemaless input ({@code field.types}), the destination's value
 * rules, string limits, and required fields ({@code fields.required}) checked before anything is sent.
 */
public final class FieldMapper {
    private final Map<String, String> renames;
    private final boolean dropUnmapped;
    private final Map<String, FieldType> types;
    private final List<String> required;
    private final ValueConverter converter;
    private final StringLimiter limiter;

    public FieldMapper(Map<String, String> renames, boolean dropUnmapped, Map<String, FieldType> types,
                       List<String> required, ValueConverter converter, StringLimiter limiter) {
        this.renames = Map.copyOf(renames);
        this.dropUnmapped = dropUnmapped;
        this.types = Map.copyOf(types);
        this.required = List.copyOf(required);
        this.converter = converter;
        this.limiter = limiter;
    }

    /** Maps a record's canonical fields to the destination's fields, converted and checked; the source is kept. */
    public Map<String, Object> map(Map<String, Object> source) {
        return mapOwned(new LinkedHashMap<>(source));
    }

    /**
     * {@link #map}, for a caller that hands the map over: fields are converted where they are, dropped fields removed
     * and renamed ones moved to the end under their new names. Building a second map per record was a seventh of the
     * task thread's work (docs/benchmarks.md). The JSON field order this changes means nothing to any destination.
     */
    public Map<String, Object> mapOwned(Map<String, Object> source) {
        List<Object> renamed = null; // source name, target name, converted value: put back after the pass
        Iterator<Map.Entry<String, Object>> fields = source.entrySet().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, Object> entry = fields.next();
            String name = entry.getKey();
            String target = renames.get(name);
            if (target == null) {
                if (dropUnmapped) {
                    fields.remove();
                    continue;
                }
                target = name;
            }
            Object value = converted(name, target, entry.getValue());
            if (target.equals(name)) {
                entry.setValue(value);
            } else {
                fields.remove();
                if (renamed == null) {
                    renamed = new ArrayList<>(6);
                }
                renamed.add(name);
                renamed.add(target);
                renamed.add(value);
            }
        }
        if (renamed != null) {
            for (int i = 0; i < renamed.size(); i += 3) {
                String target = (String) renamed.get(i + 1);
                if (source.containsKey(target)) {
                    throw new RecordException((String) renamed.get(i), "is sent as '" + target
                            + "', which another field is sent as too; fix field.mapping");
                }
                source.put(target, renamed.get(i + 2));
            }
        }
        checkRequired(source);
        return source;
    }

    /** A field's value as the destination takes it; errors name the source field, and the target when renamed. */
    private Object converted(String name, String target, Object value) {
        FieldType type = types.get(name);
        Object typed = type == null ? value : type.coerce(name, value);
        try {
            return limiter.apply(target, converter.convert(target, typed));
        } catch (RecordException e) {
            throw target.equals(name) ? e : new RecordException(name, e.reason() + " (sent as '" + target + "')");
        }
    }

    private void checkRequired(Map<String, Object> out) {
        for (String field : required) {
            if (out.get(field) == null) {
                throw new RecordException(field, out.containsKey(field) ? "a required field is null"
                        : "a required field is missing");
            }
        }
    }
}
