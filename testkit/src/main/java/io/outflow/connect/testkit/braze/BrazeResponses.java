package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;

import java.util.Locale;

/**
 * Builds every answer of the fake with header names in one case: lower case like Braze over HTTP/2 ("HTTP
 * headers will be returned in all lowercase characters", braze-docs {@code api_limits.md}) or the documented
 * {@code X-RateLimit-Limit} style.
 * <p>
 * The case is kept in the {@link FakeResponse}, but the JDK HttpServer under {@code FakeHttpServer} rewrites
 * every name on the wire to an upper-case first letter and lower case after it ({@code X-ratelimit-limit}),
 * whichever case is asked for. So over a socket neither Braze's lower case nor the documented mixed case
 * appears, and a client that looks either name up case-sensitively fails against this fake, as it should.
 */
final class BrazeResponses {

    private final boolean lowercase;

    BrazeResponses(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** The header name as this fake sends it, from its documented spelling. */
    String header(String documentedName) {
        return lowercase ? documentedName.toLowerCase(Locale.ROOT) : documentedName;
    }

    FakeResponse json(int status, ObjectNode body) {
        return FakeResponse.empty(status).withBody(Json.bytes(body))
                .withHeader(header(FakeResponse.CONTENT_TYPE), FakeResponse.APPLICATION_JSON);
    }

    /** {"message": text}: the shape of every Braze error answer without per-object detail. */
    FakeResponse message(int status, String message) {
        return json(status, Json.object().put("message", message));
    }

    FakeResponse fatal(BrazeFatal fatal) {
        return json(400, fatal.toJson());
    }
}
