package io.outflow.connect.testkit.zendesk;

import io.outflow.connect.testkit.http.AuthCheck;
import io.outflow.connect.testkit.http.BasicAuth;
import io.outflow.connect.testkit.http.BearerTokenAuth;
import io.outflow.connect.testkit.http.FakeRequest;

/**
 * Zendesk accepts either an API token, as Basic {@code {email}/token:{api_token}}, or an OAuth access token, as
 * {@code Authorization: Bearer <token>} (destinations.md, Zendesk row "Auth"). Either one lets a request in.
 */
final class ZendeskAuth implements AuthCheck {

    private final BasicAuth apiToken;
    private final BearerTokenAuth oauth;

    ZendeskAuth(BasicAuth apiToken, BearerTokenAuth oauth) {
        this.apiToken = apiToken;
        this.oauth = oauth;
    }

    /** The Basic user name Zendesk expects for an API token: the agent's email plus "/token". */
    static String apiTokenUser(String email) {
        return email + "/token";
    }

    @Override
    public boolean authorized(FakeRequest request) {
        return apiToken.authorized(request) || oauth.authorized(request);
    }

    BasicAuth apiToken() {
        return apiToken;
    }

    BearerTokenAuth oauth() {
        return oauth;
    }
}
