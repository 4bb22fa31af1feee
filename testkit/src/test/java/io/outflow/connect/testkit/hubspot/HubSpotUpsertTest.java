package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.assertJson;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.contact;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.inputs;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotUpsertTest {

    private HubSpotTestClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private HubSpotTestClient start(UnaryOperator<HubSpotFake.Builder> options) {
        client = new HubSpotTestClient(options);
        return client;
    }

    @Test
    void upsertCreatesThenMergesAndEmptyStringClears() throws Exception {
        start(b -> b);
        HttpResponse<String> created = client.upsert("contacts", inputs(
                contact("a@x.com", "firstname", "A", "lastname", "Smith"),
                contact("b@x.com", "firstname", "B")));
        assertEquals(200, created.statusCode());
        assertJson("{\"status\":\"COMPLETE\",\"results\":["
                + "{\"id\":\"1001\",\"new\":true,\"properties\":{\"firstname\":\"A\",\"lastname\":\"Smith\","
                + "\"email\":\"a@x.com\",\"hs_object_id\":\"1001\"},\"createdAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"archived\":false},"
                + "{\"id\":\"1002\",\"new\":true,\"properties\":{\"firstname\":\"B\",\"email\":\"b@x.com\","
                + "\"hs_object_id\":\"1002\"},\"createdAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"archived\":false}],"
                + "\"startedAt\":\"2030-01-01T00:00:00.000Z\",\"completedAt\":\"2030-01-01T00:00:00.000Z\"}",
                json(created));

        client.clock.advanceMillis(1500);
        HttpResponse<String> updated = client.upsert("contacts",
                inputs(contact("a@x.com", "firstname", "Anna", "lastname", "", "phone", "123")));
        assertEquals(200, updated.statusCode());
        JsonNode result = json(updated).path("results").path(0);
        assertEquals("1001", result.path("id").asText());
        assertFalse(result.path("new").asBoolean());
        assertJson("{\"firstname\":\"Anna\",\"email\":\"a@x.com\",\"phone\":\"123\",\"hs_object_id\":\"1001\"}",
                result.path("properties"));
        assertEquals("2030-01-01T00:00:00.000Z", result.path("createdAt").asText());
        assertEquals("2030-01-01T00:00:01.500Z", result.path("updatedAt").asText());

        assertEquals(Map.of("firstname", "Anna", "email", "a@x.com", "phone", "123"),
                client.fake.object("contacts", "a@x.com").orElseThrow());
        assertEquals(List.of("a@x.com", "b@x.com"), List.copyOf(client.fake.objects("contacts").keySet()));
        assertEquals(2, client.fake.writeCount("contacts", "a@x.com"));
        assertEquals(1, client.fake.writeCount("contacts", "b@x.com"));
        assertEquals(3, client.fake.totalApplied());
        assertEquals("1001", client.fake.internalId("contacts", "a@x.com").orElseThrow());
    }

    @Test
    void emailsMatchIgnoringCaseAndAreStoredLowerCased() throws Exception {
        start(b -> b);
        client.upsert("contacts", inputs(contact("Anna@Example.com", "firstname", "A")));
        HttpResponse<String> again = client.upsert("contacts", inputs(contact("ANNA@example.COM", "lastname", "B")));
        JsonNode result = json(again).path("results").path(0);
        assertEquals("1001", result.path("id").asText());
        assertFalse(result.path("new").asBoolean());
        assertEquals("anna@example.com", result.path("properties").path("email").asText());
        assertEquals(Map.of("anna@example.com", Map.of("email", "anna@example.com", "firstname", "A", "lastname", "B")),
                client.fake.objects("contacts"));
        assertEquals(2, client.fake.writeCount("contacts", "Anna@EXAMPLE.com"));
    }

    @Test
    void otherUniquePropertiesMatchExactlyAndTypesAreSeparate() throws Exception {
        start(b -> b);
        String company = "{\"idProperty\":\"domain\",\"id\":\"%s\",\"properties\":{\"name\":\"%s\"}}";
        client.upsert("companies", inputs(company.formatted("acme.com", "Acme")));
        HttpResponse<String> other = client.upsert("companies", inputs(company.formatted("ACME.com", "Other")));
        assertTrue(json(other).path("results").path(0).path("new").asBoolean(), "exact match only");
        client.upsert("0-1", inputs(contact("a@x.com")));
        assertEquals(Set.of("acme.com", "ACME.com"), client.fake.objects("companies").keySet());
        assertEquals(Set.of("a@x.com"), client.fake.objects("contacts").keySet(), "0-1 is contacts");
        assertEquals("1003", client.fake.internalId("contacts", "a@x.com").orElseThrow(), "ids count across types");
    }

    @Test
    void moreThanMaxInputsIs400AndNothingApplied() throws Exception {
        start(b -> b);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(contact("c" + i + "@x.com"));
        }
        HttpResponse<String> response = client.upsert("contacts", inputs(many.toArray(String[]::new)));
        assertEquals(400, response.statusCode());
        assertValidationError(json(response));
        assertTrue(client.fake.objects("contacts").isEmpty());
        assertEquals(200, client.upsert("contacts", inputs(many.subList(0, 100).toArray(String[]::new))).statusCode());
        assertEquals(100, client.fake.objects("contacts").size());
    }

    @Test
    void maxBatchInputsIsConfigurable() throws Exception {
        start(b -> b.maxBatchInputs(2));
        assertEquals(400, client.upsert("contacts",
                inputs(contact("a@x.com"), contact("b@x.com"), contact("c@x.com"))).statusCode());
        assertEquals(400, client.archive("contacts", "{\"inputs\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"}]}")
                .statusCode());
    }

    @Test
    void duplicateIdsDifferingOnlyByCaseAre400AndNothingApplied() throws Exception {
        start(b -> b);
        HttpResponse<String> response = client.upsert("contacts",
                inputs(contact("a@x.com", "firstname", "A"), contact("b@x.com"), contact("A@X.com", "firstname", "B")));
        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertValidationError(body);
        assertEquals("Duplicate IDs found in batch input: [a@x.com]", body.path("message").asText());
        assertTrue(client.fake.objects("contacts").isEmpty());
        assertEquals(0, client.fake.totalApplied());
    }

    @Test
    void missingIdOrIdPropertyOrPropertiesOrBadJsonIs400() throws Exception {
        start(b -> b);
        for (String body : List.of(
                inputs(contact("ok@x.com"), "{\"id\":\"a@x.com\",\"properties\":{}}"),
                inputs("{\"idProperty\":\"email\",\"properties\":{}}"),
                inputs("{\"idProperty\":\"email\",\"id\":\"\",\"properties\":{}}"),
                inputs("{\"idProperty\":\"email\",\"id\":\"a@x.com\"}"),
                "{\"idProperty\":\"email\",\"inputs\":[{\"id\":\"a@x.com\",\"properties\":{}}]}",
                "{\"things\":[]}",
                "not json")) {
            HttpResponse<String> response = client.upsert("contacts", body);
            assertEquals(400, response.statusCode(), body);
            assertValidationError(json(response));
        }
        assertTrue(client.fake.objects("contacts").isEmpty());
    }

    @Test
    void nonStringPropertyValuesAre400AndNothingApplied() throws Exception {
        start(b -> b);
        for (String value : List.of("42", "true", "null", "{\"a\":1}")) {
            HttpResponse<String> response = client.upsert("contacts", inputs(contact("ok@x.com"),
                    "{\"idProperty\":\"email\",\"id\":\"a@x.com\",\"properties\":{\"age\":" + value + "}}"));
            assertEquals(400, response.statusCode(), value);
            assertValidationError(json(response));
        }
        assertTrue(client.fake.objects("contacts").isEmpty());
    }

    @Test
    void invalidEmailGives207NamingTheInputByIdOnly() throws Exception {
        start(b -> b);
        HttpResponse<String> response = client.upsert("contacts", inputs(
                contact("good@x.com", "firstname", "G"),
                contact("not an email"),
                contact("ok@x.com", "email", "ok@x.com"),
                "{\"idProperty\":\"external_id\",\"id\":\"E-1\",\"properties\":{\"email\":\"nope@\"}}"));
        assertEquals(207, response.statusCode());
        JsonNode body = json(response);
        assertEquals("COMPLETE", body.path("status").asText());
        assertEquals(2, body.path("numErrors").asInt());
        assertEquals(2, body.path("results").size());
        assertEquals("good@x.com", body.path("results").path(0).path("properties").path("email").asText());
        JsonNode first = body.path("errors").path(0);
        assertJson("{\"status\":\"error\",\"category\":\"VALIDATION_ERROR\",\"message\":\"Property values were not valid: "
                + "[{\\\"isValid\\\":false,\\\"message\\\":\\\"Email address not an email is invalid\\\","
                + "\\\"error\\\":\\\"INVALID_EMAIL\\\",\\\"name\\\":\\\"email\\\"}]\","
                + "\"context\":{\"ids\":[\"not an email\"]},"
                + "\"errors\":[{\"message\":\"Email address not an email is invalid\",\"code\":\"INVALID_EMAIL\","
                + "\"in\":\"email\"}]}", first);
        assertFalse(first.has("index"), "HubSpot errors carry no input index");
        assertJson("[\"E-1\"]", body.path("errors").path(1).path("context").path("ids"));
        assertEquals(Set.of("good@x.com", "ok@x.com"), client.fake.objects("contacts").keySet());
        assertEquals(2, client.fake.totalApplied());
    }

    @Test
    void typedPropertiesAreChecked() throws Exception {
        start(b -> b.dateProperties(Set.of("birthday")).datetimeProperties(Set.of("seen_at"))
                .numberProperties(Set.of("score")));
        long midnight = 1_893_456_000_000L; // 2030-01-01T00:00:00Z
        HttpResponse<String> response = client.upsert("contacts", inputs(
                contact("date-ok@x.com", "birthday", Long.toString(midnight), "seen_at", "1893456000123",
                        "score", "-12.50"),
                contact("date-noon@x.com", "birthday", Long.toString(midnight + 43_200_000L)),
                contact("date-iso@x.com", "birthday", "2030-01-01"),
                contact("dt-bad@x.com", "seen_at", "2030-01-01T00:00:00Z"),
                contact("num-exp@x.com", "score", "1e3"),
                contact("cleared@x.com", "birthday", "", "score", "")));
        assertEquals(207, response.statusCode());
        JsonNode body = json(response);
        assertEquals(4, body.path("numErrors").asInt());
        assertEquals(Set.of("date-ok@x.com", "cleared@x.com"), client.fake.objects("contacts").keySet());
        assertError(body.path("errors").path(0), "date-noon@x.com", "INVALID_DATE", "birthday");
        assertEquals("1893499200000 is at 12:00:00.000 UTC, not midnight!",
                body.path("errors").path(0).path("errors").path(0).path("message").asText());
        assertError(body.path("errors").path(1), "date-iso@x.com", "INVALID_DATE", "birthday");
        assertError(body.path("errors").path(2), "dt-bad@x.com", "INVALID_DATETIME", "seen_at");
        assertError(body.path("errors").path(3), "num-exp@x.com", "INVALID_NUMBER", "score");
    }

    @Test
    void errorsWithoutIdsLeavesContextOut() throws Exception {
        start(b -> b.errorsWithoutIds(true));
        HttpResponse<String> response = client.upsert("contacts", inputs(contact("bad"), contact("good@x.com")));
        assertEquals(207, response.statusCode());
        JsonNode error = json(response).path("errors").path(0);
        assertFalse(error.has("context"));
        assertEquals("INVALID_EMAIL", error.path("errors").path(0).path("code").asText());
        assertEquals(1, client.fake.totalApplied());
    }

    private static void assertError(JsonNode error, String id, String code, String property) {
        assertEquals("VALIDATION_ERROR", error.path("category").asText(), error.toString());
        assertEquals(id, error.path("context").path("ids").path(0).asText(), error.toString());
        assertEquals(code, error.path("errors").path(0).path("code").asText(), error.toString());
        assertEquals(property, error.path("errors").path(0).path("in").asText(), error.toString());
    }

    static void assertValidationError(JsonNode body) {
        assertEquals("error", body.path("status").asText(), body.toString());
        assertEquals("VALIDATION_ERROR", body.path("category").asText(), body.toString());
        assertFalse(body.path("message").asText().isEmpty(), body.toString());
        assertEquals(36, body.path("correlationId").asText().length(), body.toString());
    }
}
