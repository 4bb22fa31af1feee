package io.outflow.connect.testkit.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /v1/jobs/{id}}: literal segments must match exactly, {@code {name}} segments match
 * any single non-empty segment. Deliberately no wildcards or regexes: vendor paths do not need them.
 */
public final class PathPattern {

    private final String pattern;
    private final String[] segments;

    private PathPattern(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern must start with '/': " + pattern);
        }
        this.pattern = pattern;
        this.segments = split(pattern);
    }

    public static PathPattern of(String pattern) {
        return new PathPattern(pattern);
    }

    private static String[] split(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    /** The path parameters when the path matches, empty otherwise. */
    public Optional<Map<String, String>> match(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] actual = split(path);
        if (actual.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String expected = segments[i];
            if (isParam(expected)) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(expected.substring(1, expected.length() - 1), actual[i]);
            } else if (!expected.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static boolean isParam(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return pattern;
    }
}
