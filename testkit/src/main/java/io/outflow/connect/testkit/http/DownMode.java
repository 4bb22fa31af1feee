package io.outflow.connect.testkit.http;

/** How a server that has been switched down fails every non-inspection request. */
public enum DownMode {
    /** Close the connection with no answer (a crashed host or a load balancer resetting). */
    DROP_CONNECTION,
    /** Answer 503 (a maintenance page or an overloaded upstream). */
    HTTP_503
}
