package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeHttpException;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;

import java.util.UUID;

/**
 * HubSpot's whole-request error bodies: the spec's {@code Error} schema ({@code status}, {@code message},
 * {@code category}, {@code correlationId}), the 401 of the auth docs and the 429 of the usage guidelines.
 */
final class HubSpotErrors {

    /** The message HubSpot answers a missing, unknown or expired token with. */
    static final String AUTH_MESSAGE = "Authentication credentials not found. This API supports OAuth 2.0 "
            + "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    private HubSpotErrors() {
    }

    /** 400 {"status":"error","message":..,"category":"VALIDATION_ERROR","correlationId":..}: nothing applied. */
    static FakeHttpException validation(String message) {
        return new FakeHttpException(FakeResponse.json(400, error(message, "VALIDATION_ERROR")));
    }

    static FakeResponse unauthorized() {
        return FakeResponse.json(401, error(AUTH_MESSAGE, "INVALID_AUTHENTICATION"));
    }

    /** 429 of the usage guidelines; {@code errorType} and {@code policyName} instead of a category. */
    static FakeResponse rateLimited(HubSpotLimit limit) {
        ObjectNode body = Json.object()
                .put("status", "error")
                .put("message", limit.message())
                .put("errorType", "RATE_LIMIT")
                .put("correlationId", correlationId())
                .put("policyName", limit.name());
        return FakeResponse.json(429, body);
    }

    /** A status fault (500, 503) in HubSpot's error shape. */
    static FakeResponse serverError(int status, String category) {
        return FakeResponse.json(status, error("injected fault", category));
    }

    private static ObjectNode error(String message, String category) {
        return Json.object()
                .put("status", "error")
                .put("message", message)
                .put("category", category)
                .put("correlationId", correlationId());
    }

    static String correlationId() {
        return UUID.randomUUID().toString();
    }
}
