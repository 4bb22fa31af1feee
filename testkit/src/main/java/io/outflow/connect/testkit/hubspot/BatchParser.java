package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole-request checks of the batch endpoints, done before anything is applied: any failure is a 400
 * VALIDATION_ERROR and nothing of the request is applied. Inputs are checked in order and the first problem
 * is reported, except duplicates, which are all listed as HubSpot does.
 */
final class BatchParser {

    private BatchParser() {
    }

    /** The body as a JSON object; anything else is HubSpot's 400, not the base server's generic one. */
    static JsonNode body(FakeRequest request) {
        JsonNode body;
        try {
            body = request.bodyLength() == 0 ? null : Json.parse(request.body());
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw HubSpotErrors.validation("Invalid input JSON: " + reason);
        }
        if (body == null || !body.isObject()) {
            throw HubSpotErrors.validation("Invalid input JSON: the body must be a JSON object");
        }
        return body;
    }

    /**
     * {"inputs":[{"idProperty":"email","id":"a@x.com","properties":{"firstname":"A"}}]}. The spec
     * (SimplePublicObjectBatchInputUpsert) puts {@code idProperty} in each input and types property values
     * as strings, so a number, boolean or null value is rejected here rather than coerced.
     */
    static List<UpsertInput> upsertInputs(JsonNode body, int maxInputs) {
        JsonNode inputs = inputs(body, maxInputs);
        List<UpsertInput> parsed = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            String where = "inputs[" + i + "]";
            String id = requireText(input, "id", where);
            String idProperty = requireText(input, "idProperty", where);
            parsed.add(new UpsertInput(idProperty, id, properties(input.get("properties"), where)));
        }
        rejectDuplicates(parsed);
        return parsed;
    }

    /** {"idProperty":"email","inputs":[{"id":..}],"properties":[..],"propertiesWithHistory":[..]}. */
    static ReadRequest readRequest(JsonNode body, int maxInputs) {
        JsonNode inputs = inputs(body, maxInputs);
        List<String> ids = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ids.add(requireText(inputs.get(i), "id", "inputs[" + i + "]"));
        }
        JsonNode properties = body.get("properties");
        if (properties == null || !properties.isArray()) {
            throw HubSpotErrors.validation("properties: must be an array of property names");
        }
        List<String> names = new ArrayList<>(properties.size());
        for (JsonNode name : properties) {
            if (!name.isTextual()) {
                throw HubSpotErrors.validation("properties: must be an array of property names");
            }
            names.add(name.textValue());
        }
        JsonNode idProperty = body.get("idProperty");
        if (idProperty != null && !idProperty.isNull() && !idProperty.isTextual()) {
            throw HubSpotErrors.validation("idProperty: must be a string");
        }
        String unique = idProperty == null || idProperty.isNull() || idProperty.textValue().isEmpty()
                ? null : idProperty.textValue();
        return new ReadRequest(unique, ids, names);
    }

    /** {"inputs":[{"id":"1001"}]}: internal ids only (spec: BatchInputSimplePublicObjectId). */
    static List<String> archiveIds(JsonNode body, int maxInputs) {
        JsonNode inputs = inputs(body, maxInputs);
        List<String> ids = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ids.add(requireText(inputs.get(i), "id", "inputs[" + i + "]"));
        }
        return ids;
    }

    private static JsonNode inputs(JsonNode body, int maxInputs) {
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw HubSpotErrors.validation("inputs: must be an array");
        }
        if (inputs.size() > maxInputs) {
            throw HubSpotErrors.validation("inputs: size must be between 0 and " + maxInputs
                    + ", got " + inputs.size());
        }
        return inputs;
    }

    private static String requireText(JsonNode input, String field, String where) {
        JsonNode value = input.isObject() ? input.get(field) : null;
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw HubSpotErrors.validation(where + "." + field + ": must be a non-empty string");
        }
        return value.textValue();
    }

    private static Map<String, String> properties(JsonNode properties, String where) {
        if (properties == null || !properties.isObject()) {
            throw HubSpotErrors.validation(where + ".properties: must be an object");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            if (!field.getValue().isTextual()) {
                throw HubSpotErrors.validation(where + ".properties." + field.getKey()
                        + ": property values must be strings, got " + field.getValue().getNodeType());
            }
            parsed.put(field.getKey(), field.getValue().textValue());
        }
        return parsed;
    }

    /**
     * HubSpot refuses a batch naming one object twice, emails compared case-insensitively; the ids are listed
     * as stored (lower-cased emails), each once.
     */
    private static void rejectDuplicates(List<UpsertInput> inputs) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (UpsertInput input : inputs) {
            if (!seen.add(input.identity())) {
                duplicates.add(input.key());
            }
        }
        if (!duplicates.isEmpty()) {
            throw HubSpotErrors.validation("Duplicate IDs found in batch input: "
                    + "[" + String.join(", ", duplicates) + "]");
        }
    }
}
