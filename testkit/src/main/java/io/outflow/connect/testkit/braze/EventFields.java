package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A valid event object's content (braze-docs {@code _docs/_api/objects_filters/event_object.md}):
 * {@code name} (required, string), {@code time} (required), optional {@code app_id} and {@code properties}.
 *
 * @param time     when Braze records it: the parsed {@code time}, clamped to now
 * @param sentTime {@code time} as sent
 */
record EventFields(String name, Instant time, String sentTime, String appId, ObjectNode properties) {

    static Check<EventFields> check(ObjectNode event, Instant now) {
        JsonNode name = event.get("name");
        if (name == null || name.isNull()) {
            return Check.fail(TrackErrors.required("name"));
        }
        if (!name.isTextual() || name.textValue().isEmpty()) {
            return Check.fail(TrackErrors.notValid("name"));
        }
        Check<Instant> time = requiredTime(event, now);
        if (time.failed()) {
            return Check.fail(time.error());
        }
        Check<String> appId = optionalText(event, "app_id");
        if (appId.failed()) {
            return Check.fail(appId.error());
        }
        Check<ObjectNode> properties = EventProperties.check(event.get("properties"),
                EventProperties.EVENT_RESERVED, EventProperties.EVENT_MAX_KB);
        if (properties.failed()) {
            return Check.fail(properties.error());
        }
        return Check.ok(new EventFields(name.textValue(), time.value(), event.get("time").textValue(),
                appId.value(), properties.value()));
    }

    /** {@code time}: required, a string in an accepted format, clamped to now. Shared with purchases. */
    static Check<Instant> requiredTime(ObjectNode object, Instant now) {
        JsonNode time = object.get("time");
        if (time == null || time.isNull()) {
            return Check.fail(TrackErrors.required("time"));
        }
        if (!time.isTextual()) {
            return Check.fail(TrackErrors.notValid("time"));
        }
        return BrazeTime.parse(time.textValue())
                .map(parsed -> Check.ok(BrazeTime.clamp(parsed, now)))
                .orElseGet(() -> Check.fail(TrackErrors.notValid("time")));
    }

    /** An optional string field; null when absent. Shared with purchases. */
    static Check<String> optionalText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Check.ok(null);
        }
        return value.isTextual() ? Check.ok(value.textValue()) : Check.fail(TrackErrors.notValid(field));
    }
}
