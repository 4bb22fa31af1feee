package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZendeskFakeUsersTest extends ZendeskFakeTestSupport {

    @Test
    void jobGoesQueuedWorkingCompletedAndAppliesOnlyOnCompletion() throws Exception {
        start(b -> b);
        HttpResponse<String> created = upsertUsers("[{\"external_id\":\"u1\",\"email\":\"a@acme.test\",\"name\":\"A\"},"
                + "{\"email\":\"b@acme.test\",\"name\":\"B\",\"role\":\"agent\"}]");
        assertEquals(200, created.statusCode());
        JsonNode job = json(created).path("job_status");
        String id = job.path("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertJson("{\"id\":\"" + id + "\",\"url\":\"" + fake.baseUrl() + "/api/v2/job_statuses/" + id + ".json\","
                + "\"status\":\"queued\",\"total\":2,\"progress\":null,\"message\":null,\"results\":null}", job);
        assertTrue(fake.users().isEmpty());

        clock.advanceMillis(99);
        assertEquals("queued", json(jobStatus(id)).path("job_status").path("status").asText());
        clock.advanceMillis(1);
        JsonNode working = json(jobStatus(id)).path("job_status");
        assertEquals("working", working.path("status").asText());
        assertEquals(0, working.path("progress").asInt());
        assertTrue(fake.users().isEmpty(), "nothing applied while working");

        clock.advanceMillis(100);
        JsonNode done = json(jobStatus(id)).path("job_status");
        assertJson("{\"id\":\"" + id + "\",\"url\":\"" + fake.baseUrl() + "/api/v2/job_statuses/" + id + ".json\","
                + "\"status\":\"completed\",\"total\":2,\"progress\":2,"
                + "\"message\":\"Completed at 2030-01-01 00:00:00 +0000\",\"results\":["
                + "{\"index\":0,\"id\":10001,\"action\":\"create\",\"status\":\"Created\",\"success\":true,"
                + "\"email\":\"a@acme.test\",\"external_id\":\"u1\"},"
                + "{\"index\":1,\"id\":10002,\"action\":\"create\",\"status\":\"Created\",\"success\":true,"
                + "\"email\":\"b@acme.test\"}]}", done);
        assertEquals(Set.of("u1", "b@acme.test"), fake.users().keySet());
        assertEquals("end-user", fake.user("u1").orElseThrow().get("role"), "spec: role defaults to end-user");
        assertEquals("agent", fake.user("B@ACME.TEST").orElseThrow().get("role"));
        assertEquals(Map.of("completed", 1L, "failed", 0L, "queued", 0L, "working", 0L), fake.jobCounts());
    }

    @Test
    void secondUpsertUpdatesAndMergesWithResultsInRequestOrder() throws Exception {
        start(b -> b);
        finish(submitUsers("[{\"external_id\":\"u1\",\"email\":\"a@acme.test\",\"name\":\"A\","
                + "\"tags\":[\"x\"],\"user_fields\":{\"plan\":\"free\",\"seats\":1}}]"));

        JsonNode done = finish(submitUsers("[{\"email\":\"new@acme.test\",\"name\":\"New\"},"
                + "{\"external_id\":\"U1\",\"phone\":\"+15551234567\",\"user_fields\":{\"plan\":\"pro\"}},"
                + "{\"email\":\"NEW@acme.test\",\"notes\":\"same user again\"}]"));
        JsonNode results = done.path("results");
        assertEquals(3, results.size());
        assertJson("{\"index\":0,\"id\":10002,\"action\":\"create\",\"status\":\"Created\",\"success\":true,"
                + "\"email\":\"new@acme.test\"}", results.get(0));
        assertJson("{\"index\":1,\"id\":10001,\"action\":\"update\",\"status\":\"Updated\",\"success\":true,"
                + "\"external_id\":\"U1\"}", results.get(1));
        assertJson("{\"index\":2,\"id\":10002,\"action\":\"update\",\"status\":\"Updated\",\"success\":true,"
                + "\"email\":\"NEW@acme.test\"}", results.get(2));

        Map<String, Object> u1 = fake.user("u1").orElseThrow();
        assertEquals("U1", u1.get("external_id"), "external id takes the case of the latest request");
        assertEquals("A", u1.get("name"), "fields not sent are kept");
        assertEquals("+15551234567", u1.get("phone"));
        assertEquals(List.of("x"), u1.get("tags"));
        assertEquals(Map.of("plan", "pro", "seats", 1), u1.get("user_fields"), "user_fields merge key by key");
        assertEquals(2, fake.writeCount("u1"));
        assertEquals(2, fake.writeCount("new@acme.test"));
        assertEquals(Map.of("U1", 2, "new@acme.test", 2), fake.writeCounts());
    }

    @Test
    void updateWithAnotherEmailAddsASecondaryEmail() throws Exception {
        start(b -> b);
        finish(submitUsers("[{\"external_id\":\"u1\",\"email\":\"a@acme.test\",\"name\":\"A\"}]"));
        finish(submitUsers("[{\"external_id\":\"u1\",\"email\":\"a2@acme.test\"}]"));
        Map<String, Object> user = fake.user("u1").orElseThrow();
        assertEquals("a@acme.test", user.get("email"), "spec: primary email is writeable on create only");
        assertEquals(List.of("a2@acme.test"), user.get("secondary_emails"));
        JsonNode result = finish(submitUsers("[{\"email\":\"a2@acme.test\",\"name\":\"Via secondary\"}]"))
                .path("results").get(0);
        assertEquals("Updated", result.path("status").asText());
        assertEquals(10001, result.path("id").asLong());
    }

    @Test
    void invalidInputsFailAloneAndTheOthersAreApplied() throws Exception {
        start(b -> b.userFields(Set.of("plan")));
        JsonNode results = finish(submitUsers("["
                + "{\"external_id\":\"ok1\",\"email\":\"ok1@acme.test\",\"name\":\"Ok\"},"
                + "{\"external_id\":\"bad-email\",\"email\":\"not-an-email\",\"name\":\"X\"},"
                + "{\"external_id\":\"bad-role\",\"name\":\"X\",\"role\":\"superuser\"},"
                + "{\"external_id\":\"no-name\",\"email\":\"nn@acme.test\"},"
                + "{\"external_id\":\"bad-field\",\"name\":\"X\",\"user_fields\":{\"plan\":\"a\",\"shoe_size\":44}},"
                + "{\"name\":\"Nobody\"},"
                + "{\"external_id\":\"ok2\",\"name\":\"Ok 2\",\"user_fields\":{\"plan\":\"pro\"}}]")).path("results");
        assertEquals(7, results.size());
        assertEquals("Created", results.get(0).path("status").asText());
        assertJson("{\"index\":1,\"action\":\"create\",\"status\":\"Failed\",\"success\":false,"
                + "\"error\":\"UserUpdateError\",\"details\":\"Email: not-an-email is not properly formatted\","
                + "\"email\":\"not-an-email\",\"external_id\":\"bad-email\"}", results.get(1));
        assertEquals("Role: superuser is not one of end-user, agent, admin", results.get(2).path("details").asText());
        assertEquals("Name: cannot be blank", results.get(3).path("details").asText());
        assertEquals("User fields: shoe_size is not a custom user field of this account",
                results.get(4).path("details").asText());
        assertEquals("Failed", results.get(5).path("status").asText());
        assertEquals("Created", results.get(6).path("status").asText());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i, results.get(i).path("index").asInt(), "results in request order");
        }
        assertEquals(Set.of("ok1", "ok2"), fake.users().keySet());
    }

    @Test
    void updatingWithoutANameIsFineAndAFailedUpdateCarriesTheUserId() throws Exception {
        start(b -> b);
        finish(submitUsers("[{\"external_id\":\"u1\",\"name\":\"A\"}]"));
        JsonNode results = finish(submitUsers("[{\"external_id\":\"u1\",\"notes\":\"n\"},"
                + "{\"external_id\":\"u1\",\"role\":\"owner\"}]")).path("results");
        assertEquals("Updated", results.get(0).path("status").asText());
        assertJson("{\"index\":1,\"id\":10001,\"action\":\"update\",\"status\":\"Failed\",\"success\":false,"
                + "\"error\":\"UserUpdateError\",\"details\":\"Role: owner is not one of end-user, agent, admin\","
                + "\"external_id\":\"u1\"}", results.get(1));
        assertEquals("n", fake.user("u1").orElseThrow().get("notes"));
        assertEquals("end-user", fake.user("u1").orElseThrow().get("role"));
    }

    @Test
    void newExternalIdWithAnEmailOwnedByAnotherUserFailsUnlessEmailFallbackIsOn() throws Exception {
        start(b -> b);
        finish(submitUsers("[{\"email\":\"a@acme.test\",\"name\":\"A\"}]"));
        JsonNode result = finish(submitUsers("[{\"external_id\":\"u1\",\"email\":\"A@acme.test\",\"name\":\"A\"}]"))
                .path("results").get(0);
        assertEquals("Failed", result.path("status").asText());
        assertEquals("Email: A@acme.test is already being used by another user", result.path("details").asText());

        fake.close();
        start(b -> b.emailFallbackMatch(true));
        finish(submitUsers("[{\"email\":\"a@acme.test\",\"name\":\"A\"}]"));
        result = finish(submitUsers("[{\"external_id\":\"u1\",\"email\":\"a@acme.test\"}]")).path("results").get(0);
        assertEquals("Updated", result.path("status").asText());
        assertEquals(Set.of("u1"), fake.users().keySet(), "the user now has the external id");
    }

    @Test
    void moreThan100UsersIs400AndNothingIsQueued() throws Exception {
        start(b -> b);
        HttpResponse<String> response = upsertUsers(usersArray(101));
        assertEquals(400, response.statusCode());
        assertJson("{\"error\":\"TooManyValues\",\"description\":\"Too many values\",\"details\":{\"users\":["
                + "{\"description\":\"Users: 101 values given, the maximum is 100\",\"error\":\"TooManyValues\"}]}}",
                json(response));
        assertEquals(0L, fake.jobCounts().get("queued"));
        assertEquals(200, upsertUsers(usersArray(100)).statusCode());
    }

    private static String usersArray(int n) {
        StringBuilder users = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            users.append(i == 0 ? "" : ",").append("{\"external_id\":\"u").append(i).append("\",\"name\":\"U\"}");
        }
        return users.append(']').toString();
    }

    @Test
    void malformedRequestsAre400InZendesksEnvelope() throws Exception {
        start(b -> b);
        for (String body : List.of("not json", "{\"user\":{}}", "{\"users\":[1]}", "[]")) {
            HttpResponse<String> response = api.post("/api/v2/users/create_or_update_many", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("InvalidParameter", json(response).path("error").asText(), body);
            assertFalse(json(response).path("description").asText().isEmpty(), body);
        }
    }

    @Test
    void jsonSuffixIsAcceptedOnWritesAndPolls() throws Exception {
        start(b -> b);
        HttpResponse<String> response = api.post("/api/v2/users/create_or_update_many.json",
                "{\"users\":[{\"external_id\":\"u1\",\"name\":\"A\"}]}");
        assertEquals(200, response.statusCode());
        String url = json(response).path("job_status").path("url").asText();
        clock.advanceMillis(JOB_DELAY_MS);
        String path = url.substring(fake.baseUrl().length());
        assertTrue(path.endsWith(".json"), path);
        assertEquals("completed", json(api.get(path)).path("job_status").path("status").asText());
    }

    @Test
    void unknownOrExpiredJobIs404RecordNotFound() throws Exception {
        start(b -> b.jobRetention(Duration.ofHours(1)));
        HttpResponse<String> unknown = jobStatus("0123456789abcdef0123456789abcdef");
        assertEquals(404, unknown.statusCode());
        assertJson("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}", json(unknown));

        String id = submitUsers("[{\"external_id\":\"u1\",\"name\":\"A\"}]");
        clock.advance(Duration.ofMinutes(59));
        assertEquals(200, jobStatus(id).statusCode());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(404, jobStatus(id).statusCode(), "job data is kept for the retention only");
        assertTrue(fake.user("u1").isPresent());
    }

    @Test
    void thirtyActiveJobsThenThe31stIs429WithRetryAfter() throws Exception {
        start(b -> b);
        for (int i = 0; i < 30; i++) {
            submitUsers("[{\"external_id\":\"u\",\"name\":\"U\"}]");
            clock.advanceMillis(1);
        }
        HttpResponse<String> refused = upsertUsers("[{\"external_id\":\"u\",\"name\":\"U\"}]");
        assertEquals(429, refused.statusCode());
        assertEquals("TooManyJobs", json(refused).path("error").asText());
        assertTrue(json(refused).path("description").asText().contains("job queue is full"));
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow(), "170 ms rounds up to 1 s");
        assertEquals(429, api.delete("/api/v2/users/destroy_many?external_ids=u").statusCode(), "deletes share the queue");
        assertEquals(2, fake.jobQueueFullCount());

        clock.advanceMillis(JOB_DELAY_MS - 30);
        assertEquals(200, upsertUsers("[{\"external_id\":\"u\",\"name\":\"U\"}]").statusCode(),
                "a finished job frees its slot");
        clock.advanceMillis(JOB_DELAY_MS);
        assertEquals(31, fake.writeCount("u"), "1 create and 30 updates; the refused requests applied nothing");
    }

    @Test
    void aFailedJobAppliesNothing() throws Exception {
        start(b -> b.jobFailureProbability(1.0));
        String id = submitUsers("[{\"external_id\":\"u1\",\"name\":\"A\"}]");
        JsonNode job = finish(id);
        assertJson("{\"id\":\"" + id + "\",\"url\":\"" + fake.baseUrl() + "/api/v2/job_statuses/" + id + ".json\","
                + "\"status\":\"failed\",\"total\":1,\"progress\":0,"
                + "\"message\":\"" + Job.FAILED_MESSAGE + "\",\"results\":null}", job);
        assertTrue(fake.users().isEmpty());
        assertEquals(1L, fake.jobCounts().get("failed"));
    }

    @Test
    void bulkImportDisabledIs403UntilEnabled() throws Exception {
        start(b -> b.bulkImportEnabled(false));
        HttpResponse<String> refused = upsertUsers("[{\"external_id\":\"u1\",\"name\":\"A\"}]");
        assertEquals(403, refused.statusCode());
        assertEquals("Forbidden", json(refused).path("error").asText());
        assertFalse(json(refused).path("description").asText().isEmpty());
        assertEquals(0L, fake.jobCounts().get("queued"));

        fake.bulkImportEnabled(true);
        assertEquals(200, upsertUsers("[{\"external_id\":\"u1\",\"name\":\"A\"}]").statusCode());
    }

    @Test
    void destroyManyUsersIsAJobAndUnknownExternalIdsReportDeleted() throws Exception {
        start(b -> b);
        finish(submitUsers("[{\"external_id\":\"u1\",\"name\":\"A\"},{\"external_id\":\"u2\",\"name\":\"B\"},"
                + "{\"email\":\"c@acme.test\",\"name\":\"C\"}]"));
        HttpResponse<String> response = api.delete("/api/v2/users/destroy_many?external_ids=U2,ghost,u1");
        assertEquals(200, response.statusCode());
        JsonNode job = json(response).path("job_status");
        assertEquals("queued", job.path("status").asText());
        assertEquals(3, job.path("total").asInt());
        assertEquals(3, fake.users().size(), "applied when the job completes");

        assertJson("[{\"action\":\"delete\",\"id\":10002,\"external_id\":\"U2\",\"status\":\"Deleted\",\"success\":true},"
                + "{\"action\":\"delete\",\"external_id\":\"ghost\",\"status\":\"Deleted\",\"success\":true},"
                + "{\"action\":\"delete\",\"id\":10001,\"external_id\":\"u1\",\"status\":\"Deleted\",\"success\":true}]",
                finish(job.path("id").asText()).path("results"));
        assertEquals(Set.of("c@acme.test"), fake.users().keySet());
        assertEquals(List.of("U2", "ghost", "u1"), fake.deletedUserKeys());

        JsonNode byId = finish(json(api.delete("/api/v2/users/destroy_many.json?ids=10003,999"))
                .path("job_status").path("id").asText());
        assertJson("[{\"action\":\"delete\",\"id\":10003,\"status\":\"Deleted\",\"success\":true},"
                + "{\"action\":\"delete\",\"id\":999,\"status\":\"Deleted\",\"success\":true}]", byId.path("results"));
        assertTrue(fake.users().isEmpty());
    }

    @Test
    void unknownDeletesCanBeReportedAsFailedAndBadQueriesAre400() throws Exception {
        start(b -> b.unknownDeleteResult(UnknownDeleteResult.FAILED).maxBatchSize(2));
        JsonNode results = finish(json(api.delete("/api/v2/users/destroy_many?external_ids=ghost"))
                .path("job_status").path("id").asText()).path("results");
        assertJson("[{\"action\":\"delete\",\"external_id\":\"ghost\",\"status\":\"Failed\",\"success\":false,"
                + "\"error\":\"RecordNotFound\",\"details\":\"Not found\"}]", results);
        assertEquals(400, api.delete("/api/v2/users/destroy_many").statusCode());
        assertEquals(400, api.delete("/api/v2/users/destroy_many?ids=1,abc").statusCode());
        HttpResponse<String> tooMany = api.delete("/api/v2/users/destroy_many?ids=1,2,3");
        assertEquals(400, tooMany.statusCode());
        assertEquals("TooManyValues", json(tooMany).path("error").asText());
    }
}
