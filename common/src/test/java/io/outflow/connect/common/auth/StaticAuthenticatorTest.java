package io.outflow.connect.common.auth;

import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticAuthenticatorTest {
    private static Map<String, String> headers(Authenticator auth) {
        CompletableFuture<Map<String, String>> future = auth.headers();
        assertTrue(future.isDone());
        return future.join();
    }

    @Test
    void bearer() {
        assertEquals(Map.of("Authorization", "Bearer tok-123"),
                headers(StaticAuthenticator.bearer(new Password("tok-123"))));
    }

    @Test
    void basicIsBase64OfUserColonSecret() {
        Map<String, String> h = headers(StaticAuthenticator.basic("agent@example.com/token", new Password("s3cr\u00e9t")));
        String expected = Base64.getEncoder().encodeToString("agent@example.com/token:s3cr\u00e9t"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("Authorization", "Basic " + expected), h);
        assertEquals("Basic dXNlcjpzZWNyZXQ=", headers(StaticAuthenticator.basic("user", new Password("secret")))
                .get("Authorization"));
    }

    @Test
    void vendorHeaderWithOrWithoutPrefix() {
        assertEquals(Map.of("Authorization", "Klaviyo-API-Key pk_123"),
                headers(StaticAuthenticator.header("Authorization", "Klaviyo-API-Key ", new Password("pk_123"))));
        assertEquals(Map.of("X-Api-Key", "k"), headers(StaticAuthenticator.header("X-Api-Key", "", new Password("k"))));
    }

    @Test
    void staticCredentialsCannotBeRefreshed() {
        assertFalse(StaticAuthenticator.bearer(new Password("t")).invalidate());
        assertFalse(StaticAuthenticator.basic("u", new Password("p")).invalidate());
        assertFalse(Authenticator.NONE.invalidate());
        assertEquals(Map.of(), headers(Authenticator.NONE));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        StaticAuthenticator auth = StaticAuthenticator.bearer(new Password("tok-123"));
        assertEquals("StaticAuthenticator(Authorization)", auth.toString());
        assertFalse(auth.toString().contains("tok-123"));
    }
}
