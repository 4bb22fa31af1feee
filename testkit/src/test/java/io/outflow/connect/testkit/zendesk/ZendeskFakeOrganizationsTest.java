package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZendeskFakeOrganizationsTest extends ZendeskFakeTestSupport {

    private HttpResponse<String> upsert(String organization) throws Exception {
        return api.post("/api/v2/organizations/create_or_update", "{\"organization\":" + organization + "}");
    }

    @Test
    void createThenUpdateByExternalId() throws Exception {
        start(b -> b);
        HttpResponse<String> created = upsert("{\"external_id\":\"org-1\",\"name\":\"Acme\",\"details\":\"HQ\","
                + "\"domain_names\":[\"acme.test\"],\"tags\":[\"vip\"],\"organization_fields\":{\"tier\":\"gold\",\"seats\":5}}");
        assertEquals(201, created.statusCode());
        assertJson("{\"organization\":{\"created_at\":\"2030-01-01T00:00:00Z\",\"details\":\"HQ\","
                + "\"domain_names\":[\"acme.test\"],\"external_id\":\"org-1\",\"group_id\":null,\"id\":50001,"
                + "\"name\":\"Acme\",\"notes\":null,\"organization_fields\":{\"tier\":\"gold\",\"seats\":5},"
                + "\"shared_comments\":false,\"shared_tickets\":false,\"tags\":[\"vip\"],"
                + "\"updated_at\":\"2030-01-01T00:00:00Z\",\"url\":\"" + fake.baseUrl()
                + "/api/v2/organizations/50001.json\"}}", json(created));

        clock.advanceMillis(5_000);
        HttpResponse<String> updated = upsert("{\"external_id\":\"ORG-1\",\"notes\":\"n\","
                + "\"organization_fields\":{\"tier\":\"platinum\"}}");
        assertEquals(200, updated.statusCode());
        JsonNode organization = json(updated).path("organization");
        assertEquals(50001, organization.path("id").asLong());
        assertEquals("Acme", organization.path("name").asText(), "fields not sent are kept");
        assertEquals("n", organization.path("notes").asText());
        assertEquals("2030-01-01T00:00:05Z", organization.path("updated_at").asText());
        assertEquals(Map.of("tier", "platinum", "seats", 5), fake.organization("org-1").orElseThrow()
                .get("organization_fields"));
        assertEquals(2, fake.organizationWriteCount("org-1"));
        assertEquals(Set.of("ORG-1"), fake.organizations().keySet());
    }

    @Test
    void updateById() throws Exception {
        start(b -> b);
        upsert("{\"name\":\"No external id\"}");
        HttpResponse<String> updated = upsert("{\"id\":50001,\"name\":\"Renamed\"}");
        assertEquals(200, updated.statusCode());
        assertEquals("Renamed", fake.organization("renamed").orElseThrow().get("name"));
        HttpResponse<String> unknown = upsert("{\"id\":777,\"name\":\"X\"}");
        assertEquals(404, unknown.statusCode());
        assertJson("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}", json(unknown));
    }

    @Test
    void duplicateNameIs422DuplicateValue() throws Exception {
        start(b -> b);
        assertEquals(201, upsert("{\"external_id\":\"org-1\",\"name\":\"Acme\"}").statusCode());
        for (String clash : List.of("{\"external_id\":\"org-2\",\"name\":\"Acme\"}", "{\"name\":\"acme\"}")) {
            HttpResponse<String> refused = upsert(clash);
            assertEquals(422, refused.statusCode(), clash);
            assertJson("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"name\":["
                    + "{\"description\":\"Name: has already been taken\",\"error\":\"DuplicateValue\"}]}}", json(refused));
        }
        assertEquals(200, upsert("{\"external_id\":\"org-1\",\"name\":\"Acme\"}").statusCode(),
                "the same organization keeps its name");
        assertEquals(1, fake.organizations().size());
    }

    @Test
    void missingNameOnCreateIs422AndMalformedBodyIs400() throws Exception {
        start(b -> b);
        HttpResponse<String> refused = upsert("{\"external_id\":\"org-1\"}");
        assertEquals(422, refused.statusCode());
        assertJson("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"name\":["
                + "{\"description\":\"Name: cannot be blank\",\"error\":\"BlankValue\"}]}}", json(refused));
        assertEquals(400, api.post("/api/v2/organizations/create_or_update", "{\"org\":{}}").statusCode());
        assertTrue(fake.organizations().isEmpty());
    }

    @Test
    void destroyManyOrganizationsIsAJob() throws Exception {
        start(b -> b);
        upsert("{\"external_id\":\"org-1\",\"name\":\"A\"}");
        upsert("{\"external_id\":\"org-2\",\"name\":\"B\"}");
        upsert("{\"name\":\"C\"}");
        HttpResponse<String> response = api.delete("/api/v2/organizations/destroy_many?external_ids=org-2,nope");
        assertEquals(200, response.statusCode());
        JsonNode job = json(response).path("job_status");
        assertEquals("queued", job.path("status").asText());
        assertEquals(3, fake.organizations().size());
        assertJson("[{\"action\":\"delete\",\"id\":50002,\"external_id\":\"org-2\",\"status\":\"Deleted\",\"success\":true},"
                + "{\"action\":\"delete\",\"external_id\":\"nope\",\"status\":\"Deleted\",\"success\":true}]",
                finish(job.path("id").asText()).path("results"));
        assertEquals(Set.of("org-1", "C"), fake.organizations().keySet());

        finish(json(api.delete("/api/v2/organizations/destroy_many?ids=50001,50003")).path("job_status").path("id").asText());
        assertTrue(fake.organizations().isEmpty());
        assertEquals(List.of("org-2", "nope", "50001", "50003"), fake.deletedOrganizationKeys());
        assertEquals(201, upsert("{\"external_id\":\"org-1\",\"name\":\"A\"}").statusCode(), "name free again");
    }
}
