package io.outflow.connect.testkit.hubspot;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OAuth access tokens the token endpoint issued and when each expires. Tokens come from a seeded random
 * so a run can be replayed; they expire {@code lifetime} after issue on the server clock (HubSpot: 30 minutes),
 * or all at once through {@link #expireAll()}.
 */
final class OAuthTokens {

    private final Duration lifetime;
    private final Map<String, Long> expiresAtMillis = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final Random random;

    OAuthTokens(Duration lifetime, long seed) {
        this.lifetime = lifetime;
        this.random = new Random(seed);
    }

    Duration lifetime() {
        return lifetime;
    }

    String issue(long nowMillis) {
        byte[] bytes = new byte[32];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        String token = "oauth-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiresAtMillis.put(token, nowMillis + lifetime.toMillis());
        issued.incrementAndGet();
        return token;
    }

    boolean valid(String token, long nowMillis) {
        Long expiresAt = expiresAtMillis.get(token);
        return expiresAt != null && nowMillis < expiresAt;
    }

    /** Every token issued so far stops working now; tokens issued later work normally. */
    void expireAll() {
        expiresAtMillis.clear();
    }

    long issued() {
        return issued.get();
    }
}
