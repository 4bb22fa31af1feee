package io.outflow.connect.testkit.braze;

/**
 * A value or the Braze error {@code type} text explaining why there is none: per-object validation yields one
 * of these so a bad object becomes an entry of {@code errors} instead of stopping the request.
 */
record Check<T>(T value, String error) {

    static <T> Check<T> ok(T value) {
        return new Check<>(value, null);
    }

    static <T> Check<T> fail(String error) {
        return new Check<>(null, error);
    }

    boolean failed() {
        return error != null;
    }
}
