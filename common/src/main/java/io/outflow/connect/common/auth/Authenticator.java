package io.outflow.connect.common.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Adds credentials to requests. Tokens that expire are refreshed here, before expiry and once after a 401; the
 * engine never sees how. Implementations keep secrets as {@link org.apache.kafka.common.config.types.Password}s
 * until they build a header, and never log or put them in exception messages.
 */
public interface Authenticator {
    /** No credentials. */
    Authenticator NONE = new Authenticator() {
        @Override
        public CompletableFuture<Map<String, String>> headers() {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public boolean invalidate() {
            return false;
        }
    };

    /**
     * The headers for the next request. Completes at once with cached credentials, or after a token refresh;
     * fails with an {@link AuthenticationException} when credentials cannot be had.
     */
    CompletableFuture<Map<String, String>> headers();

    /**
     * The destination refused the credentials (401): forget them so the next {@link #headers()} fetches new ones.
     *
     * @return whether there is anything to refresh; false for static credentials, which the user must fix
     */
    boolean invalidate();
}
