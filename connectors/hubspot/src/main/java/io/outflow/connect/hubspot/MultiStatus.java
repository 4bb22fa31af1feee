package io.outflow.connect.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.Reason;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code errors} of a HubSpot 207 answer, matched to the batch's inputs by the ids in each error's
 * {@code context.ids} (normalised the way keys are, so emails match case-insensitively).
 */
final class MultiStatus {
    private final Map<String, Reason> errorsByKey;
    private final Map<String, String> categoryByKey;
    private final boolean unmatchedErrors;

    private MultiStatus(Map<String, Reason> errorsByKey, Map<String, String> categoryByKey, boolean unmatchedErrors) {
        this.errorsByKey = errorsByKey;
        this.categoryByKey = categoryByKey;
        this.unmatchedErrors = unmatchedErrors;
    }

    static MultiStatus read(HttpResult response, KeyNormalizer normalizer, Set<String> inputKeys) {
        Map<String, Reason> errors = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        boolean unmatched = false;
        for (JsonNode error : response.json().path("errors")) {
            Reason reason = HubSpotErrors.describe(207, error);
            boolean matched = false;
            for (JsonNode id : error.path("context").path("ids")) {
                String key = normalizer.normalize(id.asText());
                if (inputKeys.contains(key)) {
                    errors.putIfAbsent(key, reason);
                    categories.putIfAbsent(key, error.path("category").asText(""));
                    matched = true;
                }
            }
            unmatched |= !matched;
        }
        return new MultiStatus(errors, categories, unmatched);
    }

    /** The error that names this input, or null. */
    Reason errorFor(String key) {
        return errorsByKey.get(key);
    }

    String categoryFor(String key) {
        return categoryByKey.get(key);
    }

    /** Some error named no input of the batch: inputs not confirmed otherwise cannot be called delivered. */
    boolean hasUnmatchedErrors() {
        return unmatchedErrors;
    }
}
