package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.RecordException;

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

    /** Maps a record's canonical fields to the destination's fields, converted and checked. */
    public Map<String, Object> map(Map<String, Object> source) {
        return mapCopy(source);
    }

    /**
     * {@link #map}, for a caller that hands the map over: when nothing is renamed, dropped or declared (the default
     * configuration) the values are converted where they are, which saves a map per record on the hot path.
     */
    public Map<String, Object> mapOwned(Map<String, Object> source) {
        if (!renames.isEmpty() || dropUnmapped || !types.isEmpty()) {
            return mapCopy(source);
        }
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            String name = entry.getKey();
            entry.setValue(limiter.apply(name, converter.convert(name, entry.getValue())));
        }
        checkRequired(source);
        return source;
    }

    private Map<String, Object> mapCopy(Map<String, Object> source) {
        Map<String, Object> out = new LinkedHashMap<>((int) (source.size() / 0.75f) + 1);
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            String name = entry.getKey();
            String target = renames.get(name);
            if (target == null) {
                if (dropUnmapped) {
                    continue;
                }
                target = name;
            }
            Object value = entry.getValue();
            FieldType type = types.get(name);
            if (type != null) {
                value = type.coerce(name, value);
            }
            if (out.containsKey(target)) {
                throw new RecordException(name, "is sent as '" + target + "', which another field is sent as too; "
                        + "fix field.mapping");
            }
            try {
                out.put(target, limiter.apply(target, converter.convert(target, value)));
            } catch (RecordException e) {
                throw target.equals(name) ? e : new RecordException(name, e.reason() + " (sent as '" + target + "')");
            }
        }
        checkRequired(out);
        return out;
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
