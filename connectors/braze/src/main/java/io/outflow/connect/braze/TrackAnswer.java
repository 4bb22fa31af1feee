package io.outflow.connect.braze;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RecordOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a successful (2xx) /users/track answer into one outcome per object. Braze answers
 * {@code {"message":"success","errors":[..]}} when some objects are bad, and "records not named in errors are still
 * processed" (destinations.md, Braze): each error names its object by {@code index} within {@code input_array}, so
 * that record goes to the DLQ with Braze's text and the others are delivered, never sent again. During maintenance
 * Braze answers 202 {@code {"message":"queued"}}: it has taken the whole request and reports no per-object result.
 *
 * <p>An error that names no object of the request (no index, an index out of range, another array) cannot be
 * placed. For attributes the objects it might be about are sent again one by one, which is harmless because
 * attributes are idempotent; for events and purchases sending again would record the accepted ones twice, so they
 * count as delivered and a WARN says how many errors could not be placed.
 */
final class TrackAnswer {
    private static final Logger log = LoggerFactory.getLogger(TrackAnswer.class);

    private TrackAnswer() {
    }

    static List<RecordOutcome> outcomes(HttpResult response, RecordType type, int batchSize) {
        List<RecordOutcome> outcomes = new ArrayList<>(Collections.nCopies(batchSize, RecordOutcome.delivered()));
        int unplaced = 0;
        for (JsonNode error : response.json().path("errors")) {
            int index = indexIn(error, type, batchSize);
            if (index < 0) {
                unplaced++;
            } else if (outcomes.get(index).kind() == RecordOutcome.Kind.DELIVERED) {
                outcomes.set(index, RecordOutcome.deadLetter(Reason.of(response.status(), null,
                        BrazeErrors.text(error))));
            }
        }
        if (unplaced > 0) {
            unplaced(outcomes, type, unplaced, response.status());
        }
        return outcomes;
    }

    /** The error's object position in this request, or -1 when it names none of ours. */
    private static int indexIn(JsonNode error, RecordType type, int batchSize) {
        JsonNode index = error.path("index");
        String array = error.path("input_array").asText(type.array());
        if (!index.canConvertToInt() || !index.isIntegralNumber() || !type.array().equals(array)) {
            return -1;
        }
        int i = index.intValue();
        return i >= 0 && i < batchSize ? i : -1;
    }

    private static void unplaced(List<RecordOutcome> outcomes, RecordType type, int unplaced, int status) {
        if (type.appends()) {
            log.warn("Braze reported {} error(s) that name no object of a request of {} {}; Braze processed the "
                    + "objects its errors do not name, so none is sent again (that would record them twice)",
                    unplaced, outcomes.size(), type.array());
            return;
        }
        Reason retry = Reason.of(status, "UNPLACED_ERROR", "Braze reported an error that names no object of the request");
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).kind() == RecordOutcome.Kind.DELIVERED) {
                outcomes.set(i, RecordOutcome.retry(retry));
            }
        }
    }
}
