package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The portal's data: objects per object type, how often each was written by an upsert (tests detect
 * duplicate deliveries with it) and every id an archive asked for. Internal ids are numbers counted from
 * {@value #FIRST_ID} across all types, rendered as strings like HubSpot's. Thread-safe: one lock, so a batch
 * is applied atomically with respect to other requests.
 */
final class CrmStore {

    static final long FIRST_ID = 1001;

    /** An object named by the id property an upsert used, with the value as stored. */
    private record WriteKey(String idProperty, String key) {
    }

    /** What a batch read found: one result per distinct object, and the ids (as sent) it did not find. */
    record ReadOutcome(ArrayNode results, List<String> missing) {
    }

    private final Map<String, ObjectTable> tables = new TreeMap<>();
    private final Map<String, Map<WriteKey, Integer>> writes = new TreeMap<>();
    private final List<String> archivedIds = new ArrayList<>();
    private long nextId = FIRST_ID;
    private long totalApplied;

    /**
     * Applies validated inputs in order: an input matching no object creates one, otherwise its properties are
     * merged in. Returns one SimplePublicUpsertObject (spec) per input, with {@code new}.
     */
    synchronized ArrayNode upsert(String objectType, List<UpsertInput> inputs, Instant now) {
        ObjectTable table = tables.computeIfAbsent(objectType, t -> new ObjectTable());
        ArrayNode results = Json.array();
        for (UpsertInput input : inputs) {
            Map<String, String> changes = new LinkedHashMap<>(input.properties());
            changes.put(input.idProperty(), input.id()); // the matched id is stored under its property and wins
            CrmObject object = table.find(input.idProperty(), input.key());
            boolean created = object == null;
            if (created) {
                object = new CrmObject(Long.toString(nextId++), input.idProperty(), now);
                object.apply(changes, now);
                table.add(object);
            } else {
                Map<String, String> before = object.properties();
                object.apply(changes, now);
                table.changed(object, before);
            }
            writes.computeIfAbsent(objectType, t -> new LinkedHashMap<>())
                    .merge(new WriteKey(input.idProperty(), input.key()), 1, Integer::sum);
            totalApplied++;
            results.add(object.toJson().put("new", created));
        }
        return results;
    }

    /** Looks ids up by {@code idProperty} (internal ids when null); an object asked for twice is answered once. */
    synchronized ReadOutcome read(String objectType, ReadRequest request) {
        ObjectTable table = tables.getOrDefault(objectType, new ObjectTable());
        String property = request.idProperty() == null ? CrmObject.OBJECT_ID : request.idProperty();
        ArrayNode results = Json.array();
        List<String> missing = new ArrayList<>();
        Set<String> answered = new LinkedHashSet<>();
        for (String id : request.ids()) {
            CrmObject object = table.find(property, UniqueValues.stored(property, id));
            if (object == null) {
                missing.add(id);
            } else if (answered.add(object.id())) {
                results.add(object.toJson(request.properties()));
            }
        }
        return new ReadOutcome(results, missing);
    }

    /** Removes the objects with these internal ids; unknown ids are ignored, as HubSpot does. */
    synchronized void archive(String objectType, List<String> ids) {
        ObjectTable table = tables.get(objectType);
        for (String id : ids) {
            if (table != null) {
                table.remove(id);
            }
            archivedIds.add(id);
        }
    }

    /** Key value (as stored, emails lower-cased) to properties, in creation order; a fresh copy. */
    synchronized Map<String, Map<String, String>> objects(String objectType) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        ObjectTable table = tables.get(objectType);
        if (table != null) {
            table.objects().forEach(object -> copy.put(object.key(), object.properties()));
        }
        return copy;
    }

    synchronized Optional<Map<String, String>> object(String objectType, String idValue) {
        return findByKey(objectType, idValue).map(CrmObject::properties);
    }

    synchronized Optional<String> internalId(String objectType, String idValue) {
        return findByKey(objectType, idValue).map(CrmObject::id);
    }

    private Optional<CrmObject> findByKey(String objectType, String idValue) {
        ObjectTable table = tables.get(objectType);
        return table == null ? Optional.empty()
                : table.objects().stream().filter(object -> object.hasKey(idValue)).findFirst();
    }

    /** Upserts applied to the object named {@code idValue} (emails ignore case), archived objects included. */
    synchronized int writeCount(String objectType, String idValue) {
        return writes.getOrDefault(objectType, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().key().equals(UniqueValues.stored(e.getKey().idProperty(), idValue)))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    synchronized Map<String, Integer> writeCounts(String objectType) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        writes.getOrDefault(objectType, Map.of()).forEach((key, n) -> counts.merge(key.key(), n, Integer::sum));
        return counts;
    }

    synchronized long totalApplied() {
        return totalApplied;
    }

    synchronized List<String> archivedIds() {
        return List.copyOf(archivedIds);
    }

    synchronized void reset() {
        tables.clear();
        writes.clear();
        archivedIds.clear();
        nextId = FIRST_ID;
        totalApplied = 0;
    }

    /** {"objects":{type:{key:{"id":..,"properties":{..},"writes":n}}},"totalApplied":n,"archivedIds":[..]}. */
    synchronized ObjectNode toJson() {
        ObjectNode state = Json.object();
        ObjectNode objects = state.putObject("objects");
        tables.forEach((type, table) -> {
            ObjectNode ofType = objects.putObject(type);
            Map<String, Integer> counts = writeCounts(type);
            table.objects().forEach(object -> {
                ObjectNode entry = ofType.putObject(object.key()).put("id", object.id());
                ObjectNode props = entry.putObject("properties");
                object.properties().forEach(props::put);
                entry.put("writes", counts.getOrDefault(object.key(), 0));
            });
        });
        state.put("totalApplied", totalApplied);
        ArrayNode archived = state.putArray("archivedIds");
        archivedIds.forEach(archived::add);
        return state;
    }
}
