package io.outflow.connect.common.auth;

import org.apache.kafka.common.config.types.Password;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Credentials that never change during a run: a bearer token, an API key header, or HTTP Basic. */
public final class StaticAuthenticator implements Authenticator {
    private final String headerName;
    private final Supplier<String> headerValue;

    private StaticAuthenticator(String headerName, Supplier<String> headerValue) {
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    /** {@code Authorization: Bearer <token>}. */
    public static StaticAuthenticator bearer(Password token) {
        return new StaticAuthenticator("Authorization", () -> "Bearer " + token.value());
    }

    /** A vendor header carrying the key as it is, or with a scheme prefix (e.g. "Klaviyo-API-Key "). */
    public static StaticAuthenticator header(String name, String prefix, Password key) {
        return new StaticAuthenticator(name, () -> prefix + key.value());
    }

    /** HTTP Basic with a user name and a secret (RFC 7617). */
    public static StaticAuthenticator basic(String user, Password secret) {
        return new StaticAuthenticator("Authorization", () -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + secret.value()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletableFuture<Map<String, String>> headers() {
        return CompletableFuture.completedFuture(Map.of(headerName, headerValue.get()));
    }

    @Override
    public boolean invalidate() {
        return false;
    }

    @Override
    public String toString() {
        return "StaticAuthenticator(" + headerName + ")";
    }
}
