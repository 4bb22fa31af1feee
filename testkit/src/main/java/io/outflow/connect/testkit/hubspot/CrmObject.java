package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored CRM object: its internal id (HubSpot's {@code hs_object_id}), its property values as stored and
 * its timestamps. Not thread-safe: only {@link CrmStore} touches it, under its lock.
 */
final class CrmObject {

    static final String OBJECT_ID = "hs_object_id";

    private final String id;
    private final String keyProperty;
    private final Instant createdAt;
    private Instant updatedAt;
    private final Map<String, String> properties = new LinkedHashMap<>();

    /** {@code keyProperty} is the id property of the upsert that created it: tests name the object by it. */
    CrmObject(String id, String keyProperty, Instant createdAt) {
        this.id = id;
        this.keyProperty = keyProperty;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    String id() {
        return id;
    }

    /** Whether {@code idValue}, as a value of its key property, names this object (emails ignore case). */
    boolean hasKey(String idValue) {
        return key().equals(UniqueValues.stored(keyProperty, idValue));
    }

    /** The current value of its key property (the internal id if that was cleared since). */
    String key() {
        return properties.getOrDefault(keyProperty, id);
    }

    String value(String property) {
        return OBJECT_ID.equals(property) ? id : properties.get(property);
    }

    /** Merges {@code changes}: an empty value clears the property, emails are stored lower-cased. */
    void apply(Map<String, String> changes, Instant now) {
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                properties.remove(name);
            } else {
                properties.put(name, UniqueValues.stored(name, value));
            }
        });
        updatedAt = now;
    }

    Map<String, String> properties() {
        return new LinkedHashMap<>(properties);
    }

    /** A SimplePublicObject with every stored property plus {@code hs_object_id}. */
    ObjectNode toJson() {
        ObjectNode node = envelope();
        ObjectNode props = node.putObject("properties");
        properties.forEach(props::put);
        props.put(OBJECT_ID, id);
        return timestamps(node);
    }

    /**
     * A SimplePublicObject with only the requested properties plus {@code hs_object_id}; a requested property
     * without a value is present as null, as HubSpot's reads answer.
     */
    ObjectNode toJson(Collection<String> requested) {
        ObjectNode node = envelope();
        ObjectNode props = node.putObject("properties");
        requested.forEach(name -> props.put(name, value(name)));
        props.put(OBJECT_ID, id);
        return timestamps(node);
    }

    private ObjectNode envelope() {
        return Json.object().put("id", id);
    }

    private ObjectNode timestamps(ObjectNode node) {
        return node.put("createdAt", Timestamps.format(createdAt))
                .put("updatedAt", Timestamps.format(updatedAt))
                .put("archived", false);
    }
}
