package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.Json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stored JSON handed to tests as plain Java maps (strings, numbers, booleans, lists, maps). */
final class JsonMaps {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonMaps() {
    }

    /** A fresh copy: callers may change it without touching the fake's state. */
    static Map<String, Object> toMap(JsonNode object) {
        return Json.mapper().convertValue(object, MAP);
    }

    static Map<String, Object> unmodifiable(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
