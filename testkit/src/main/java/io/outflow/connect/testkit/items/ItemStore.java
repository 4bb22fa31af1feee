package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The destination's data: items by key (replace on upsert, never merge), how often each key was upserted
 * (tests detect duplicates with it) and every key a delete asked for. Thread-safe.
 */
final class ItemStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private final Map<String, Integer> upserts = new HashMap<>();
    private final List<String> deletedKeys = new ArrayList<>();
    private long totalApplied;

    /** Applies the valid items and reports one result per input, in input order. */
    synchronized List<ItemResult> upsert(List<BatchItem> batch) {
        List<ItemResult> results = new ArrayList<>(batch.size());
        for (BatchItem item : batch) {
            Optional<ItemError> error = ItemRules.check(item.fields());
            if (error.isPresent()) {
                results.add(new ItemResult(item.index(), error.get()));
                continue;
            }
            items.put(item.key(), item.fields().deepCopy());
            upserts.merge(item.key(), 1, Integer::sum);
            totalApplied++;
            results.add(ItemResult.ok(item.index()));
        }
        return results;
    }

    /** Deletes; an unknown key is fine (idempotent), so every key is "ok". */
    synchronized List<ItemResult> delete(List<String> keys) {
        List<ItemResult> results = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            items.remove(keys.get(i));
            deletedKeys.add(keys.get(i));
            results.add(ItemResult.ok(i));
        }
        return results;
    }

    /** A fresh copy: callers may modify it freely. */
    synchronized Map<String, Map<String, Object>> items() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        items.forEach((key, fields) -> copy.put(key, toMap(fields)));
        return copy;
    }

    synchronized Optional<Map<String, Object>> item(String key) {
        return Optional.ofNullable(items.get(key)).map(ItemStore::toMap);
    }

    synchronized int upsertCount(String key) {
        return upserts.getOrDefault(key, 0);
    }

    synchronized Map<String, Integer> upsertCounts() {
        return Map.copyOf(upserts);
    }

    synchronized long totalApplied() {
        return totalApplied;
    }

    synchronized List<String> deletedKeys() {
        return List.copyOf(deletedKeys);
    }

    synchronized void reset() {
        items.clear();
        upserts.clear();
        deletedKeys.clear();
        totalApplied = 0;
    }

    synchronized ObjectNode toJson() {
        ObjectNode state = Json.object();
        ObjectNode itemsNode = state.putObject("items");
        items.forEach((key, fields) -> itemsNode.set(key, fields.deepCopy()));
        state.set("upserts", Json.mapper().valueToTree(upserts));
        state.put("totalApplied", totalApplied);
        state.set("deletedKeys", Json.mapper().valueToTree(deletedKeys));
        return state;
    }

    private static Map<String, Object> toMap(ObjectNode fields) {
        return Json.mapper().convertValue(fields, MAP);
    }
}
