package io.outflow.connect.common.testdest;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RecordOutcome;

import java.util.ArrayList;
import java.util.List;

/** Reads the items API's {@code results} array (one entry per input, by index) into outcomes. */
final class ItemsResults {
    private ItemsResults() {
    }

    static List<RecordOutcome> read(int status, JsonNode results, int batchSize) {
        List<RecordOutcome> outcomes = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            outcomes.add(null);
        }
        for (JsonNode result : results) {
            int index = result.path("index").asInt(-1);
            if (index < 0 || index >= batchSize) {
                continue;
            }
            if ("ok".equals(result.path("status").asText())) {
                outcomes.set(index, RecordOutcome.delivered());
            } else {
                JsonNode error = result.path("error");
                outcomes.set(index, RecordOutcome.deadLetter(Reason.of(status, error.path("code").asText(),
                        error.path("message").asText()).withField(error.path("field").asText(null))));
            }
        }
        for (int i = 0; i < batchSize; i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, RecordOutcome.retry(Reason.of(status, "NO_RESULT", "no result for this input")));
            }
        }
        return outcomes;
    }
}
