package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeHttpException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole-request checks of the items API, done before anything is applied; any failure is a 400 and
 * nothing of the request is applied. Items are checked in input order and the first problem is reported.
 */
final class BatchParser {

    private BatchParser() {
    }

    /** Parses {"items":[{"key":..,"fields":{..}},..]}. */
    static List<BatchItem> items(JsonNode body, int maxBatchSize) {
        JsonNode items = requireArray(body, "items");
        checkSize(items.size(), maxBatchSize);
        List<BatchItem> parsed = new ArrayList<>(items.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String key = requireKey(item, i);
            if (!seen.add(key)) {
                throw FakeHttpException.error(400, "DUPLICATE_KEY", "duplicate key in batch: " + key);
            }
            JsonNode fields = item.get("fields");
            if (fields == null || !fields.isObject()) {
                throw invalid("item " + i + ": fields must be an object");
            }
            parsed.add(new BatchItem(i, key, (ObjectNode) fields));
        }
        return parsed;
    }

    /** Parses {"keys":["k1",..]}; repeated keys are allowed (delete is idempotent). */
    static List<String> keys(JsonNode body, int maxBatchSize) {
        JsonNode keys = requireArray(body, "keys");
        checkSize(keys.size(), maxBatchSize);
        List<String> parsed = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            if (!key.isTextual() || key.textValue().isEmpty()) {
                throw invalid("key " + i + " must be a non-empty string");
            }
            parsed.add(key.textValue());
        }
        return parsed;
    }

    private static JsonNode requireArray(JsonNode body, String field) {
        JsonNode array = body.isObject() ? body.get(field) : null;
        if (array == null || !array.isArray()) {
            throw invalid("body must be an object with an array \"" + field + "\"");
        }
        return array;
    }

    private static void checkSize(int size, int maxBatchSize) {
        if (size > maxBatchSize) {
            throw FakeHttpException.error(400, "BATCH_TOO_LARGE",
                    "batch has " + size + " entries, the maximum is " + maxBatchSize);
        }
    }

    private static String requireKey(JsonNode item, int index) {
        JsonNode key = item.isObject() ? item.get("key") : null;
        if (key == null || !key.isTextual() || key.textValue().isEmpty()) {
            throw invalid("item " + index + " has no non-empty string key");
        }
        return key.textValue();
    }

    private static FakeHttpException invalid(String message) {
        return FakeHttpException.error(400, "INVALID_REQUEST", message);
    }
}
