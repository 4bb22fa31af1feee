package io.outflow.connect.testkit.http;

import java.time.Instant;

/**
 * One request as the server saw and answered it.
 *
 * @param at        when it arrived (server clock)
 * @param route     the matched route's name ("POST /v1/items/batch"), or null when no route matched
 * @param kind      the matched route's kind, or null when no route matched
 * @param status    the status answered, or {@link #NO_RESPONSE} when the connection was dropped
 * @param fault     the fault injected, or null
 * @param bodyBytes request body size
 */
public record LoggedRequest(Instant at, String method, String path, String route, RouteKind kind,
                            int status, FaultKind fault, int bodyBytes) {

    /** Status recorded for a request answered by closing the connection. */
    public static final int NO_RESPONSE = 0;

    public boolean dropped() {
        return status == NO_RESPONSE;
    }

    public boolean faulted() {
        return fault != null;
    }

    public boolean inspection() {
        return kind == RouteKind.INSPECTION;
    }
}
