package io.outflow.connect.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.RecordOutcome;
import io.outflow.connect.common.destination.Step;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class HubSpotOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HubSpotUpsert upsert = new HubSpotUpsert("contacts", "email", KeyNormalizer.CASE_INSENSITIVE, 100,
            1 << 20);
    private final HubSpotDelete delete = new HubSpotDelete("contacts", "email", KeyNormalizer.CASE_INSENSITIVE, 100);

    private static HttpResult answer(int status, String json) {
        return new HttpResult(status, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(io.outflow.connect.common.destination.HttpRequestSpec request) throws Exception {
        return JSON.readTree(request.body());
    }

    private Item contact(String email, String firstName) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("firstname", firstName);
        return upsert.prepare(email, properties);
    }

    @Test
    void theIdPropertyGoesInsideEachInput() throws Exception {
        Call call = upsert.newCall(List.of(contact("a@x.com", "A"), contact("b@x.com", "B")));
        assertEquals("POST /crm/v3/objects/contacts/batch/upsert", call.firstRequest().toString());
        JsonNode inputs = body(call.firstRequest()).get("inputs");
        assertEquals(2, inputs.size());
        assertEquals("email", inputs.get(0).get("idProperty").asText());
        assertEquals("a@x.com", inputs.get(0).get("id").asText());
        assertEquals("A", inputs.get(0).get("properties").get("firstname").asText());
    }

    @Test
    void a200DeliversEveryInput() {
        Call call = upsert.newCall(List.of(contact("a@x.com", "A")));
        Step step = call.onResponse(answer(200, "{\"status\":\"COMPLETE\",\"results\":[]}"));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED), kinds(step));
    }

    @Test
    void a207DeadLettersTheInputsItsErrorsNameCaseInsensitively() {
        Call call = upsert.newCall(List.of(contact("a@x.com", "A"), contact("bad@x", "B"), contact("c@x.com", "C")));
        Step step = call.onResponse(answer(207, "{\"status\":\"COMPLETE\",\"results\":[],\"numErrors\":1,"
                + "\"errors\":[{\"status\":\"error\",\"category\":\"VALIDATION_ERROR\",\"message\":\"Email invalid\","
                + "\"context\":{\"ids\":[\"BAD@X\"]},\"errors\":[{\"message\":\"x\",\"code\":\"INVALID_EMAIL\","
                + "\"in\":\"email\"}]}]}"));
        List<RecordOutcome> outcomes = ((Step.Complete) step).outcomes();
        assertEquals(RecordOutcome.Kind.DELIVERED, outcomes.get(0).kind());
        assertEquals(RecordOutcome.Kind.DEAD_LETTER, outcomes.get(1).kind());
        assertEquals("VALIDATION_ERROR", outcomes.get(1).reason().code());
        assertEquals("email", outcomes.get(1).reason().field());
        assertEquals(207, outcomes.get(1).reason().httpStatus());
        assertEquals(RecordOutcome.Kind.DELIVERED, outcomes.get(2).kind());
    }

    @Test
    void anErrorNamingNoInputRetriesTheUnconfirmedInputsAloneAndNeverGuesses() {
        Call call = upsert.newCall(List.of(contact("a@x.com", "A"), contact("b@x.com", "B")));
        Step step = call.onResponse(answer(207, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"1\","
                + "\"properties\":{\"email\":\"A@X.COM\"}}],\"numErrors\":1,\"errors\":[{\"status\":\"error\","
                + "\"category\":\"VALIDATION_ERROR\",\"message\":\"something\"}]}"));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.RETRY), kinds(step));
    }

    @Test
    void deleteReadsIdsWithATopLevelIdPropertyThenArchivesThem() throws Exception {
        Call call = delete.newCall(List.of(delete.prepare("a@x.com", Map.of()), delete.prepare("gone@x.com", Map.of())));
        JsonNode read = body(call.firstRequest());
        assertEquals("POST /crm/v3/objects/contacts/batch/read", call.firstRequest().toString());
        assertEquals("email", read.get("idProperty").asText());
        assertEquals("a@x.com", read.get("inputs").get(0).get("id").asText());

        Step next = call.onResponse(answer(207, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"1001\","
                + "\"properties\":{\"email\":\"a@x.com\"}}],\"errors\":[{\"status\":\"error\",\"category\":"
                + "\"OBJECT_NOT_FOUND\",\"message\":\"not found\",\"context\":{\"ids\":[\"gone@x.com\"]}}]}"));
        Step.Next archive = assertInstanceOf(Step.Next.class, next);
        assertEquals("POST /crm/v3/objects/contacts/batch/archive", archive.request().toString());
        assertEquals("1001", JSON.readTree(archive.request().body()).get("inputs").get(0).get("id").asText());

        Step done = call.onResponse(answer(204, ""));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED), kinds(done),
                "a key HubSpot does not know counts as deleted");
    }

    @Test
    void deletingOnlyUnknownKeysNeedsNoArchive() {
        Call call = delete.newCall(List.of(delete.prepare("gone@x.com", Map.of())));
        Step step = call.onResponse(answer(207, "{\"status\":\"COMPLETE\",\"results\":[],\"errors\":[{\"status\":"
                + "\"error\",\"category\":\"OBJECT_NOT_FOUND\",\"message\":\"x\",\"context\":{\"ids\":[\"gone@x.com\"]}}]}"));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED), kinds(step));
    }

    private static List<RecordOutcome.Kind> kinds(Step step) {
        return ((Step.Complete) step).outcomes().stream().map(RecordOutcome::kind).toList();
    }
}
