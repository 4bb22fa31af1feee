package io.outflow.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One destination as the demo watches and checks it: how many records its sandbox has applied, which model rows it
 * refuses (and so must be in its dead-letter queue), and whether it holds every other row as the model computed it,
 * field by field, after the connector configuration's {@code field.mapping}.
 */
abstract class DestinationCheck {
    private final String label;
    private final String connector;
    private final Map<String, String> config;

    DestinationCheck(String label, String connector, Map<String, String> config) {
        this.label = label;
        this.connector = connector;
        this.config = Map.copyOf(config);
    }

    /** "HubSpot contacts", for display. */
    String label() {
        return label;
    }

    /** The connector's name, also its consumer group's suffix. */
    String connector() {
        return connector;
    }

    String dlqTopic() {
        return config.get("errors.deadletterqueue.topic.name");
    }

    String config(String key, String fallback) {
        return config.getOrDefault(key, fallback);
    }

    /** source field → destination field, from field.mapping. */
    Map<String, String> mapping() {
        Map<String, String> renames = new LinkedHashMap<>();
        String text = config.getOrDefault("field.mapping", "");
        for (String pair : text.split(",")) {
            String[] parts = pair.strip().split(":");
            if (parts.length == 2) {
                renames.put(parts[0].strip(), parts[1].strip());
            }
        }
        return renames;
    }

    /** field → type, from field.types. */
    Map<String, String> fieldTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String pair : config.getOrDefault("field.types", "").split(",")) {
            String[] parts = pair.strip().split(":");
            if (parts.length == 2) {
                types.put(parts[0].strip(), parts[1].strip());
            }
        }
        return types;
    }

    /** Records the sandbox has applied so far (upserts, counting repeats). */
    abstract long applied();

    /** Why the destination refuses this row, following the sandbox's (and the vendor's) rules; empty if it takes it. */
    abstract Optional<String> refusal(ModelRow row);

    /** The destination field (a dotted path for nested ones) → the model's value it should hold. */
    abstract Map<String, Object> expected(ModelRow row);

    /** What the destination holds for this row, flattened to the same dotted paths; empty if it holds nothing. */
    abstract Optional<Map<String, Object>> held(ModelRow row);

    /** Compares every model row with the destination and its dead-letter queue (the keys found there). */
    Result compare(List<ModelRow> model, Set<String> deadLetteredKeys) {
        int asComputed = 0;
        List<String> problems = new ArrayList<>();
        Set<String> expectedDead = new TreeSet<>();
        for (ModelRow row : model) {
            Optional<String> refusal = refusal(row);
            if (refusal.isPresent()) {
                expectedDead.add(row.customerId());
                if (!deadLetteredKeys.contains(row.customerId())) {
                    problems.add(row.customerId() + " should be in the DLQ (" + refusal.get() + ") but is not");
                }
                continue;
            }
            Optional<Map<String, Object>> held = held(row);
            if (held.isEmpty()) {
                problems.add(row.customerId() + " is missing");
                continue;
            }
            List<String> differences = new ArrayList<>();
            expected(row).forEach((field, value) -> {
                Object actual = held.get().get(field);
                if (!Values.same(value, actual)) {
                    differences.add(field + " is " + Values.show(actual) + ", the model says " + Values.show(value));
                }
            });
            if (differences.isEmpty()) {
                asComputed++;
            } else {
                problems.add(row.customerId() + ": " + String.join("; ", differences));
            }
        }
        Set<String> unexpected = new TreeSet<>(deadLetteredKeys);
        unexpected.removeAll(expectedDead);
        unexpected.forEach(key -> problems.add(key + " is in the DLQ but the destination should have taken it"));
        return new Result(this, model.size(), asComputed, new TreeSet<>(deadLetteredKeys), expectedDead, problems);
    }

    /** The outcome of {@link #compare}. */
    record Result(DestinationCheck destination, int modelRows, int heldAsComputed, Set<String> deadLettered,
                  Set<String> expectedDeadLetters, List<String> problems) {

        boolean ok() {
            return problems.isEmpty() && heldAsComputed + expectedDeadLetters.size() == modelRows;
        }
    }

    /** Flattens nested maps into dotted paths ("user_fields.health_score"). */
    static Map<String, Object> flatten(Map<String, Object> nested) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", nested, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> nested, Map<String, Object> flat) {
        nested.forEach((key, value) -> {
            if (value instanceof Map) {
                flatten(prefix + key + ".", (Map<String, Object>) value, flat);
            } else {
                flat.put(prefix + key, value);
            }
        });
    }
}
