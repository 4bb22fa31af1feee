package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.assertJson;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.contact;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.inputs;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.json;
import static io.outflow.connect.testkit.hubspot.HubSpotUpsertTest.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotReadArchiveTest {

    private HubSpotTestClient client;

    @BeforeEach
    void start() throws Exception {
        client = new HubSpotTestClient(b -> b);
        assertEquals(200, client.upsert("contacts", inputs(
                contact("a@x.com", "firstname", "A"), contact("b@x.com", "firstname", "B"))).statusCode());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void readByEmailWhenAllFoundIs200WithRequestedProperties() throws Exception {
        HttpResponse<String> response = client.read("contacts", "{\"idProperty\":\"email\","
                + "\"inputs\":[{\"id\":\"A@x.com\"},{\"id\":\"b@x.com\"},{\"id\":\"a@x.com\"}],"
                + "\"properties\":[\"email\",\"lastname\"],\"propertiesWithHistory\":[]}");
        assertEquals(200, response.statusCode());
        assertJson("{\"status\":\"COMPLETE\",\"results\":["
                + "{\"id\":\"1001\",\"properties\":{\"email\":\"a@x.com\",\"lastname\":null,\"hs_object_id\":\"1001\"},"
                + "\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"archived\":false},"
                + "{\"id\":\"1002\",\"properties\":{\"email\":\"b@x.com\",\"lastname\":null,\"hs_object_id\":\"1002\"},"
                + "\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"archived\":false}],"
                + "\"startedAt\":\"2030-01-01T00:00:00.000Z\",\"completedAt\":\"2030-01-01T00:00:00.000Z\"}",
                json(response));
    }

    @Test
    void readWithIdsNotFoundIs207ObjectNotFoundNamingThem() throws Exception {
        HttpResponse<String> response = client.read("contacts", "{\"idProperty\":\"email\","
                + "\"inputs\":[{\"id\":\"a@x.com\"},{\"id\":\"X@y.com\"},{\"id\":\"z@y.com\"}],\"properties\":[]}");
        assertEquals(207, response.statusCode());
        JsonNode body = json(response);
        assertEquals(1, body.path("results").size());
        assertEquals(1, body.path("numErrors").asInt());
        assertJson("{\"status\":\"error\",\"category\":\"OBJECT_NOT_FOUND\",\"message\":\"Could not get some CONTACT "
                + "objects, they may be deleted or not exist. Check that ids are valid.\","
                + "\"context\":{\"ids\":[\"X@y.com\",\"z@y.com\"]}}", body.path("errors").path(0));
    }

    @Test
    void readWithoutIdPropertyUsesInternalIdsAndIgnoresAPerInputOne() throws Exception {
        HttpResponse<String> response = client.read("contacts", "{\"inputs\":[{\"id\":\"1002\"},"
                + "{\"idProperty\":\"email\",\"id\":\"a@x.com\"}],\"properties\":[\"firstname\"]}");
        assertEquals(207, response.statusCode(), "idProperty belongs at the top level of a read");
        JsonNode body = json(response);
        assertJson("{\"firstname\":\"B\",\"hs_object_id\":\"1002\"}", body.path("results").path(0).path("properties"));
        assertJson("[\"a@x.com\"]", body.path("errors").path(0).path("context").path("ids"));
    }

    @Test
    void readWithoutInputsOrPropertiesIs400() throws Exception {
        for (String body : List.of("{\"idProperty\":\"email\",\"properties\":[]}",
                "{\"idProperty\":\"email\",\"inputs\":[{\"id\":\"a@x.com\"}]}",
                "{\"inputs\":[{}],\"properties\":[]}")) {
            HttpResponse<String> response = client.read("contacts", body);
            assertEquals(400, response.statusCode(), body);
            assertValidationError(json(response));
        }
    }

    @Test
    void archiveIs204AndRemovesIgnoringUnknownIds() throws Exception {
        HttpResponse<String> response = client.archive("contacts", "{\"inputs\":[{\"id\":\"1001\"},{\"id\":\"999\"}]}");
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertEquals(Set.of("b@x.com"), client.fake.objects("contacts").keySet());
        assertEquals(List.of("1001", "999"), client.fake.archivedIds());
        assertTrue(client.fake.object("contacts", "a@x.com").isEmpty());

        assertEquals(207, client.read("contacts", "{\"inputs\":[{\"id\":\"1001\"}],\"properties\":[]}").statusCode());
        JsonNode recreated = json(client.upsert("contacts", inputs(contact("a@x.com")))).path("results").path(0);
        assertEquals("1003", recreated.path("id").asText(), "an archived object is gone: a new one is created");
        assertTrue(recreated.path("new").asBoolean());
        assertEquals(2, client.fake.writeCount("contacts", "a@x.com"), "write counts survive archiving");
    }

    @Test
    void archiveWithoutIdsIs400() throws Exception {
        HttpResponse<String> response = client.archive("contacts", "{\"inputs\":[{\"id\":\"1001\"},{}]}");
        assertEquals(400, response.statusCode());
        assertValidationError(json(response));
        assertEquals(2, client.fake.objects("contacts").size());
    }
}
