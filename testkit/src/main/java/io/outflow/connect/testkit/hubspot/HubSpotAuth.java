package io.outflow.connect.testkit.hubspot;

import io.outflow.connect.testkit.http.AuthCheck;
import io.outflow.connect.testkit.http.BearerTokenAuth;
import io.outflow.connect.testkit.http.FakeRequest;

import java.time.Clock;

/**
 * {@code Authorization: Bearer <token>} with either a private app's access token (configured up front) or an
 * unexpired OAuth access token from the token endpoint. The kind matters beyond auth: daily limits and their
 * headers apply to private apps only (usage guidelines).
 */
final class HubSpotAuth implements AuthCheck {

    private final BearerTokenAuth privateApps;
    private final OAuthTokens oauth;
    private final Clock clock;

    HubSpotAuth(BearerTokenAuth privateApps, OAuthTokens oauth, Clock clock) {
        this.privateApps = privateApps;
        this.oauth = oauth;
        this.clock = clock;
    }

    @Override
    public boolean authorized(FakeRequest request) {
        return isPrivateApp(request) || request.bearerToken().map(t -> oauth.valid(t, clock.millis())).orElse(false);
    }

    boolean isPrivateApp(FakeRequest request) {
        return privateApps.authorized(request);
    }
}
