package io.outflow.connect.testkit.braze;

/**
 * Every error text this fake answers. Braze documents the fatal messages (braze-docs {@code _docs/_api/errors.md})
 * but not the per-object {@code type} texts; where a text was seen in a client's recorded Braze answers it is
 * marked [3P], every other text is this fake's choice in the same style ("'field' is required / is not valid").
 */
final class TrackErrors {

    // Fatal messages: the "message" of a 4XX answer.

    /** errors.md: "400 Max Input Length Exceeded". */
    static final String MAX_INPUT_LENGTH_EXCEEDED = "Max Input Length Exceeded";
    /** [3P] RudderStack's recorded Braze answers: a body with no valid object at all. */
    static final String NO_VALID_DATA =
            "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.";
    /** errors.md: "400 Bad Request | Bad syntax." */
    static final String BAD_REQUEST = "Bad Request";
    /** [3P] RudderStack's recorded 401 body; errors.md only says "Invalid API key". */
    static final String INVALID_API_KEY = "Invalid API Key";
    /** errors.md: "429 Rate Limited | Over rate limit." */
    static final String RATE_LIMITED = "Rate Limited";
    /** errors.md: "400 The max number of external_ids and aliases per request was exceeded" (more than 50). */
    static final String MAX_EXTERNAL_IDS_AND_ALIASES =
            "The max number of external_ids and aliases per request was exceeded";
    /** errors.md: "400 The max number of ids per request was exceeded" (more than 50). */
    static final String MAX_IDS = "The max number of ids per request was exceeded";

    // Non-fatal "type" texts of one object.

    /** [3P] RudderStack's recorded Braze answers. */
    static final String MISSING_IDENTIFIER = "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required";
    /** Chosen: braze-docs says an update-only object does not create a profile, not how that is reported. */
    static final String USER_NOT_FOUND = "user not found: no profile matches and '_update_existing_only' is true";
    /** Chosen: a braze_id is assigned by Braze, so an unknown one can never create a profile. */
    static final String BRAZE_ID_NOT_FOUND = "user not found: no profile has this 'braze_id'";
    static final String NOT_AN_OBJECT = "entry is not a JSON object";
    static final String KEY_TOO_LONG = "a custom attribute key is longer than 255 characters";
    static final String PUSH_TOKENS_REQUIRED = "'push_tokens' is required when 'push_token_import' is true";

    private TrackErrors() {
    }

    static String required(String field) {
        return "'" + field + "' is required";
    }

    /** [3P] for 'quantity' ("'quantity' is not valid"); the same form for every other field. */
    static String notValid(String field) {
        return "'" + field + "' is not valid";
    }

    static String tooLong(String field) {
        return "'" + field + "' is longer than 255 characters";
    }

    static String tooManyItems(String field, int max) {
        return "'" + field + "' has more than " + max + " items";
    }

    static String notAnInteger(String field) {
        return "'" + field + "' cannot be incremented: it is not an integer";
    }

    static String notAnArray(String field) {
        return "'" + field + "' cannot be added to or removed from: it is not an array";
    }

    static String propertyName(String name) {
        return "event property name '" + name + "' is not valid";
    }

    static String reservedProperty(String name) {
        return "'" + name + "' is a reserved event property";
    }

    static String propertiesTooLarge(int kilobytes) {
        return "'properties' is larger than " + kilobytes + " KB";
    }
}
