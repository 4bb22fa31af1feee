package io.outflow.connect.testkit.http;

/**
 * Thrown by a handler (or by {@link FakeRequest#json()}) to end the request early with a given answer,
 * so validation code can bail out from any depth without threading responses back up.
 */
public final class FakeHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FakeResponse response;

    public FakeHttpException(FakeResponse response) {
        super("HTTP " + response.status() + ": " + response.bodyAsString());
        this.response = response;
    }

    public static FakeHttpException error(int status, String code, String message) {
        return new FakeHttpException(FakeResponse.error(status, code, message));
    }

    public FakeResponse response() {
        return response;
    }
}
