package io.outflow.connect.common.record;

import java.util.List;
import java.util.Map;

/** Names a value's type for error messages, which must never show the value itself. */
public final class TypeNames {
    private TypeNames() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "Map";
        }
        if (value instanceof List) {
            return "List";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        return value.getClass().getSimpleName();
    }
}
