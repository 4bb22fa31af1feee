package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

/**
 * The entries of a completed job's {@code results}, one per input in request order (destinations.md, Zendesk
 * row "Partial success": in request order, confirmed by a Zendesk developer advocate).
 * <p>
 * Field names follow the spec and the docs together: {@code index} and {@code id} (spec CreateResourceResult),
 * {@code action}, {@code status}, {@code success} (spec UpdateResourceResult and JobStatusResponseExample, the
 * example of create_or_update_many itself), and the inputs' {@code email} / {@code external_id} plus
 * {@code error} and {@code details} on failure (destinations.md, Zendesk appendix). JobStatusResultObject allows
 * additional properties, so the union is within the spec.
 */
final class JobResults {

    /** The only per-user error code the facts name (destinations.md, Zendesk appendix). */
    static final String USER_ERROR = "UserUpdateError";

    private JobResults() {
    }

    /** {"index":i,"id":n,"action":"create"|"update","status":"Created"|"Updated","success":true,...}. */
    static ObjectNode applied(UserInput input, long id, boolean created) {
        ObjectNode result = Json.object().put("index", input.index()).put("id", id)
                .put("action", created ? "create" : "update")
                .put("status", created ? "Created" : "Updated")
                .put("success", true);
        return echoKeys(result, input);
    }

    /** {"index":i,"action":..,"status":"Failed","success":false,"error":"UserUpdateError","details":..,...}. */
    static ObjectNode failed(UserInput input, Long existingId, String details) {
        ObjectNode result = Json.object().put("index", input.index());
        if (existingId != null) {
            result.put("id", existingId);
        }
        result.put("action", existingId == null ? "create" : "update")
                .put("status", "Failed")
                .put("success", false)
                .put("error", USER_ERROR)
                .put("details", details);
        return echoKeys(result, input);
    }

    private static ObjectNode echoKeys(ObjectNode result, UserInput input) {
        input.email().ifPresent(email -> result.put("email", email));
        input.externalId().ifPresent(externalId -> result.put("external_id", externalId));
        return result;
    }

    /**
     * {"action":"delete","id":n,"status":"Deleted","success":true} (spec: JobStatusBulkDeleteResponseExample),
     * plus "external_id" when the request named records by external id. No {@code index}: the spec shows none
     * for deletions, so clients match delete results by position.
     */
    static ObjectNode deleted(DeleteTarget target, long id) {
        ObjectNode result = Json.object().put("action", "delete").put("id", id);
        if (!target.byId()) {
            result.put("external_id", target.externalId());
        }
        return result.put("status", "Deleted").put("success", true);
    }

    /** A target that matches nothing; the docs are silent, see {@link UnknownDeleteResult}. */
    static ObjectNode unknown(DeleteTarget target, UnknownDeleteResult policy) {
        ObjectNode result = Json.object().put("action", "delete");
        target.describe(result);
        if (policy == UnknownDeleteResult.DELETED) {
            return result.put("status", "Deleted").put("success", true);
        }
        return result.put("status", "Failed").put("success", false)
                .put("error", "RecordNotFound").put("details", "Not found");
    }
}
