package io.outflow.connect.common.auth;

import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.http.HttpTransport;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuth2TokenProviderTest {
    private static final String TOKEN_URL = "https://auth.example.test/oauth/v1/token";
    private static final String CLIENT_SECRET = "cl!ent&secret=42";
    private static final String REFRESH_TOKEN = "rt/one+two";
    private static final String HINT = "items.oauth.client.secret and items.oauth.refresh.token";

    /** Answers token requests with canned results, in order, and records them. */
    static final class FakeTransport implements HttpTransport {
        final List<HttpRequestSpec> requests = new ArrayList<>();
        final List<String> baseUrls = new ArrayList<>();
        private final ArrayDeque<CompletableFuture<HttpResult>> answers = new ArrayDeque<>();

        FakeTransport answer(int status, String json) {
            answers.add(CompletableFuture.completedFuture(new HttpResult(status,
                    Map.of("Content-Type", List.of("application/json")), json.getBytes(StandardCharsets.UTF_8))));
            return this;
        }

        FakeTransport fail(Throwable error) {
            answers.add(CompletableFuture.failedFuture(error));
            return this;
        }

        CompletableFuture<HttpResult> later() {
            CompletableFuture<HttpResult> future = new CompletableFuture<>();
            answers.add(future);
            return future;
        }

        @Override
        public synchronized CompletableFuture<HttpResult> send(String baseUrl, HttpRequestSpec request,
                                                               Map<String, String> extraHeaders) {
            requests.add(request);
            baseUrls.add(baseUrl);
            CompletableFuture<HttpResult> answer = answers.poll();
            if (answer == null) {
                throw new AssertionError("unexpected token request " + requests.size());
            }
            return answer;
        }

        synchronized int count() {
            return requests.size();
        }

        Map<String, String> form(int index) {
            Map<String, String> out = new LinkedHashMap<>();
            String body = new String(requests.get(index).body(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }

        String rawBody(int index) {
            return new String(requests.get(index).body(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
        }
    }

    private final FakeTransport transport = new FakeTransport();
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private OAuth2TokenProvider refreshTokenProvider() {
        return OAuth2TokenProvider.builder(transport, TOKEN_URL, OAuth2TokenProvider.Grant.REFRESH_TOKEN)
                .client("my-client", new Password(CLIENT_SECRET))
                .refreshToken(new Password(REFRESH_TOKEN))
                .credentialHint(HINT)
                .clock(clock::get)
                .build();
    }

    private static String token(int n, long expiresIn) {
        return "{\"access_token\":\"at-" + n + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}";
    }

    private static Map<String, String> bearer(int n) {
        return Map.of("Authorization", "Bearer at-" + n);
    }

    private static AuthenticationException authFailure(CompletableFuture<Map<String, String>> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(AuthenticationException.class, e.getCause());
    }

    @Test
    void refreshTokenGrantPostsAUrlEncodedForm() throws Exception {
        transport.answer(200, token(1, 3600));
        assertEquals(bearer(1), refreshTokenProvider().headers().get(5, TimeUnit.SECONDS));

        HttpRequestSpec request = transport.requests.get(0);
        assertEquals("POST", request.method());
        assertEquals(TOKEN_URL, request.path());
        assertTrue(request.isAbsolute());
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        assertEquals("application/json", request.headers().get("Accept"));
        assertEquals("grant_type=refresh_token&refresh_token=rt%2Fone%2Btwo&client_id=my-client"
                + "&client_secret=cl%21ent%26secret%3D42", transport.rawBody(0));
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH_TOKEN,
                "client_id", "my-client", "client_secret", CLIENT_SECRET), transport.form(0));
    }

    @Test
    void clientCredentialsGrantWithScope() throws Exception {
        transport.answer(200, token(1, 3600));
        OAuth2TokenProvider provider = OAuth2TokenProvider.builder(transport, TOKEN_URL,
                        OAuth2TokenProvider.Grant.CLIENT_CREDENTIALS)
                .client("id", new Password("s"))
                .scope("crm.objects.contacts.write crm.objects.contacts.read")
                .clock(clock::get)
                .build();
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "id", "client_secret", "s",
                "scope", "crm.objects.contacts.write crm.objects.contacts.read"), transport.form(0));
        assertFalse(transport.rawBody(0).contains("refresh_token"));
    }

    @Test
    void aPublicClientSendsNoSecret() throws Exception {
        transport.answer(200, token(1, 3600));
        OAuth2TokenProvider provider = OAuth2TokenProvider.builder(transport, TOKEN_URL,
                        OAuth2TokenProvider.Grant.REFRESH_TOKEN)
                .client("id", null).refreshToken(new Password("r")).clock(clock::get).build();
        provider.headers().get(5, TimeUnit.SECONDS);
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "r", "client_id", "id"),
                transport.form(0));
    }

    @Test
    void theTokenIsCachedUntilShortlyBeforeItExpires() throws Exception {
        transport.answer(200, token(1, 3600)).answer(200, token(2, 3600));
        OAuth2TokenProvider provider = refreshTokenProvider();
        long start = clock.get();
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));

        // A one-hour token is refreshed when less than a tenth of its life (6 minutes) is left.
        clock.set(start + 3_600_000 - 360_000 - 1);
        CompletableFuture<Map<String, String>> cached = provider.headers();
        assertTrue(cached.isDone());
        assertEquals(bearer(1), cached.get());
        assertEquals(1, transport.count());

        clock.set(start + 3_600_000 - 360_000);
        assertEquals(bearer(2), provider.headers().get(5, TimeUnit.SECONDS));
        assertEquals(2, transport.count());
    }

    @Test
    void aShortLivedTokenIsRefreshedAMinuteBeforeExpiry() throws Exception {
        transport.answer(200, token(1, 300)).answer(200, token(2, 300));
        OAuth2TokenProvider provider = refreshTokenProvider();
        long start = clock.get();
        provider.headers().get(5, TimeUnit.SECONDS);

        clock.set(start + 240_000 - 1);
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));
        clock.set(start + 240_000);
        assertEquals(bearer(2), provider.headers().get(5, TimeUnit.SECONDS));
        assertEquals(2, transport.count());
    }

    @Test
    void withoutExpiresInTheDefaultLifetimeIsAssumed() throws Exception {
        transport.answer(200, "{\"access_token\":\"at-1\"}").answer(200, token(2, 3600));
        OAuth2TokenProvider provider = OAuth2TokenProvider.builder(transport, TOKEN_URL,
                        OAuth2TokenProvider.Grant.CLIENT_CREDENTIALS)
                .client("id", new Password("s")).clock(clock::get).defaultLifetimeMs(600_000).build();
        long start = clock.get();
        provider.headers().get(5, TimeUnit.SECONDS);
        clock.set(start + 540_000 - 1);
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));
        clock.set(start + 540_000);
        assertEquals(bearer(2), provider.headers().get(5, TimeUnit.SECONDS));
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        CompletableFuture<HttpResult> answer = transport.later();
        OAuth2TokenProvider provider = refreshTokenProvider();

        CompletableFuture<Map<String, String>> first = provider.headers();
        CompletableFuture<Map<String, String>> second = provider.headers();
        assertSame(first, second);
        assertFalse(first.isDone());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CompletableFuture<Map<String, String>>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return provider.headers();
                }));
            }
            go.countDown();
            List<CompletableFuture<Map<String, String>>> futures = new ArrayList<>();
            for (Future<CompletableFuture<Map<String, String>>> call : calls) {
                futures.add(call.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, transport.count(), "one token request for all callers");

            answer.complete(new HttpResult(200, Map.of(), token(1, 3600).getBytes(StandardCharsets.UTF_8)));
            assertEquals(bearer(1), first.get(5, TimeUnit.SECONDS));
            for (CompletableFuture<Map<String, String>> f : futures) {
                assertEquals(bearer(1), f.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));
        assertEquals(1, transport.count());
    }

    @Test
    void aTransportThatAnswersAtOnceStillGivesAFuture() throws Exception {
        // The canned answers complete synchronously: the refresh is done before headers() returns.
        transport.answer(200, token(1, 3600));
        CompletableFuture<Map<String, String>> headers = refreshTokenProvider().headers();
        assertNotNull(headers);
        assertEquals(bearer(1), headers.get(5, TimeUnit.SECONDS));
    }

    @Test
    void invalidateForcesARefresh() throws Exception {
        transport.answer(200, token(1, 3600)).answer(200, token(2, 3600));
        OAuth2TokenProvider provider = refreshTokenProvider();
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));
        assertTrue(provider.invalidate());
        assertEquals(bearer(2), provider.headers().get(5, TimeUnit.SECONDS));
        assertEquals(2, transport.count());
    }

    @Test
    void aRotatedRefreshTokenIsUsedNextTime() throws Exception {
        transport.answer(200, "{\"access_token\":\"at-1\",\"expires_in\":3600,\"refresh_token\":\"rt-rotated\"}")
                .answer(200, token(2, 3600))
                .answer(200, token(3, 3600));
        OAuth2TokenProvider provider = refreshTokenProvider();
        provider.headers().get(5, TimeUnit.SECONDS);
        provider.invalidate();
        provider.headers().get(5, TimeUnit.SECONDS);
        provider.invalidate();
        provider.headers().get(5, TimeUnit.SECONDS);

        assertEquals(REFRESH_TOKEN, transport.form(0).get("refresh_token"));
        assertEquals("rt-rotated", transport.form(1).get("refresh_token"));
        assertEquals("rt-rotated", transport.form(2).get("refresh_token"), "an answer without one keeps the last");
    }

    @Test
    void invalidGrantIsFatalNamingTheCredentialsAndNoSecret() {
        transport.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is expired\"}");
        AuthenticationException e = authFailure(refreshTokenProvider().headers());

        assertEquals(Failure.Kind.FATAL, e.failure().kind());
        assertEquals(400, e.failure().reason().httpStatus());
        assertEquals("invalid_grant", e.failure().reason().code());
        assertTrue(e.getMessage().contains(HINT), e.getMessage());
        assertTrue(e.getMessage().contains("refresh token is expired"), e.getMessage());
        assertTrue(e.getMessage().contains(TOKEN_URL), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(REFRESH_TOKEN), e.getMessage());
        assertFalse(e.failure().reason().summary().contains(CLIENT_SECRET));
    }

    @Test
    void theFutureFailsWithACompletionExceptionWrappingTheAuthenticationException() {
        transport.answer(401, "{\"error\":\"invalid_client\"}");
        CompletionException e = assertThrows(CompletionException.class, () -> refreshTokenProvider().headers().join());
        assertInstanceOf(AuthenticationException.class, e.getCause());
    }

    @Test
    void aSuccessWithoutAccessTokenIsRefused() {
        transport.answer(200, "{\"token_type\":\"bearer\"}");
        AuthenticationException e = authFailure(refreshTokenProvider().headers());
        assertEquals(Failure.Kind.FATAL, e.failure().kind());
        assertEquals("TOKEN_REFUSED", e.failure().reason().code());
        assertTrue(e.getMessage().contains(HINT), e.getMessage());
    }

    @Test
    void aNonJsonRefusalIsFatal() {
        transport.answer(403, "<html>Forbidden</html>");
        AuthenticationException e = authFailure(refreshTokenProvider().headers());
        assertEquals(Failure.Kind.FATAL, e.failure().kind());
        assertEquals("TOKEN_REFUSED", e.failure().reason().code());
    }

    @Test
    void anUnavailableEndpointIsTransient() {
        transport.answer(503, "{\"error\":\"temporarily_unavailable\"}").answer(429, "{}");
        OAuth2TokenProvider provider = refreshTokenProvider();
        AuthenticationException e = authFailure(provider.headers());
        assertEquals(Failure.Kind.TRANSIENT, e.failure().kind());
        assertEquals(503, e.failure().reason().httpStatus());
        assertFalse(e.getMessage().contains(CLIENT_SECRET));

        assertEquals(Failure.Kind.TRANSIENT, authFailure(provider.headers()).failure().kind());
    }

    @Test
    void aTransportErrorIsTransient() {
        transport.fail(new CompletionException(new ConnectException("Connection refused")));
        AuthenticationException e = authFailure(refreshTokenProvider().headers());
        assertEquals(Failure.Kind.TRANSIENT, e.failure().kind());
        assertEquals("TOKEN_ENDPOINT_UNREACHABLE", e.failure().reason().code());
        assertTrue(e.getMessage().contains("ConnectException: Connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
        assertFalse(e.getMessage().contains(REFRESH_TOKEN));
    }

    @Test
    void aFailedRefreshIsTriedAgainByTheNextCaller() throws Exception {
        transport.fail(new ConnectException("down")).answer(200, token(1, 3600));
        OAuth2TokenProvider provider = refreshTokenProvider();
        authFailure(provider.headers());
        assertEquals(bearer(1), provider.headers().get(5, TimeUnit.SECONDS));
        assertEquals(2, transport.count());
    }

    @Test
    void theBuilderNeedsAClientIdAndForTheRefreshGrantARefreshToken() {
        assertThrows(IllegalArgumentException.class, () -> OAuth2TokenProvider.builder(transport, TOKEN_URL,
                OAuth2TokenProvider.Grant.REFRESH_TOKEN).client("id", new Password("s")).build());
        assertThrows(IllegalArgumentException.class, () -> OAuth2TokenProvider.builder(transport, TOKEN_URL,
                OAuth2TokenProvider.Grant.CLIENT_CREDENTIALS).build());
    }
}
