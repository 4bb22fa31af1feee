package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.Map;
import java.util.Set;

/**
 * The {@code properties} object of events and purchases (braze-docs {@code event_object.md} and
 * {@code purchase_object.md}, "Event properties object"): names non-empty, at most 255 characters, no leading
 * {@code $}; string values at most 255 characters; with array or object values the payload is at most 100 KB
 * for events and 50 KB for purchases (the docs do not say 1000 or 1024 bytes: 1024 is used); events may not
 * use the reserved names {@code time} and {@code event_name}. Absent or null properties are an empty object.
 */
final class EventProperties {

    static final Set<String> EVENT_RESERVED = Set.of("time", "event_name");
    static final int EVENT_MAX_KB = 100;
    static final int PURCHASE_MAX_KB = 50;

    private EventProperties() {
    }

    static Check<ObjectNode> check(JsonNode properties, Set<String> reserved, int maxKilobytes) {
        if (properties == null || properties.isNull()) {
            return Check.ok(Json.object());
        }
        if (!properties.isObject()) {
            return Check.fail(TrackErrors.notValid("properties"));
        }
        boolean nested = false;
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.isEmpty() || name.length() > AttributeUpdate.MAX_LENGTH || name.startsWith("$")) {
                return Check.fail(TrackErrors.propertyName(name));
            }
            if (reserved.contains(name)) {
                return Check.fail(TrackErrors.reservedProperty(name));
            }
            if (value.isTextual() && value.textValue().length() > AttributeUpdate.MAX_LENGTH) {
                return Check.fail(TrackErrors.tooLong(name));
            }
            nested |= value.isContainerNode();
        }
        if (nested && Json.bytes(properties).length > maxKilobytes * 1024) {
            return Check.fail(TrackErrors.propertiesTooLarge(maxKilobytes));
        }
        return Check.ok(((ObjectNode) properties).deepCopy());
    }
}
