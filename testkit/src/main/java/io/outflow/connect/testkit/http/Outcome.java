package io.outflow.connect.testkit.http;

/**
 * What the pipeline decided for one request: an answer, or a dropped connection (response null),
 * and the fault injected if any.
 */
record Outcome(FakeResponse response, FaultKind fault) {

    static Outcome answer(FakeResponse response, FaultKind fault) {
        return new Outcome(response, fault);
    }

    static Outcome drop(FaultKind fault) {
        return new Outcome(null, fault);
    }

    boolean dropped() {
        return response == null;
    }

    int status() {
        return dropped() ? LoggedRequest.NO_RESPONSE : response.status();
    }
}
