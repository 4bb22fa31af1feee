package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

/** Why one property value of an input was refused: {@code code} is HubSpot's error name, {@code name} the property. */
record PropertyError(String code, String message, String name) {

    /** An ErrorDetail of the spec: {"message":..,"code":..,"in":<property>}. */
    ObjectNode detail() {
        return Json.object().put("message", message).put("code", code).put("in", name);
    }

    /** The element HubSpot serializes into "Property values were not valid: [...]". */
    ObjectNode validationResult() {
        return Json.object().put("isValid", false).put("message", message).put("error", code).put("name", name);
    }
}
