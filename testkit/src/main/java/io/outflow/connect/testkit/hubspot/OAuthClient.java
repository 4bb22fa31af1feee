package io.outflow.connect.testkit.hubspot;

/** The one OAuth app installation the token endpoint knows: its client credentials and refresh token. */
record OAuthClient(String clientId, String clientSecret, String refreshToken) {
}
