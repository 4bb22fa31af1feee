package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.contact;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.header;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.inputs;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotRateLimitTest {

    private HubSpotTestClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private void start(UnaryOperator<HubSpotFake.Builder> options) {
        client = new HubSpotTestClient(options);
    }

    private HttpResponse<String> upsert() throws IOException {
        return client.upsert("contacts", inputs(contact("a@x.com")));
    }

    @Test
    void defaultWindowIs100Per10Seconds() throws Exception {
        start(b -> b);
        HttpResponse<String> response = upsert();
        assertEquals("100", header(response, "X-HubSpot-RateLimit-Max"));
        assertEquals("99", header(response, "X-HubSpot-RateLimit-Remaining"));
        assertEquals("10000", header(response, "X-HubSpot-RateLimit-Interval-Milliseconds"));
    }

    @Test
    void remainingDecreasesThen429TenSecondlyRolling() throws Exception {
        start(b -> b.rateLimit(3, 10_000));
        assertEquals("2", header(upsert(), "X-HubSpot-RateLimit-Remaining"));
        client.clock.advanceMillis(1000);
        HttpResponse<String> read = client.read("contacts", "{\"inputs\":[],\"properties\":[]}");
        assertEquals("1", header(read, "X-HubSpot-RateLimit-Remaining"), "reads count too");
        HttpResponse<String> third = upsert();
        assertEquals("0", header(third, "X-HubSpot-RateLimit-Remaining"));
        assertEquals(200, client.http.get(client.fake.baseUrl() + "/_fake/state").statusCode(), "inspection is free");

        HttpResponse<String> limited = upsert();
        assertEquals(429, limited.statusCode());
        JsonNode body = json(limited);
        assertEquals("error", body.path("status").asText());
        assertEquals("You have reached your ten_secondly_rolling limit.", body.path("message").asText());
        assertEquals("RATE_LIMIT", body.path("errorType").asText());
        assertEquals("TEN_SECONDLY_ROLLING", body.path("policyName").asText());
        assertEquals(36, body.path("correlationId").asText().length());
        assertEquals("3", header(limited, "X-HubSpot-RateLimit-Max"));
        assertEquals("0", header(limited, "X-HubSpot-RateLimit-Remaining"));
        assertEquals("10000", header(limited, "X-HubSpot-RateLimit-Interval-Milliseconds"));
        assertNull(header(limited, "Retry-After"), "HubSpot sends no Retry-After");
        assertEquals(2, client.fake.writeCount("contacts", "a@x.com"), "the refused upsert was not applied");
        assertEquals(1, client.fake.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING));

        client.clock.advanceMillis(9000);
        HttpResponse<String> again = upsert();
        assertEquals(200, again.statusCode(), "the first request left the window");
        assertEquals("0", header(again, "X-HubSpot-RateLimit-Remaining"));
    }

    @Test
    void exhaustDailyLimitAnswers429DailyForEveryTokenUntilSwitchedOff() throws Exception {
        start(b -> b.oauthClient("cid", "secret", "r"));
        String oauthToken = json(client.token("grant_type=refresh_token&client_id=cid&client_secret=secret&refresh_token=r"))
                .path("access_token").asText();
        client.fake.exhaustDailyLimit(true);

        HttpResponse<String> limited = upsert();
        assertEquals(429, limited.statusCode());
        JsonNode body = json(limited);
        assertEquals("DAILY", body.path("policyName").asText());
        assertEquals("You have reached your daily limit.", body.path("message").asText());
        assertEquals("RATE_LIMIT", body.path("errorType").asText());
        assertEquals("0", header(limited, "X-HubSpot-RateLimit-Daily-Remaining"));
        assertEquals(429, client.postWithToken(HubSpotFake.archivePath("contacts"), oauthToken, "{\"inputs\":[]}")
                .statusCode());
        assertTrue(client.fake.objects("contacts").isEmpty());
        assertEquals(2, client.fake.rateLimited(HubSpotLimit.DAILY));

        client.fake.exhaustDailyLimit(false);
        assertEquals(200, upsert().statusCode());
        assertEquals(Map.of(HubSpotLimit.TEN_SECONDLY_ROLLING, 0L, HubSpotLimit.DAILY, 2L),
                client.fake.rateLimitedCounts());
    }

    @Test
    void dailyLimitCountsPrivateAppRequestsAndResetsAtMidnightUtc() throws Exception {
        start(b -> b.dailyLimit(2));
        HttpResponse<String> first = upsert();
        assertEquals("2", header(first, "X-HubSpot-RateLimit-Daily"));
        assertEquals("1", header(first, "X-HubSpot-RateLimit-Daily-Remaining"));
        assertEquals("0", header(upsert(), "X-HubSpot-RateLimit-Daily-Remaining"));
        HttpResponse<String> limited = upsert();
        assertEquals(429, limited.statusCode());
        assertEquals("DAILY", json(limited).path("policyName").asText());
        assertEquals(2, client.fake.writeCount("contacts", "a@x.com"));
        assertEquals(2, client.fake.dailyUsed());

        client.clock.advance(Duration.ofDays(1));
        HttpResponse<String> tomorrow = upsert();
        assertEquals(200, tomorrow.statusCode());
        assertEquals("1", header(tomorrow, "X-HubSpot-RateLimit-Daily-Remaining"));
    }

    @Test
    void dailyHeadersOnlyForPrivateAppTokens() throws Exception {
        start(b -> b.oauthClient("cid", "secret", "r"));
        HttpResponse<String> privateApp = upsert();
        assertEquals(String.valueOf(Integer.MAX_VALUE), header(privateApp, "X-HubSpot-RateLimit-Daily"));
        assertEquals(String.valueOf(Integer.MAX_VALUE - 1), header(privateApp, "X-HubSpot-RateLimit-Daily-Remaining"));

        String oauthToken = json(client.token("grant_type=refresh_token&client_id=cid&client_secret=secret&refresh_token=r"))
                .path("access_token").asText();
        HttpResponse<String> oauth = client.postWithToken(HubSpotFake.upsertPath("contacts"), oauthToken,
                inputs(contact("b@x.com")));
        assertEquals(200, oauth.statusCode());
        assertNull(header(oauth, "X-HubSpot-RateLimit-Daily"));
        assertNull(header(oauth, "X-HubSpot-RateLimit-Daily-Remaining"));
        assertEquals("98", header(oauth, "X-HubSpot-RateLimit-Remaining"), "the rolling window applies to both");
        assertEquals(1, client.fake.dailyUsed(), "OAuth requests do not use the daily quota");
    }

    @Test
    void injectedFaultsUseHubSpotShapes() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.HTTP_500)));
        HttpResponse<String> failed = upsert();
        assertEquals(500, failed.statusCode());
        assertEquals("error", json(failed).path("status").asText());
        assertEquals("99", header(failed, "X-HubSpot-RateLimit-Remaining"), "a fault still used a slot");
        assertTrue(client.fake.objects("contacts").isEmpty());

        client.fake.faults().plan(FaultPlan.builder().rateLimited(1.0).retryAfterSeconds(2).build());
        HttpResponse<String> limited = upsert();
        assertEquals(429, limited.statusCode());
        assertEquals("TEN_SECONDLY_ROLLING", json(limited).path("policyName").asText());
        assertEquals("2", header(limited, "Retry-After"));
        assertEquals(0, client.fake.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING), "injected 429s are faults");
        assertEquals(1, client.fake.faults().count(FaultKind.HTTP_429_RETRY_AFTER));
    }

    @Test
    void stateViewAndReset() throws Exception {
        start(b -> b.rateLimit(1, 10_000));
        upsert();
        upsert();
        client.archive("contacts", "{\"inputs\":[{\"id\":\"7\"}]}");
        client.clock.advanceMillis(10_000);
        client.archive("contacts", "{\"inputs\":[{\"id\":\"7\"}]}");

        JsonNode state = json(client.http.get(client.fake.baseUrl() + "/_fake/state"));
        assertEquals("1001", state.path("objects").path("contacts").path("a@x.com").path("id").asText());
        assertEquals("a@x.com", state.path("objects").path("contacts").path("a@x.com").path("properties")
                .path("email").asText());
        assertEquals(1, state.path("objects").path("contacts").path("a@x.com").path("writes").asInt());
        assertEquals(1, state.path("totalApplied").asInt());
        assertEquals("7", state.path("archivedIds").path(0).asText());
        assertEquals(2, state.path("rateLimited").path("TEN_SECONDLY_ROLLING").asInt());
        assertEquals(2, state.path("daily").path("used").asInt());

        client.fake.reset();
        assertTrue(client.fake.objects("contacts").isEmpty());
        assertTrue(client.fake.archivedIds().isEmpty());
        assertEquals(0, client.fake.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING));
        assertEquals(0, client.fake.requestLog().size());
        JsonNode recreated = json(upsert()).path("results").path(0);
        assertEquals("1001", recreated.path("id").asText(), "ids restart after a reset");
    }
}
