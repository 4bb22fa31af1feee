package io.outflow.connect.common.auth;

import io.outflow.connect.common.destination.Failure;

/**
 * Credentials could not be obtained: a token endpoint refused the refresh (fatal: the user must fix the
 * configuration) or could not be reached (transient: retried like any request). The message names the
 * configuration to check, never a secret.
 */
public class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public AuthenticationException(Failure failure) {
        super(failure.reason().toString(), null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
