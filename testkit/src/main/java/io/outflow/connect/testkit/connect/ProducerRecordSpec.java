package io.outflow.connect.testkit.connect;

import io.outflow.connect.testkit.http.Json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record to produce: string key and value (a JSON text for the JSON converter; null value = tombstone),
 * an optional partition and string headers.
 */
public record ProducerRecordSpec(String key, String value, Integer partition, Map<String, String> headers) {

    public ProducerRecordSpec {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A record whose value is already a JSON text (or any string). */
    public static ProducerRecordSpec of(String key, String value) {
        return new ProducerRecordSpec(key, value, null, Map.of());
    }

    /** A record whose value is a Map, JsonNode or POJO serialized with Jackson. */
    public static ProducerRecordSpec json(String key, Object value) {
        return of(key, Json.string(value));
    }

    /** A null value: a delete for sinks that honour tombstones. */
    public static ProducerRecordSpec tombstone(String key) {
        return of(key, null);
    }

    public ProducerRecordSpec withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ProducerRecordSpec(key, this.value, partition, copy);
    }

    public ProducerRecordSpec toPartition(int targetPartition) {
        return new ProducerRecordSpec(key, value, targetPartition, headers);
    }
}
