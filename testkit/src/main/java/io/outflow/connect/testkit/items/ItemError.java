package io.outflow.connect.testkit.items;

/** Why one item of a batch was rejected: {"code":..,"message":..,"field":..}. */
record ItemError(String code, String message, String field) {

    static ItemError invalidEmail() {
        return new ItemError("INVALID_EMAIL", "email must contain @", "email");
    }

    static ItemError outOfRange() {
        return new ItemError("OUT_OF_RANGE", "score must be a number between 0 and 100", "score");
    }
}
