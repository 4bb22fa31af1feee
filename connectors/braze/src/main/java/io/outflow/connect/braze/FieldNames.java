package io.outflow.connect.braze;

import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.RecordException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps attribute and property names within Braze's limit: "Custom-attribute strings and keys ≤255 characters"
 * (destinations.md, Braze), and event property names the same. The engine's string.max.length and string.overflow
 * cover values only, so names get the same rule here: too long is refused, or cut to the limit when
 * string.overflow=truncate; two names that become one are refused. Messages never show a whole name, which in a
 * schemaless record may be data.
 */
final class FieldNames {
    private static final int SHOWN = 40;

    private final int maxLength;
    private final StringOverflow overflow;

    FieldNames(int maxLength, StringOverflow overflow) {
        this.maxLength = maxLength;
        this.overflow = overflow;
    }

    /** The record's fields with every name within the limit (the same map when none is too long). */
    Map<String, Object> limit(Map<String, Object> fields) {
        boolean allShort = fields.keySet().stream().allMatch(this::fits);
        return allShort ? fields : limited(null, fields);
    }

    /** A map's entries with limited names; {@code parent} is where the map is, for messages (null at the top). */
    Map<String, Object> limited(String parent, Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String name = limit(parent, entry.getKey());
            if (out.containsKey(name)) {
                throw new RecordException(parent == null ? shown(name) : parent, "two names are the same once cut "
                        + "to " + maxLength + " characters (string.overflow=truncate)");
            }
            out.put(name, entry.getValue());
        }
        return out;
    }

    /** One name within the limit, or the reason it cannot be. */
    String limit(String parent, String name) {
        if (fits(name)) {
            return name;
        }
        if (overflow == StringOverflow.REJECT) {
            int length = name.codePointCount(0, name.length());
            throw new RecordException(parent == null ? shown(name) : parent, "a name has " + length
                    + " characters; Braze takes at most " + maxLength + " (string.overflow=reject)");
        }
        return name.substring(0, name.offsetByCodePoints(0, maxLength));
    }

    private boolean fits(String name) {
        return name.length() <= maxLength || name.codePointCount(0, name.length()) <= maxLength;
    }

    private static String shown(String name) {
        return name.length() <= SHOWN ? name : name.substring(0, name.offsetByCodePoints(0, SHOWN / 2)) + "…";
    }
}
