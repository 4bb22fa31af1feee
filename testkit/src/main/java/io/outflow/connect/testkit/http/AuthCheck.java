package io.outflow.connect.testkit.http;

/**
 * Decides whether a request is authenticated. A request failing it gets the server's 401 answer.
 * Implementations keep their credentials mutable so tests can simulate expiry and rotation.
 */
@FunctionalInterface
public interface AuthCheck {

    /** Lets every request through (the default). */
    AuthCheck NONE = request -> true;

    boolean authorized(FakeRequest request);
}
