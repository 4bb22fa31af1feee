package io.outflow.connect.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RecordOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a completed job's {@code results} into one outcome per input. Results come in request order
 * (destinations.md, Zendesk "Partial success", confirmed by a Zendesk developer advocate); an entry that carries an
 * {@code index} (spec, CreateResourceResult) is matched by it, any other by its position. An input with no result
 * is sent again alone rather than guessed. A failed entry ({@code "success":false}, or {@code "status":"Failed"})
 * carries Zendesk's {@code error} and {@code details} (destinations.md, Zendesk appendix), which go to the DLQ.
 */
enum JobResults {
    /** create_or_update_many: a failed entry is a refused record. */
    UPSERT,
    /**
     * destroy_many: the facts do not say how an id that matches nothing is reported; an entry failing with
     * RecordNotFound means there is nothing left to delete, which is what the tombstone asks for.
     */
    DELETE;

    static final String NOT_FOUND = "RecordNotFound";

    List<RecordOutcome> read(int httpStatus, JsonNode results, int batchSize) {
        List<RecordOutcome> outcomes = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            outcomes.add(null);
        }
        int position = 0;
        for (JsonNode entry : results) {
            JsonNode index = entry.get("index");
            int at = index != null && index.canConvertToInt() ? index.intValue() : position;
            position++;
            if (at >= 0 && at < batchSize && outcomes.get(at) == null) {
                outcomes.set(at, outcome(httpStatus, entry));
            }
        }
        for (int i = 0; i < batchSize; i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, RecordOutcome.retry(Reason.of(httpStatus, "NO_RESULT",
                        "Zendesk's job reported no result for this input")));
            }
        }
        return outcomes;
    }

    private RecordOutcome outcome(int httpStatus, JsonNode entry) {
        if (!failed(entry)) {
            return RecordOutcome.delivered();
        }
        String error = entry.path("error").asText("");
        if (this == DELETE && NOT_FOUND.equals(error)) {
            return RecordOutcome.delivered();
        }
        return RecordOutcome.deadLetter(Reason.of(httpStatus, error.isEmpty() ? "Failed" : error, details(entry)));
    }

    private static boolean failed(JsonNode entry) {
        JsonNode success = entry.get("success");
        if (success != null && success.isBoolean()) {
            return !success.booleanValue();
        }
        return "failed".equalsIgnoreCase(entry.path("status").asText("")) || entry.hasNonNull("error");
    }

    private static String details(JsonNode entry) {
        JsonNode details = entry.get("details");
        if (details == null || details.isNull()) {
            return entry.path("status").asText("the job reported a failure for this input");
        }
        return details.isValueNode() ? details.asText() : details.toString();
    }
}
