package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-request checks of /users/track, done before any object is looked at; each failure is a
 * {@link BrazeFatal} (400, nothing processed). In order: not a JSON object, or an array field that is not an
 * array → "Bad Request" (errors.md "Bad syntax"); no object at all → "Valid data must be provided..." [3P];
 * more objects than the cap → "Max Input Length Exceeded" (errors.md).
 * <p>
 * The cap counts all three arrays together: "up to 75 objects in total across attributes, events and
 * purchases" (braze.com/docs/api/api_limits, current); legacy accounts keep 75 per array, MAU CY24-25
 * accounts 50 combined ({@code post_user_track.md}). braze-docs' own {@code api_limits.md} still says
 * 75 per array: see /work/shared/docs/destinations.md "Five contract details" item 1.
 */
final class TrackParser {

    private TrackParser() {
    }

    static TrackBatch parse(JsonNode body, BrazeSettings settings) {
        if (body == null || !body.isObject()) {
            throw BrazeFatal.track(TrackErrors.BAD_REQUEST, "body must be a JSON object");
        }
        Map<InputArray, List<JsonNode>> arrays = new EnumMap<>(InputArray.class);
        for (InputArray array : InputArray.values()) {
            JsonNode node = body.get(array.json());
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isArray()) {
                throw BrazeFatal.track(TrackErrors.BAD_REQUEST, "'" + array.json() + "' must be an array");
            }
            List<JsonNode> objects = new ArrayList<>(node.size());
            node.forEach(objects::add);
            arrays.put(array, objects);
        }
        TrackBatch batch = new TrackBatch(arrays);
        if (batch.total() == 0) {
            throw BrazeFatal.track(TrackErrors.NO_VALID_DATA, List.of());
        }
        checkCap(batch, settings);
        return batch;
    }

    private static void checkCap(TrackBatch batch, BrazeSettings settings) {
        int max = settings.maxObjectsPerRequest();
        if (settings.capPerArray()) {
            for (InputArray array : InputArray.values()) {
                int size = batch.objects(array).size();
                if (size > max) {
                    throw BrazeFatal.track(TrackErrors.MAX_INPUT_LENGTH_EXCEEDED,
                            "'" + array.json() + "' has " + size + " objects, the limit is " + max + " per array");
                }
            }
        } else if (batch.total() > max) {
            throw BrazeFatal.track(TrackErrors.MAX_INPUT_LENGTH_EXCEEDED, batch.total()
                    + " objects across 'attributes', 'events' and 'purchases', the limit is " + max + " in total");
        }
    }
}
