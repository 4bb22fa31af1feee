package io.outflow.connect.testkit.braze;

/**
 * The three arrays of a /users/track body, in the order Braze processes them ("Attributes, Events,
 * Purchases": braze-docs {@code _docs/_api/api_limits.md}, "Batching requests for Track users endpoint").
 */
enum InputArray {
    ATTRIBUTES("attributes"),
    EVENTS("events"),
    PURCHASES("purchases");

    private final String json;

    InputArray(String json) {
        this.json = json;
    }

    /** The field name in the request body and the {@code input_array} value of an error. */
    String json() {
        return json;
    }

    static InputArray fromJson(String json) {
        for (InputArray array : values()) {
            if (array.json.equals(json)) {
                return array;
            }
        }
        throw new IllegalArgumentException("not an input array: " + json);
    }
}
