package io.outflow.connect.braze;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A custom event object: {@code name} and {@code time} required, {@code app_id} optional, and every other field a
 * property (destinations.md, Braze: {@code {"external_id":"u1","name":"x","time":"2026-01-01T00:00:00Z"}}).
 */
final class EventContent implements TrackContent {
    static final String NAME = "name";
    private static final Set<String> OWN = Set.of(NAME, ActivityFields.TIME, ActivityFields.APP_ID);

    private final Identity identity;

    EventContent(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Map<String, Object> content(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(NAME, ActivityFields.requiredText(fields, NAME));
        out.put(ActivityFields.TIME, ActivityFields.time(fields));
        ActivityFields.putIfPresent(out, fields, ActivityFields.APP_ID);
        Map<String, Object> properties = ActivityFields.properties(fields, OWN, identity);
        if (!properties.isEmpty()) {
            out.put(ActivityFields.PROPERTIES, properties);
        }
        return out;
    }
}
