package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.contact;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.inputs;
import static io.outflow.connect.testkit.hubspot.HubSpotTestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotAuthTest {

    private static final String REFRESH_FORM =
            "grant_type=refresh_token&client_id=cid&client_secret=secret&refresh_token=refresh-1";

    private HubSpotTestClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private void start(UnaryOperator<HubSpotFake.Builder> options) {
        client = new HubSpotTestClient(b -> options.apply(b.oauthClient("cid", "secret", "refresh-1")));
    }

    @Test
    void missingOrWrongTokenIs401InHubSpotShape() throws Exception {
        start(b -> b);
        String body = inputs(contact("a@x.com"));
        HttpResponse<String> missing = client.http.post(client.fake.baseUrl() + HubSpotFake.upsertPath("contacts"), body);
        HttpResponse<String> wrong = client.postWithToken(HubSpotFake.upsertPath("contacts"), "nope", body);
        for (HttpResponse<String> response : java.util.List.of(missing, wrong)) {
            assertEquals(401, response.statusCode());
            JsonNode error = json(response);
            assertEquals("error", error.path("status").asText());
            assertEquals("INVALID_AUTHENTICATION", error.path("category").asText());
            assertTrue(error.path("message").asText().startsWith("Authentication credentials not found. "
                    + "This API supports OAuth 2.0 authentication"));
            assertEquals(36, error.path("correlationId").asText().length());
        }
        assertTrue(client.fake.objects("contacts").isEmpty());
    }

    @Test
    void oauthTokenIsIssuedUsedAndExpiresOnTheClock() throws Exception {
        start(b -> b.oauthTokenLifetime(Duration.ofMinutes(5)));
        HttpResponse<String> issued = client.token(REFRESH_FORM);
        assertEquals(200, issued.statusCode());
        JsonNode token = json(issued);
        assertEquals("bearer", token.path("token_type").asText());
        assertEquals("refresh-1", token.path("refresh_token").asText());
        assertEquals(300, token.path("expires_in").asLong());
        String accessToken = token.path("access_token").asText();
        assertTrue(accessToken.length() > 20);
        assertEquals(1, client.fake.accessTokensIssued());

        String body = inputs(contact("a@x.com"));
        assertEquals(200, client.postWithToken(HubSpotFake.upsertPath("contacts"), accessToken, body).statusCode());
        client.clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertEquals(200, client.postWithToken(HubSpotFake.upsertPath("contacts"), accessToken, body).statusCode());
        client.clock.advanceMillis(1);
        HttpResponse<String> expired = client.postWithToken(HubSpotFake.upsertPath("contacts"), accessToken, body);
        assertEquals(401, expired.statusCode());
        assertEquals("INVALID_AUTHENTICATION", json(expired).path("category").asText());

        String next = json(client.token(REFRESH_FORM)).path("access_token").asText();
        assertNotEquals(accessToken, next);
        assertEquals(200, client.postWithToken(HubSpotFake.upsertPath("contacts"), next, body).statusCode());
        assertEquals(2, client.fake.accessTokensIssued());
    }

    @Test
    void defaultLifetimeIsThirtyMinutesAndExpireAccessTokensEndsThemAll() throws Exception {
        start(b -> b);
        String first = json(client.token(REFRESH_FORM)).path("access_token").asText();
        JsonNode second = json(client.token(REFRESH_FORM));
        assertEquals(1800, second.path("expires_in").asLong());
        client.fake.expireAccessTokens();
        String body = inputs(contact("a@x.com"));
        assertEquals(401, client.postWithToken(HubSpotFake.upsertPath("contacts"), first, body).statusCode());
        assertEquals(401, client.postWithToken(HubSpotFake.upsertPath("contacts"), second.path("access_token").asText(),
                body).statusCode());
        String fresh = json(client.token(REFRESH_FORM)).path("access_token").asText();
        assertEquals(200, client.postWithToken(HubSpotFake.upsertPath("contacts"), fresh, body).statusCode());
        assertEquals(200, client.upsert("contacts", body).statusCode(), "private-app tokens do not expire");
    }

    @Test
    void badRefreshTokenOrClientIs400() throws Exception {
        start(b -> b);
        assertBad("grant_type=refresh_token&client_id=cid&client_secret=secret&refresh_token=other",
                "BAD_REFRESH_TOKEN", "missing or unknown refresh token");
        assertBad("grant_type=refresh_token&client_id=cid&client_secret=secret", "BAD_REFRESH_TOKEN",
                "missing or unknown refresh token");
        assertBad("grant_type=refresh_token&client_id=other&client_secret=secret&refresh_token=refresh-1",
                "BAD_CLIENT_ID", "missing or unknown client id");
        assertBad("grant_type=refresh_token&client_id=cid&client_secret=wrong&refresh_token=refresh-1",
                "BAD_CLIENT_SECRET", "missing or unknown client secret");
        assertBad("grant_type=authorization_code&client_id=cid&client_secret=secret&code=x",
                "BAD_GRANT_TYPE", "missing or unknown grant type");
        assertEquals(0, client.fake.accessTokensIssued());
    }

    private void assertBad(String form, String status, String message) throws Exception {
        HttpResponse<String> response = client.token(form);
        assertEquals(400, response.statusCode(), form);
        assertEquals(status, json(response).path("status").asText(), form);
        assertEquals(message, json(response).path("message").asText(), form);
    }

    @Test
    void tokenEndpointIsNeitherRateLimitedNorFaulted() throws Exception {
        start(b -> b.rateLimit(1, 10_000).faults(FaultPlan.always(FaultKind.HTTP_500)));
        assertEquals(500, client.upsert("contacts", inputs(contact("a@x.com"))).statusCode());
        assertEquals(429, client.upsert("contacts", inputs(contact("a@x.com"))).statusCode());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.token(REFRESH_FORM);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("X-HubSpot-RateLimit-Remaining").isEmpty());
        }
        assertEquals(1, client.fake.faults().count(FaultKind.HTTP_500));
    }
}
