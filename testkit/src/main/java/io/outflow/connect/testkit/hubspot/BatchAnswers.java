package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;

import java.time.Instant;
import java.util.List;

/**
 * The envelope of batch answers (spec: BatchResponse... and BatchResponse...WithErrors) and the
 * StandardError entries of a 207. An error names the inputs it is about only by {@code context.ids},
 * never by position: a client must match errors to inputs by id.
 */
final class BatchAnswers {

    private final boolean errorsWithIds;

    BatchAnswers(boolean errorsWithIds) {
        this.errorsWithIds = errorsWithIds;
    }

    /** 200 when there are no errors, else 207 with {@code numErrors} and {@code errors}. */
    FakeResponse answer(ArrayNode results, List<ObjectNode> errors, Instant startedAt, Instant completedAt) {
        ObjectNode body = Json.object().put("status", "COMPLETE");
        body.set("results", results);
        if (!errors.isEmpty()) {
            body.put("numErrors", errors.size());
            body.putArray("errors").addAll(errors);
        }
        body.put("startedAt", Timestamps.format(startedAt));
        body.put("completedAt", Timestamps.format(completedAt));
        return FakeResponse.json(errors.isEmpty() ? 200 : 207, body);
    }

    /** One input's refused values, in the shape HubSpot gives property validation failures. */
    ObjectNode invalidProperties(String idAsSent, List<PropertyError> problems) {
        ArrayNode results = Json.array();
        problems.forEach(p -> results.add(p.validationResult()));
        ObjectNode error = standardError("VALIDATION_ERROR", "Property values were not valid: " + Json.string(results),
                List.of(idAsSent));
        ArrayNode details = error.putArray("errors");
        problems.forEach(p -> details.add(p.detail()));
        return error;
    }

    /** One error for all the ids a batch read did not find. */
    ObjectNode notFound(String objectType, List<String> idsAsSent) {
        return standardError("OBJECT_NOT_FOUND", "Could not get some " + ObjectTypes.label(objectType)
                + " objects, they may be deleted or not exist. Check that ids are valid.", idsAsSent);
    }

    private ObjectNode standardError(String category, String message, List<String> ids) {
        ObjectNode error = Json.object().put("status", "error").put("category", category).put("message", message);
        if (errorsWithIds) {
            ArrayNode contextIds = error.putObject("context").putArray("ids");
            ids.forEach(contextIds::add);
        }
        return error;
    }
}
