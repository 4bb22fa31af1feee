package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded custom event. Braze never deduplicates events ("each event ingested into Braze has its own
 * event ID, so 'duplicate' events are treated as separate, unique events", braze-docs {@code post_user_track.md}),
 * so a redelivered event shows up here twice.
 *
 * @param externalId the profile's external_id when recorded (null for alias-, email- or phone-only profiles)
 * @param brazeId    the profile's braze_id
 * @param time       the recorded time: {@code time} as sent, clamped to the fake's clock
 * @param sentTime   {@code time} exactly as sent
 * @param appId      {@code app_id}, or null
 * @param properties {@code properties} (empty when none were sent); unmodifiable
 */
public record BrazeEvent(String externalId, String brazeId, String name, Instant time, String sentTime,
                         String appId, Map<String, Object> properties) {

    public BrazeEvent {
        properties = JsonMaps.unmodifiable(properties);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object().put("external_id", externalId).put("braze_id", brazeId).put("name", name)
                .put("time", time.toString()).put("sent_time", sentTime).put("app_id", appId);
        node.set("properties", Json.mapper().valueToTree(properties));
        return node;
    }
}
