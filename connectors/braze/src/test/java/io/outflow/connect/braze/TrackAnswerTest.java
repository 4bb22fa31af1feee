package io.outflow.connect.braze;

import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.RecordOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 2xx /users/track answer → one outcome per object, matched by index within the request's array. */
class TrackAnswerTest {
    private static HttpResult answer(int status, String json) {
        return new HttpResult(status, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RecordOutcome.Kind> kinds(List<RecordOutcome> outcomes) {
        return outcomes.stream().map(RecordOutcome::kind).toList();
    }

    @Test
    void successDeliversEveryObject() {
        List<RecordOutcome> outcomes = TrackAnswer.outcomes(answer(201,
                "{\"message\":\"success\",\"attributes_processed\":3}"), RecordType.ATTRIBUTES, 3);
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED,
                RecordOutcome.Kind.DELIVERED), kinds(outcomes));
    }

    @Test
    void partialSuccessDeadLettersTheObjectsItsErrorsNameByIndexWithBrazesReason() {
        List<RecordOutcome> outcomes = TrackAnswer.outcomes(answer(201, "{\"message\":\"success\","
                + "\"events_processed\":2,\"errors\":[{\"type\":\"'time' is not valid\",\"input_array\":\"events\","
                + "\"index\":1},{\"type\":\"'name' is required\",\"input_array\":\"events\",\"index\":3}]}"),
                RecordType.EVENTS, 4);
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DEAD_LETTER,
                RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DEAD_LETTER), kinds(outcomes));
        assertEquals("'time' is not valid", outcomes.get(1).reason().message());
        assertEquals(201, outcomes.get(1).reason().httpStatus());
        assertEquals("'name' is required", outcomes.get(3).reason().message());
    }

    @Test
    void twoErrorsForOneObjectKeepTheFirst() {
        List<RecordOutcome> outcomes = TrackAnswer.outcomes(answer(201, "{\"message\":\"success\",\"errors\":["
                + "{\"type\":\"first\",\"input_array\":\"attributes\",\"index\":0},"
                + "{\"type\":\"second\",\"input_array\":\"attributes\",\"index\":0}]}"), RecordType.ATTRIBUTES, 2);
        assertEquals("first", outcomes.get(0).reason().message());
        assertEquals(RecordOutcome.Kind.DELIVERED, outcomes.get(1).kind());
    }

    @Test
    void anUnplacedErrorSendsAttributesAgainOneByOne() {
        List<RecordOutcome> outcomes = TrackAnswer.outcomes(answer(201, "{\"message\":\"success\",\"errors\":["
                + "{\"type\":\"bad\",\"input_array\":\"attributes\",\"index\":0},{\"type\":\"no index\"}]}"),
                RecordType.ATTRIBUTES, 3);
        assertEquals(List.of(RecordOutcome.Kind.DEAD_LETTER, RecordOutcome.Kind.RETRY, RecordOutcome.Kind.RETRY),
                kinds(outcomes));
    }

    @Test
    void anUnplacedErrorNeverSendsEventsAgainBecauseBrazeWouldCountThemTwice() {
        List<RecordOutcome> outcomes = TrackAnswer.outcomes(answer(201, "{\"message\":\"success\",\"errors\":["
                + "{\"type\":\"out of range\",\"input_array\":\"events\",\"index\":7},"
                + "{\"type\":\"other array\",\"input_array\":\"purchases\",\"index\":0}]}"), RecordType.EVENTS, 2);
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED), kinds(outcomes));
    }

    @Test
    void aQueuedAnswerDuringMaintenanceDeliversTheRequest() {
        List<RecordOutcome> outcomes = TrackAnswer.outcomes(answer(202, "{\"message\":\"queued\"}"),
                RecordType.PURCHASES, 2);
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED), kinds(outcomes));
    }
}
