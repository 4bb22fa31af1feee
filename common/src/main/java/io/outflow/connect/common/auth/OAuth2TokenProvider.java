package io.outflow.connect.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.http.HttpTransport;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * OAuth 2.0 access tokens from a token endpoint (RFC 6749 section 6 refresh-token grant, or section 4.4 client
 * credentials), used as {@code Authorization: Bearer}. The token is refreshed before it expires (when less than a
 * tenth of its life, and at least a minute, is left) and once after a 401. Concurrent callers share one refresh.
 */
public final class OAuth2TokenProvider implements Authenticator {
    private static final Logger log = LoggerFactory.getLogger(OAuth2TokenProvider.class);

    /** Which grant the token endpoint is asked for. */
    public enum Grant {
        REFRESH_TOKEN, CLIENT_CREDENTIALS
    }

    private final HttpTransport transport;
    private final String tokenUrl;
    private final Grant grant;
    private final String clientId;
    private final Password clientSecret;
    private final String scope;
    private final String credentialHint;
    private final LongSupplier clock;
    private final long defaultLifetimeMs;

    private Password refreshToken;
    private String accessToken;
    private long refreshAtMs;
    private CompletableFuture<Map<String, String>> refreshing;

    private OAuth2TokenProvider(Builder b) {
        this.transport = b.transport;
        this.tokenUrl = b.tokenUrl;
        this.grant = b.grant;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.refreshToken = b.refreshToken;
        this.scope = b.scope;
        this.credentialHint = b.credentialHint;
        this.clock = b.clock;
        this.defaultLifetimeMs = b.defaultLifetimeMs;
    }

    public static Builder builder(HttpTransport transport, String tokenUrl, Grant grant) {
        return new Builder(transport, tokenUrl, grant);
    }

    @Override
    public synchronized CompletableFuture<Map<String, String>> headers() {
        if (accessToken != null && clock.getAsLong() < refreshAtMs) {
            return CompletableFuture.completedFuture(Map.of("Authorization", "Bearer " + accessToken));
        }
        if (refreshing != null) {
            return refreshing;
        }
        CompletableFuture<Map<String, String>> refresh = requestToken();
        refreshing = refresh;
        // Runs at once when the transport answered synchronously (e.g. a malformed URL), clearing the field:
        // return the local, never the field.
        refresh.whenComplete((headers, error) -> {
            synchronized (this) {
                if (refreshing == refresh) {
                    refreshing = null;
                }
            }
        });
        return refresh;
    }

    @Override
    public synchronized boolean invalidate() {
        accessToken = null;
        return true;
    }

    private CompletableFuture<Map<String, String>> requestToken() {
        HttpRequestSpec request = HttpRequestSpec.post(tokenUrl)
                .header("Accept", "application/json")
                .formBody(form())
                .build();
        return transport.send("", request, Map.of()).handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(new AuthenticationException(Failure.transientError(Reason.local(
                        "TOKEN_ENDPOINT_UNREACHABLE", "cannot reach the OAuth token endpoint " + tokenUrl + ": "
                                + rootMessage(error)))));
            }
            return accept(response);
        });
    }

    private Map<String, String> accept(HttpResult response) {
        if (response.status() >= 500 || response.status() == 429) {
            throw new CompletionException(new AuthenticationException(Failure.transientError(Reason.of(
                    response.status(), "TOKEN_ENDPOINT_UNAVAILABLE", "the OAuth token endpoint " + tokenUrl
                            + " is unavailable"))));
        }
        JsonNode body = response.json();
        String token = body.path("access_token").asText(null);
        if (!response.isSuccess() || token == null || token.isEmpty()) {
            String error = body.path("error").asText(body.path("status").asText(""));
            String description = body.path("error_description").asText(body.path("message").asText(""));
            throw new CompletionException(new AuthenticationException(Failure.fatal(Reason.of(response.status(),
                    error.isEmpty() ? "TOKEN_REFUSED" : error, "the OAuth token endpoint " + tokenUrl
                            + " refused to issue an access token" + (description.isEmpty() ? "" : " (" + description + ")")
                            + "; check " + credentialHint))));
        }
        long lifetimeMs = body.has("expires_in") ? body.path("expires_in").asLong() * 1000 : defaultLifetimeMs;
        String rotated = body.path("refresh_token").asText(null);
        synchronized (this) {
            accessToken = token;
            refreshAtMs = clock.getAsLong() + lifetimeMs - Math.max(60_000L, lifetimeMs / 10);
            if (rotated != null && !rotated.isEmpty()) {
                refreshToken = new Password(rotated);
            }
        }
        log.info("Obtained an OAuth access token valid for {} s", lifetimeMs / 1000);
        return Map.of("Authorization", "Bearer " + token);
    }

    private String form() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (grant == Grant.REFRESH_TOKEN) {
            fields.put("grant_type", "refresh_token");
            fields.put("refresh_token", refreshToken.value());
        } else {
            fields.put("grant_type", "client_credentials");
        }
        fields.put("client_id", clientId);
        if (clientSecret != null && clientSecret.value() != null) {
            fields.put("client_secret", clientSecret.value());
        }
        if (scope != null && !scope.isEmpty()) {
            fields.put("scope", scope);
        }
        StringJoiner form = new StringJoiner("&");
        fields.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Configures a token provider. */
    public static final class Builder {
        private final HttpTransport transport;
        private final String tokenUrl;
        private final Grant grant;
        private String clientId;
        private Password clientSecret;
        private Password refreshToken;
        private String scope;
        private String credentialHint = "the OAuth settings";
        private LongSupplier clock = System::currentTimeMillis;
        private long defaultLifetimeMs = 30 * 60_000L;

        private Builder(HttpTransport transport, String tokenUrl, Grant grant) {
            this.transport = transport;
            this.tokenUrl = tokenUrl;
            this.grant = grant;
        }

        public Builder client(String id, Password secret) {
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }

        public Builder refreshToken(Password token) {
            this.refreshToken = token;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** The configuration keys named when the endpoint refuses, e.g. "hubspot.oauth.refresh.token". */
        public Builder credentialHint(String hint) {
            this.credentialHint = hint;
            return this;
        }

        public Builder clock(LongSupplier clock) {
            this.clock = clock;
            return this;
        }

        /** The lifetime assumed when the endpoint gives no expires_in. */
        public Builder defaultLifetimeMs(long ms) {
            this.defaultLifetimeMs = ms;
            return this;
        }

        public OAuth2TokenProvider build() {
            if (grant == Grant.REFRESH_TOKEN && refreshToken == null) {
                throw new IllegalArgumentException("the refresh-token grant needs a refresh token");
            }
            if (clientId == null) {
                throw new IllegalArgumentException("a client id is required");
            }
            return new OAuth2TokenProvider(this);
        }
    }
}
