package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeHttpException;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;

/**
 * Zendesk's error answers. The envelope is {@code {"error":..,"description":..,"details":{..}}}
 * (destinations.md, Zendesk appendix: "errors envelope {error, description, details}"; the spec shows
 * {@code {"error":"RecordNotFound","description":"Not found"}} in the text of ShowComplianceDeletionStatuses).
 * The spec has no schema for it, and the exact error codes and texts of most answers are not in the facts:
 * each such choice is marked below.
 */
final class ZendeskErrors {

    private ZendeskErrors() {
    }

    static FakeResponse envelope(int status, String error, String description, ObjectNode details) {
        ObjectNode body = Json.object().put("error", error).put("description", description);
        if (details != null) {
            body.set("details", details);
        }
        return FakeResponse.json(status, body);
    }

    static FakeHttpException fail(int status, String error, String description, ObjectNode details) {
        return new FakeHttpException(envelope(status, error, description, details));
    }

    /** {"field":[{"description":..,"error":..}]}: the shape of RecordInvalid details (brief's DuplicateValue example). */
    static ObjectNode fieldDetail(String field, String description, String error) {
        ObjectNode details = Json.object();
        details.putArray(field).addObject().put("description", description).put("error", error);
        return details;
    }

    /** 404 for an unknown job or organization id: the spec's RecordNotFound example, verbatim. */
    static FakeResponse notFound() {
        return envelope(404, "RecordNotFound", "Not found", null);
    }

    /** 422 RecordInvalid, the brief's shape for organization validation errors. */
    static FakeHttpException recordInvalid(String field, String description, String error) {
        return fail(422, "RecordInvalid", "Record validation errors", fieldDetail(field, description, error));
    }

    /** 400 for a malformed request. The facts give no code or text for it; "InvalidParameter" is our choice. */
    static FakeHttpException badRequest(String description) {
        return fail(400, "InvalidParameter", description, null);
    }

    /**
     * 400 for more than the allowed entries ("up to 100", spec: CreateOrUpdateManyUsers, DestroyManyUsers,
     * DeleteManyOrganizations). The facts do not give the answer's code or text: "TooManyValues" and the
     * wording are our choice, in the envelope with a RecordInvalid-style detail.
     */
    static FakeHttpException tooManyValues(String field, int size, int max) {
        String text = capitalize(field) + ": " + size + " values given, the maximum is " + max;
        return fail(400, "TooManyValues", "Too many values", fieldDetail(field, text, "TooManyValues"));
    }

    /**
     * 403 while bulk user import is not enabled (spec, CreateOrUpdateManyUsers: "A 403 Forbidden error is returned
     * if data imports are not enabled"). The body is not in the facts: code and text are our choice.
     */
    static FakeResponse bulkImportDisabled() {
        return envelope(403, "Forbidden",
                "Bulk user imports are not enabled for this account. The account owner must contact Zendesk "
                        + "Customer Support to enable them.", null);
    }

    /**
     * 429 when the job queue is full (support article 8050017386522: 30 jobs queued or running). The facts do
     * not give this answer's body: "TooManyJobs" and the wording are our choice.
     */
    static FakeResponse jobQueueFull(int maxQueuedJobs, long retryAfterSeconds) {
        return envelope(429, "TooManyJobs", "The job queue is full: at most " + maxQueuedJobs
                + " jobs can be queued or running at the same time. Try again later.", null)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** 401 {"error":"Couldn't authenticate you"}: from the brief; the spec copy declares no 401 body. */
    static FakeResponse unauthorized() {
        return FakeResponse.json(401, Json.object().put("error", "Couldn't authenticate you"));
    }

    private static String capitalize(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
    }
}
