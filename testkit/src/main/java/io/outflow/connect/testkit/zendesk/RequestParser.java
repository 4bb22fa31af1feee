package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whole-request checks, done before anything is queued or applied: any failure is a 400 in Zendesk's envelope
 * and nothing of the request is applied. Per-entry problems of a valid request are reported in the job results
 * instead (see {@link UserRules}).
 */
final class RequestParser {

    private RequestParser() {
    }

    /** The body as JSON; an empty or malformed body is a 400 (the facts give no text for it). */
    static JsonNode body(FakeRequest request) {
        if (request.bodyLength() == 0) {
            throw ZendeskErrors.badRequest("The request body is empty");
        }
        try {
            return Json.parse(request.body());
        } catch (IOException e) {
            throw ZendeskErrors.badRequest("The request body is not valid JSON");
        }
    }

    /** {"users":[{..},..]} with at most {@code max} entries, each an object. */
    static List<UserInput> users(JsonNode body, int max) {
        JsonNode users = body.isObject() ? body.get("users") : null;
        if (users == null || !users.isArray()) {
            throw ZendeskErrors.badRequest("The request body must be an object with a \"users\" array");
        }
        if (users.size() > max) {
            throw ZendeskErrors.tooManyValues("users", users.size(), max);
        }
        List<UserInput> parsed = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            if (!users.get(i).isObject()) {
                throw ZendeskErrors.badRequest("users[" + i + "] must be an object");
            }
            parsed.add(new UserInput(i, (ObjectNode) users.get(i).deepCopy()));
        }
        return parsed;
    }

    /** {"organization":{..}}. */
    static ObjectNode organization(JsonNode body) {
        JsonNode organization = body.isObject() ? body.get("organization") : null;
        if (organization == null || !organization.isObject()) {
            throw ZendeskErrors.badRequest("The request body must be an object with an \"organization\" object");
        }
        return (ObjectNode) organization.deepCopy();
    }

    /**
     * {@code ?ids=1,2} or {@code ?external_ids=a,b}, comma separated, at most {@code max} (spec: DestroyManyUsers
     * "takes an ids or an external_ids query parameter"; DeleteManyOrganizations "up to 100 ... ids or external
     * ids"). The spec does not say what happens when both are given: the fake uses {@code ids}.
     */
    static List<DeleteTarget> deleteTargets(FakeRequest request, int max) {
        Optional<String> ids = nonEmpty(request.queryParam("ids"));
        Optional<String> externalIds = nonEmpty(request.queryParam("external_ids"));
        if (ids.isEmpty() && externalIds.isEmpty()) {
            throw ZendeskErrors.badRequest("Either ids or external_ids must be given");
        }
        String field = ids.isPresent() ? "ids" : "external_ids";
        String[] values = ids.orElseGet(externalIds::get).split(",", -1);
        if (values.length > max) {
            throw ZendeskErrors.tooManyValues(field, values.length, max);
        }
        List<DeleteTarget> targets = new ArrayList<>(values.length);
        for (String raw : values) {
            String value = raw.trim();
            if (value.isEmpty()) {
                throw ZendeskErrors.badRequest(field + " must not contain empty values");
            }
            targets.add(ids.isPresent() ? DeleteTarget.ofId(parseId(value)) : DeleteTarget.ofExternalId(value));
        }
        return targets;
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ZendeskErrors.badRequest("ids must be integers: " + value);
        }
    }

    private static Optional<String> nonEmpty(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }
}
