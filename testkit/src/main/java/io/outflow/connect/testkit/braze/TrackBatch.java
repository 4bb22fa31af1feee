package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** The arrays a /users/track body carried (an array absent or null is not in the map), in processing order. */
record TrackBatch(Map<InputArray, List<JsonNode>> arrays) {

    TrackBatch {
        arrays = Map.copyOf(arrays);
    }

    boolean has(InputArray array) {
        return arrays.containsKey(array);
    }

    List<JsonNode> objects(InputArray array) {
        return arrays.getOrDefault(array, List.of());
    }

    int total() {
        return arrays.values().stream().mapToInt(List::size).sum();
    }
}
