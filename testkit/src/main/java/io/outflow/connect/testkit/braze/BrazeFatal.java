package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.List;

/**
 * A whole-request error: 400 {@code {"message":<fatal error message>,"errors":[..]}} and nothing applied
 * (braze-docs {@code post_user_track.md}, "Message with fatal errors"). Thrown from any depth of parsing.
 */
final class BrazeFatal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ObjectNode> errors;
    private final boolean withErrors;

    private BrazeFatal(String message, List<ObjectNode> errors, boolean withErrors) {
        super(message);
        this.errors = List.copyOf(errors);
        this.withErrors = withErrors;
    }

    /** A /users/track fatal error; {@code errors} are per-object errors or one {"type": detail}. */
    static BrazeFatal track(String message, List<ObjectNode> errors) {
        return new BrazeFatal(message, errors, true);
    }

    /** A /users/track fatal error explained by one detail text. */
    static BrazeFatal track(String message, String detail) {
        return track(message, List.of(Json.object().put("type", detail)));
    }

    /** A /users/delete 400: {"message": ..} only (its docs show no error body at all). */
    static BrazeFatal delete(String message) {
        return new BrazeFatal(message, List.of(), false);
    }

    ObjectNode toJson() {
        ObjectNode body = Json.object().put("message", getMessage());
        if (withErrors) {
            errors.forEach(body.putArray("errors")::add);
        }
        return body;
    }
}
