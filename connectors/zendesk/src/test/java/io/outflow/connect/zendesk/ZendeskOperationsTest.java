package io.outflow.connect.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.RecordOutcome;
import io.outflow.connect.common.destination.Step;
import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZendeskOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PollSchedule POLLS = new PollSchedule(100, 400);

    private final UserUpsert users = new UserUpsert(ObjectFields.users("external_id",
            Set.copyOf(ZendeskConfig.USER_STANDARD_FIELDS)), 100, 1 << 20, POLLS);
    private final OrganizationUpsert organizations = new OrganizationUpsert(ObjectFields.organizations(
            Set.copyOf(ZendeskConfig.ORGANIZATION_STANDARD_FIELDS)), 1 << 20);
    private final DestroyMany userDeletes = new DestroyMany(DestroyMany.USERS_PATH, 100, POLLS);

    private static HttpResult answer(int status, String json) {
        return new HttpResult(status, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(HttpRequestSpec request) throws Exception {
        return JSON.readTree(request.body());
    }

    private Item user(String externalId, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("health_score", 87L);
        return users.prepare(externalId, fields);
    }

    private static String job(String status, String results) {
        return "{\"job_status\":{\"id\":\"8b726e606741012ffc2d782bcb7848fe\",\"url\":\"https://acme.zendesk.com/api/v2/"
                + "job_statuses/8b726e606741012ffc2d782bcb7848fe.json\",\"status\":\"" + status + "\",\"total\":3,"
                + "\"progress\":null,\"message\":" + ("failed".equals(status) ? "\"internal error\"" : "null")
                + ",\"results\":" + results + "}}";
    }

    private static List<RecordOutcome.Kind> kinds(Step step) {
        return assertInstanceOf(Step.Complete.class, step).outcomes().stream().map(RecordOutcome::kind).toList();
    }

    @Test
    void usersGoInOneCreateOrUpdateManyBody() throws Exception {
        Call call = users.newCall(List.of(user("u-1", "Ada"), user("u-2", "Grace")));
        assertEquals("POST /api/v2/users/create_or_update_many", call.firstRequest().toString());
        JsonNode body = body(call.firstRequest());
        assertEquals(2, body.get("users").size());
        JsonNode first = body.get("users").get(0);
        assertEquals("u-1", first.get("external_id").asText());
        assertEquals("Ada", first.get("name").asText());
        assertEquals(87, first.get("user_fields").get("health_score").asInt());
    }

    @Test
    void aQueuedJobIsPolledAtItsStatusPathWithGrowingDelays() {
        Call call = users.newCall(List.of(user("u-1", "Ada")));
        Step.Next first = assertInstanceOf(Step.Next.class, call.onResponse(answer(200, job("queued", "null"))));
        assertEquals("GET /api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe", first.request().toString());
        assertEquals(100, first.delayMillis());
        Step.Next second = assertInstanceOf(Step.Next.class, call.onResponse(answer(200, job("working", "null"))));
        assertEquals(200, second.delayMillis());
        call.onResponse(answer(200, job("working", "null")));
        Step.Next capped = assertInstanceOf(Step.Next.class, call.onResponse(answer(200, job("working", "null"))));
        assertEquals(400, capped.delayMillis());
    }

    @Test
    void completedResultsBecomeOutcomesInRequestOrderWithZendesksReason() {
        Call call = users.newCall(List.of(user("u-1", "Ada"), user("u-2", "Grace"), user("u-3", "Edsger")));
        call.onResponse(answer(200, job("queued", "null")));
        Step step = call.onResponse(answer(200, job("completed", "[{\"id\":1,\"action\":\"update\",\"status\":"
                + "\"Updated\",\"success\":true},{\"action\":\"create\",\"status\":\"Failed\",\"success\":false,"
                + "\"error\":\"UserUpdateError\",\"details\":\"Email: x is not properly formatted\"},{\"id\":3,"
                + "\"action\":\"create\",\"status\":\"Created\",\"success\":true}]")));
        List<RecordOutcome> outcomes = assertInstanceOf(Step.Complete.class, step).outcomes();
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DEAD_LETTER,
                RecordOutcome.Kind.DELIVERED), outcomes.stream().map(RecordOutcome::kind).toList());
        assertEquals("UserUpdateError", outcomes.get(1).reason().code());
        assertEquals("Email: x is not properly formatted", outcomes.get(1).reason().message());
    }

    @Test
    void resultsWithAnIndexAreMatchedByItAndMissingOnesAreRetriedAlone() {
        Call call = users.newCall(List.of(user("u-1", "Ada"), user("u-2", "Grace"), user("u-3", "Edsger")));
        Step step = call.onResponse(answer(200, job("completed", "[{\"index\":2,\"id\":3,\"status\":\"Created\","
                + "\"success\":true},{\"index\":0,\"status\":\"Failed\",\"success\":false,\"error\":"
                + "\"UserUpdateError\",\"details\":\"Name: cannot be blank\"}]")));
        assertEquals(List.of(RecordOutcome.Kind.DEAD_LETTER, RecordOutcome.Kind.RETRY, RecordOutcome.Kind.DELIVERED),
                kinds(step));
    }

    @Test
    void aFailedJobRestartsTheBatch() {
        Call call = users.newCall(List.of(user("u-1", "Ada")));
        call.onResponse(answer(200, job("queued", "null")));
        Step.Fail fail = assertInstanceOf(Step.Fail.class, call.onResponse(answer(200, job("failed", "null"))));
        assertEquals(Failure.Kind.RESTART, fail.failure().kind());
        assertTrue(fail.failure().reason().message().contains("internal error"));
    }

    @Test
    void anAnswerWithoutAJobRestartsTheBatch() {
        Call call = users.newCall(List.of(user("u-1", "Ada")));
        Step.Fail fail = assertInstanceOf(Step.Fail.class, call.onResponse(answer(200, "{}")));
        assertEquals(Failure.Kind.RESTART, fail.failure().kind());
    }

    @Test
    void aCompletedJobWithOnlyASuccessFlagDeliversEverything() {
        Call call = users.newCall(List.of(user("u-1", "Ada"), user("u-2", "Grace")));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED),
                kinds(call.onResponse(answer(200, job("completed", "{\"success\":true}")))));
    }

    @Test
    void deletesNameExternalIdsInTheQueryAndCountUnknownOnesAsDeleted() {
        Call call = userDeletes.newCall(List.of(userDeletes.prepare("u-1", Map.of()),
                userDeletes.prepare("u 2/é", Map.of())));
        assertEquals("DELETE /api/v2/users/destroy_many?external_ids=u-1,u+2%2F%C3%A9",
                call.firstRequest().toString());
        Step step = call.onResponse(answer(200, job("completed", "[{\"action\":\"delete\",\"id\":244,\"status\":"
                + "\"Deleted\",\"success\":true},{\"action\":\"delete\",\"external_id\":\"u 2/é\",\"status\":"
                + "\"Failed\",\"success\":false,\"error\":\"RecordNotFound\",\"details\":\"Not found\"}]")));
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED, RecordOutcome.Kind.DELIVERED), kinds(step));
    }

    @Test
    void aKeyWithACommaCannotBeDeletedAndSaysWhyWithoutTheValue() {
        RecordException e = assertThrows(RecordException.class, () -> userDeletes.prepare("a,b", Map.of()));
        assertTrue(e.getMessage().contains("comma"));
        assertTrue(!e.getMessage().contains("a,b"));
    }

    @Test
    void organizationsAreSentOneAtATimeAndAnyTwoHundredIsDelivered() throws Exception {
        assertEquals(1, organizations.maxBatchRecords());
        Item item = organizations.prepare("o-1", Map.of("name", "Acme"));
        Call call = organizations.newCall(List.of(item));
        assertEquals("POST /api/v2/organizations/create_or_update", call.firstRequest().toString());
        JsonNode organization = body(call.firstRequest()).get("organization");
        assertEquals("o-1", organization.get("external_id").asText());
        assertEquals("Acme", organization.get("name").asText());
        assertEquals(List.of(RecordOutcome.Kind.DELIVERED), kinds(call.onResponse(answer(201, "{\"organization\":"
                + "{\"id\":1}}"))));
    }
}
