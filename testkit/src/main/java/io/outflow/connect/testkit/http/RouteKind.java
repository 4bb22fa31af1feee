package io.outflow.connect.testkit.http;

/** Which of the server's checks apply to a route. */
public enum RouteKind {
    /** Read-only views for tests and the demo: no auth, no rate limit, no latency, no faults, never down. */
    INSPECTION,
    /** A vendor endpoint: auth, rate limit, latency and the down switch apply, random faults do not. */
    NORMAL,
    /** A vendor endpoint that random faults may also hit (writes and job polls). */
    FAULTABLE,
    /**
     * A vendor endpoint outside the API's auth and rate limit, that checks its own credentials (an OAuth token
     * endpoint): latency and the down switch apply; auth, the rate window and random faults do not.
     */
    OPEN
}
