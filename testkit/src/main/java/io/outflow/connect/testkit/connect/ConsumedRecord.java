package io.outflow.connect.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.Json;

import java.util.Map;

/**
 * A record read back from a topic, with key, value and headers decoded as UTF-8 strings (DLQ headers such as
 * {@code __connect.errors.exception.message} are strings). A repeated header name keeps its last value.
 */
public record ConsumedRecord(String topic, int partition, long offset, String key, String value,
                             Map<String, String> headers) {

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The value parsed as JSON (fails on a non-JSON value, which in a test is a bug). */
    public JsonNode valueJson() {
        return Json.parse(value);
    }
}
