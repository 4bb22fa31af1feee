package io.outflow.connect.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.RecordOutcome;
import io.outflow.connect.common.destination.Step;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tombstones → /users/delete, at most 50 identifiers of the connector's one identifier type per request. */
class BrazeDeleteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(BrazeDelete delete, String... keys) throws Exception {
        Call call = delete.newCall(java.util.Arrays.stream(keys).map(k -> delete.prepare(k, Map.of())).toList());
        assertEquals("POST /users/delete", call.firstRequest().toString());
        return JSON.readTree(call.firstRequest().body());
    }

    @Test
    void externalIdsGoInOneList() throws Exception {
        BrazeDelete delete = new BrazeDelete(new Identity(Identifier.EXTERNAL_ID, "", List.of()), 75, 1 << 20);
        JsonNode body = body(delete, "u1", "u2");
        assertEquals(1, body.size(), "one identifier type per request");
        assertEquals("u2", body.get("external_ids").get(1).asText());
    }

    @Test
    void emailsCarryTheConfiguredPrioritization() throws Exception {
        BrazeDelete delete = new BrazeDelete(new Identity(Identifier.EMAIL, "",
                List.of("identified", "most_recently_updated")), 75, 1 << 20);
        JsonNode entry = body(delete, "a@x.com").get("email_addresses").get(0);
        assertEquals("a@x.com", entry.get("email").asText());
        assertEquals("[\"identified\",\"most_recently_updated\"]", entry.get("prioritization").toString());
    }

    @Test
    void aliasesCarryTheConfiguredLabel() throws Exception {
        BrazeDelete delete = new BrazeDelete(new Identity(Identifier.USER_ALIAS, "warehouse_id", List.of()), 75,
                1 << 20);
        JsonNode alias = body(delete, "w-1").get("user_aliases").get(0);
        assertEquals("{\"alias_name\":\"w-1\",\"alias_label\":\"warehouse_id\"}", alias.toString());
    }

    @Test
    void atMostFiftyIdentifiersPerRequest() {
        Identity identity = new Identity(Identifier.EXTERNAL_ID, "", List.of());
        assertEquals(50, new BrazeDelete(identity, 75, 1 << 20).maxBatchRecords());
        assertEquals(20, new BrazeDelete(identity, 20, 1 << 20).maxBatchRecords());
    }

    @Test
    void anAcceptedRequestDeletesEveryIdentifierKnownOrNot() {
        BrazeDelete delete = new BrazeDelete(new Identity(Identifier.EXTERNAL_ID, "", List.of()), 50, 1 << 20);
        Call call = delete.newCall(List.of(delete.prepare("u1", Map.of()), delete.prepare("unknown", Map.of())));
        Step step = call.onResponse(new HttpResult(202, Map.of(),
                "{\"deleted\":1,\"message\":\"success\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED),
                ((Step.Complete) step).outcomes().stream().map(RecordOutcome::kind).toList());
    }
}
