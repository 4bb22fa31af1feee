package io.outflow.connect.common.destination;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Call} says after reading a response: the batch is finished with one outcome per record, or the
 * conversation goes on with another request (poll an async job, archive after a lookup), or this step failed.
 */
public abstract class Step {
    private Step() {
    }

    /** Every record of the batch has an outcome, in batch order. */
    public static Step complete(List<RecordOutcome> outcomes) {
        return new Complete(outcomes);
    }

    /** Every record of the batch was delivered. */
    public static Step allDelivered(int batchSize) {
        return new Complete(java.util.Collections.nCopies(batchSize, RecordOutcome.delivered()));
    }

    /** Send {@code request} after {@code delayMillis}; the batch's records stay in flight. */
    public static Step next(HttpRequestSpec request, long delayMillis) {
        return new Next(request, delayMillis);
    }

    public static Step fail(Failure failure) {
        return new Fail(failure);
    }

    /** The batch is done. */
    public static final class Complete extends Step {
        private final List<RecordOutcome> outcomes;

        private Complete(List<RecordOutcome> outcomes) {
            this.outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
        }

        public List<RecordOutcome> outcomes() {
            return outcomes;
        }
    }

    /** Another request of the same conversation. */
    public static final class Next extends Step {
        private final HttpRequestSpec request;
        private final long delayMillis;

        private Next(HttpRequestSpec request, long delayMillis) {
            this.request = Objects.requireNonNull(request, "request");
            this.delayMillis = Math.max(0, delayMillis);
        }

        public HttpRequestSpec request() {
            return request;
        }

        public long delayMillis() {
            return delayMillis;
        }
    }

    /** This step failed; the engine decides by the failure's kind. */
    public static final class Fail extends Step {
        private final Failure failure;

        private Fail(Failure failure) {
            this.failure = Objects.requireNonNull(failure, "failure");
        }

        public Failure failure() {
            return failure;
        }
    }
}
