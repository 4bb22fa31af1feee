package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.RecordException;

import java.util.ArrayList;
import java.util.List;

/** Keeps strings within the destination's length limit, counted in Unicode code points. */
public final class StringLimiter {
    private final int maxLength;
    private final StringOverflow overflow;

    public StringLimiter(int maxLength, StringOverflow overflow) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = maxLength;
        this.overflow = overflow;
    }

    public static StringLimiter unlimited() {
        return new StringLimiter(Integer.MAX_VALUE, StringOverflow.REJECT);
    }

    public int maxLength() {
        return maxLength;
    }

    /** Applies the limit to a string, or to the strings of a list; other values pass unchanged. */
    public Object apply(String field, Object value) {
        if (value instanceof String) {
            return limit(field, (String) value);
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                if (element instanceof String) {
                    String limited = limit(field, (String) element);
                    if (limited != element && out == null) {
                        out = new ArrayList<>(list);
                    }
                    if (out != null) {
                        out.set(i, limited);
                    }
                }
            }
            return out == null ? value : out;
        }
        return value;
    }

    private String limit(String field, String s) {
        // Fast path: a string of n chars has at most n code points.
        if (s.length() <= maxLength) {
            return s;
        }
        int codePoints = s.codePointCount(0, s.length());
        if (codePoints <= maxLength) {
            return s;
        }
        if (overflow == StringOverflow.REJECT) {
            throw new RecordException(field, "the string has " + codePoints + " characters; the destination takes at most "
                    + maxLength + " (string.overflow=reject)");
        }
        return s.substring(0, s.offsetByCodePoints(0, maxLength));
    }
}
