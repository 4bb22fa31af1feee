package io.outflow.connect.testkit.http;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepts {@code Authorization: Bearer <token>} for any of a set of tokens. The set can change while the
 * server runs: {@link #revoke} simulates an expired token, {@link #replaceWith} a rotation. The set is
 * swapped atomically so a rotation never shows in-flight requests a moment with no valid token.
 */
public final class BearerTokenAuth implements AuthCheck {

    private volatile Set<String> validTokens;

    private BearerTokenAuth(Set<String> tokens) {
        this.validTokens = Set.copyOf(tokens);
    }

    public static BearerTokenAuth of(String... tokens) {
        return new BearerTokenAuth(Set.of(tokens));
    }

    @Override
    public boolean authorized(FakeRequest request) {
        Set<String> tokens = validTokens;
        return request.bearerToken().map(tokens::contains).orElse(false);
    }

    /** Makes one more token valid. */
    public synchronized BearerTokenAuth allow(String token) {
        Set<String> next = new HashSet<>(validTokens);
        next.add(token);
        validTokens = Set.copyOf(next);
        return this;
    }

    public synchronized BearerTokenAuth revoke(String token) {
        Set<String> next = new HashSet<>(validTokens);
        next.remove(token);
        validTokens = Set.copyOf(next);
        return this;
    }

    public synchronized BearerTokenAuth revokeAll() {
        validTokens = Set.of();
        return this;
    }

    /** Makes {@code token} the only valid token. */
    public synchronized BearerTokenAuth replaceWith(String token) {
        validTokens = Set.copyOf(List.of(token));
        return this;
    }

    public Set<String> validTokens() {
        return validTokens;
    }
}
