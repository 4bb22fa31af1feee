package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * POST /oauth/v1/token with a form body {@code grant_type=refresh_token&client_id=..&client_secret=..
 * &refresh_token=..} (HubSpot OAuth docs): 200 {"token_type":"bearer","refresh_token":<the same>,
 * "access_token":<new>,"expires_in":<seconds>}, or 400 {"status":"BAD_...","message":..}. Only the refresh
 * grant is supported: connectors never run the browser part of the authorization-code flow.
 */
final class OAuthTokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(OAuthTokenEndpoint.class);

    private final OAuthClient client;
    private final OAuthTokens tokens;
    private final Clock clock;

    /** {@code client} may be null: then no request gets a token. */
    OAuthTokenEndpoint(OAuthClient client, OAuthTokens tokens, Clock clock) {
        this.client = client;
        this.tokens = tokens;
        this.clock = clock;
    }

    FakeResponse handle(FakeRequest request) {
        Map<String, String> form = form(request.bodyAsString());
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return bad("BAD_GRANT_TYPE", "missing or unknown grant type");
        }
        if (client == null || !Objects.equals(client.clientId(), form.get("client_id"))) {
            return bad("BAD_CLIENT_ID", "missing or unknown client id");
        }
        if (!Objects.equals(client.clientSecret(), form.get("client_secret"))) {
            return bad("BAD_CLIENT_SECRET", "missing or unknown client secret");
        }
        if (!Objects.equals(client.refreshToken(), form.get("refresh_token"))) {
            return bad("BAD_REFRESH_TOKEN", "missing or unknown refresh token");
        }
        String accessToken = tokens.issue(clock.millis());
        log.debug("Issued OAuth access token #{} for client {}", tokens.issued(), client.clientId());
        ObjectNode body = Json.object()
                .put("token_type", "bearer")
                .put("refresh_token", client.refreshToken())
                .put("access_token", accessToken)
                .put("expires_in", tokens.lifetime().toSeconds());
        return FakeResponse.json(200, body);
    }

    private static FakeResponse bad(String status, String message) {
        return FakeResponse.json(400, Json.object()
                .put("status", status)
                .put("message", message)
                .put("correlationId", HubSpotErrors.correlationId()));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }
}
