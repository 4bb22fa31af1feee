package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

/**
 * One non-fatal error of a /users/track request: {@code {"type":..,"input_array":..,"index":i}}, where
 * {@code index} is the object's position in its own array. The shape is the one Braze answers; braze-docs
 * only shows {@code "errors":[{<minor error message>}]}, the field names come from client test fixtures.
 *
 * @param type       the reason, as text (see package-info for every text this fake uses)
 * @param inputArray "attributes", "events" or "purchases"
 * @param index      position within that array
 */
public record TrackError(String type, String inputArray, int index) {

    static TrackError of(InputArray array, int index, String type) {
        return new TrackError(type, array.json(), index);
    }

    ObjectNode toJson() {
        return Json.object().put("type", type).put("input_array", inputArray).put("index", index);
    }
}
