package io.outflow.connect.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.ManualClock;
import io.outflow.connect.testkit.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static io.outflow.connect.testkit.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeHttpServerTest {

    private static final String TOKEN = "secret";

    private final TestHttp http = new TestHttp();
    /** Writes that reached the handler: "applied" requests. */
    private final AtomicInteger applied = new AtomicInteger();
    private FakeHttpServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    /** A fake with a read route, a faultable write route and a normal write route. */
    private FakeHttpServer start(UnaryOperator<FakeHttpServer.Builder> options) {
        FakeHttpServer.Builder builder = FakeHttpServer.builder("test")
                .route("GET", "/things/{id}", request -> FakeResponse.json(200, Json.object()
                        .put("id", request.pathParam("id"))
                        .put("q", request.queryParam("q").orElse(null))
                        .put("h", request.header("x-test-header"))))
                .faultableRoute("POST", "/things", request -> {
                    JsonNode body = request.json();
                    return FakeResponse.json(201, Json.object()
                            .put("count", applied.incrementAndGet())
                            .put("name", body.path("name").asText()));
                })
                .route("POST", "/unfaulted", request -> FakeResponse.json(200, Json.object()
                        .put("count", applied.incrementAndGet())));
        server = options.apply(builder).build().start();
        return server;
    }

    private String url(String path) {
        return server.baseUrl() + path;
    }

    @Test
    void routesWithPathQueryAndCaseInsensitiveHeaders() throws Exception {
        start(b -> b);
        HttpResponse<String> response = http.get(url("/things/a%20b?q=x%26y&other=1"), "X-Test-Header", "hv");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode body = json(response);
        assertEquals("a b", body.path("id").asText());
        assertEquals("x&y", body.path("q").asText());
        assertEquals("hv", body.path("h").asText());

        HttpResponse<String> created = http.post(url("/things"), "{\"name\":\"n1\"}");
        assertEquals(201, created.statusCode());
        assertEquals("n1", json(created).path("name").asText());
    }

    @Test
    void unknownPathIs404WrongMethodIs405BadJsonIs400() throws Exception {
        start(b -> b);
        HttpResponse<String> missing = http.get(url("/nope"));
        assertEquals(404, missing.statusCode());
        assertEquals("NOT_FOUND", json(missing).path("error").asText());
        assertEquals(405, http.get(url("/things")).statusCode());
        HttpResponse<String> bad = http.post(url("/things"), "{not json");
        assertEquals(400, bad.statusCode());
        assertEquals("INVALID_REQUEST", json(bad).path("error").asText());
        assertEquals(0, applied.get());
    }

    @Test
    void handlerExceptionIs500() throws Exception {
        server = FakeHttpServer.builder("boom")
                .route("GET", "/boom", request -> {
                    throw new IllegalStateException("bug in fake");
                }).build().start();
        HttpResponse<String> response = http.get(url("/boom"));
        assertEquals(500, response.statusCode());
        assertTrue(json(response).path("message").asText().contains("bug in fake"));
    }

    @Test
    void bearerAuthRejectsWithJson401AndFollowsRuntimeChanges() throws Exception {
        BearerTokenAuth auth = BearerTokenAuth.of(TOKEN);
        start(b -> b.auth(auth));

        HttpResponse<String> none = http.get(url("/things/1"));
        assertEquals(401, none.statusCode());
        assertEquals(Json.parse("{\"error\":\"UNAUTHORIZED\",\"message\":\"invalid token\"}"), json(none));
        assertEquals(401, http.getWithToken(url("/things/1"), "wrong").statusCode());
        assertEquals(200, http.getWithToken(url("/things/1"), TOKEN).statusCode());

        auth.revoke(TOKEN);
        assertEquals(401, http.getWithToken(url("/things/1"), TOKEN).statusCode(), "revoked = expired");
        auth.replaceWith("rotated");
        assertEquals(200, http.getWithToken(url("/things/1"), "rotated").statusCode());
        assertEquals(401, http.postWithToken(url("/things"), TOKEN, "{}").statusCode());
        assertEquals(0, applied.get(), "an unauthenticated write is never applied");
        assertEquals(200, http.get(url("/_fake/requests")).statusCode(), "inspection needs no auth");
    }

    @Test
    void aBrokenHookDropsTheConnectionInsteadOfHanging() throws Exception {
        start(b -> b.auth(request -> {
            throw new IllegalStateException("bug in auth hook");
        }));
        assertThrows(IOException.class, () -> http.post(url("/unfaulted"), "{}"));
        assertEquals(0, applied.get());
    }

    @Test
    void basicAuth() throws Exception {
        BasicAuth auth = BasicAuth.of("me@example.com/token", "api-token");
        start(b -> b.auth(auth));
        String good = "Basic " + Base64.getEncoder()
                .encodeToString("me@example.com/token:api-token".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, http.get(url("/things/1"), "Authorization", good).statusCode());
        assertEquals(401, http.get(url("/things/1"), "Authorization", "Basic bm9wZTpub3Bl").statusCode());
        auth.revoke();
        assertEquals(401, http.get(url("/things/1"), "Authorization", good).statusCode());
    }

    @Test
    void rateWindowAnswers429UntilClockMovesAndSkipsInspection() throws Exception {
        ManualClock clock = ManualClock.startingAtRoundSecond();
        start(b -> b.clock(clock).rateLimit(2, 1000));

        assertEquals(200, http.get(url("/things/1")).statusCode());
        clock.advanceMillis(300);
        assertEquals(201, http.post(url("/things"), "{}").statusCode());
        HttpResponse<String> limited = http.post(url("/things"), "{}");
        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow(), "700 ms rounds up to 1 s");
        assertEquals("RATE_LIMITED", json(limited).path("error").asText());
        assertEquals(1, applied.get(), "a 429 is not applied");
        assertEquals(200, http.get(url("/_fake/state")).statusCode(), "inspection is never limited");

        clock.advanceMillis(700);
        assertEquals(201, http.post(url("/things"), "{}").statusCode());
    }

    @Test
    void statusFaultsAreAnsweredWithoutApplying() throws Exception {
        start(b -> b);
        assertStatusFault(FaultPlan.always(FaultKind.HTTP_500), 500, null);
        assertStatusFault(FaultPlan.always(FaultKind.HTTP_503), 503, null);
        assertStatusFault(FaultPlan.builder().rateLimited(1.0).retryAfterSeconds(7).build(), 429, "7");
        assertStatusFault(FaultPlan.always(FaultKind.HTTP_429_NO_RETRY_AFTER), 429, null);
        assertEquals(0, applied.get());
        assertEquals(1, server.faults().count(FaultKind.HTTP_500));
        assertEquals(1, server.faults().count(FaultKind.HTTP_503));
        assertEquals(1, server.faults().count(FaultKind.HTTP_429_RETRY_AFTER));
        assertEquals(1, server.faults().count(FaultKind.HTTP_429_NO_RETRY_AFTER));
    }

    private void assertStatusFault(FaultPlan plan, int status, String retryAfter) throws IOException {
        server.faults().plan(plan);
        HttpResponse<String> response = http.post(url("/things"), "{}");
        assertEquals(status, response.statusCode());
        assertEquals(retryAfter, response.headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void faultsSpareNormalAndInspectionRoutes() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.HTTP_500)));
        assertEquals(200, http.get(url("/things/1")).statusCode());
        assertEquals(200, http.post(url("/unfaulted"), "{}").statusCode());
        assertEquals(200, http.get(url("/_fake/requests")).statusCode());
        assertEquals(500, http.post(url("/things"), "{}").statusCode());
        assertEquals(1, server.faults().totalInjected());

        server.faults().disable();
        assertEquals(201, http.post(url("/things"), "{}").statusCode());
    }

    @Test
    void slowFaultDelaysThenAnswersNormally() throws Exception {
        start(b -> b.faults(FaultPlan.builder().slow(1.0).slowDelayMs(400).build()));
        long start = System.nanoTime();
        HttpResponse<String> response = http.post(url("/things"), "{}");
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(201, response.statusCode());
        assertTrue(elapsedMs >= 400, "answered after " + elapsedMs + " ms");

        TestHttp impatient = new TestHttp().timeout(Duration.ofMillis(100));
        assertThrows(HttpTimeoutException.class, () -> impatient.post(url("/things"), "{}"));
        assertEquals(2, server.faults().count(FaultKind.SLOW));
    }

    @Test
    void dropBeforeApplyIsAnIOExceptionAndChangesNothing() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.DROP_BEFORE_APPLY)));
        assertThrows(IOException.class, () -> http.post(url("/things"), "{\"name\":\"x\"}"));
        assertEquals(0, applied.get());
        assertEquals(1, server.faults().count(FaultKind.DROP_BEFORE_APPLY));
        assertEquals(0, server.faults().appliedThenDropped());
        LoggedRequest logged = server.requestLog().entries().get(0);
        assertTrue(logged.dropped());
        assertEquals(FaultKind.DROP_BEFORE_APPLY, logged.fault());
    }

    @Test
    void dropAfterApplyChangesStateButClientSeesIOException() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.DROP_AFTER_APPLY)));
        assertThrows(IOException.class, () -> http.post(url("/things"), "{}"));
        assertThrows(IOException.class, () -> http.post(url("/things"), "{}"));
        assertEquals(2, applied.get(), "the handler ran: this is how duplicates happen");
        assertEquals(2, server.faults().appliedThenDropped());
        assertEquals(2, server.faults().count(FaultKind.DROP_AFTER_APPLY));

        server.faults().disable();
        assertEquals(201, http.post(url("/things"), "{}").statusCode(), "the client recovers on a new connection");
    }

    @Test
    void downSwitchDropsOrAnswers503UntilBack() throws Exception {
        start(b -> b);
        server.faults().goDown(DownMode.DROP_CONNECTION);
        // POST, not GET: java.net.http silently retries an idempotent request once after a dropped connection.
        assertThrows(IOException.class, () -> http.post(url("/unfaulted"), "{}"));
        assertEquals(200, http.get(url("/_fake/state")).statusCode(), "inspection works while down");

        server.faults().goDown(DownMode.HTTP_503);
        assertEquals(503, http.post(url("/unfaulted"), "{}").statusCode());

        server.faults().comeBack();
        assertEquals(200, http.post(url("/unfaulted"), "{}").statusCode());
        assertEquals(2, server.faults().count(FaultKind.DOWN));
        assertEquals(1, applied.get(), "nothing is applied while down");
    }

    @Test
    void latencyDelaysEveryVendorRequest() throws Exception {
        start(b -> b.latencyMs(300));
        long start = System.nanoTime();
        assertEquals(200, http.get(url("/things/1")).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);

        server.latencyMs(0);
        start = System.nanoTime();
        assertEquals(200, http.get(url("/things/1")).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 300);
    }

    @Test
    void manyConcurrentSlowRequestsAreServedInParallel() throws Exception {
        start(b -> b.latencyMs(500));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> http.post(url("/unfaulted"), "{}").statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
            long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsedMs < 3000, "20 requests of 500 ms took " + elapsedMs + " ms: not parallel");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestLogRecordsEveryRequestAndClears() throws Exception {
        ManualClock clock = ManualClock.startingAtRoundSecond();
        start(b -> b.clock(clock));
        http.post(url("/things"), "{\"name\":\"abc\"}");
        http.get(url("/nope"));
        server.faults().plan(FaultPlan.always(FaultKind.HTTP_503));
        http.post(url("/things"), "{}");

        List<LoggedRequest> entries = server.requestLog().entries();
        assertEquals(3, entries.size());
        LoggedRequest first = entries.get(0);
        assertEquals("POST", first.method());
        assertEquals("/things", first.path());
        assertEquals("POST /things", first.route());
        assertEquals(201, first.status());
        assertEquals(14, first.bodyBytes());
        assertEquals(clock.instant(), first.at());
        assertNull(first.fault());
        assertNull(entries.get(1).route());
        assertEquals(404, entries.get(1).status());
        assertEquals(FaultKind.HTTP_503, entries.get(2).fault());
        assertEquals(2, server.requestLog().countRoute("POST /things"));

        JsonNode summary = json(http.get(url("/_fake/requests")));
        assertEquals(3, summary.path("total").asInt());
        assertEquals(1, summary.path("byStatus").path("201").asInt());
        assertEquals(1, summary.path("byFault").path("HTTP_503").asInt());
        assertEquals(1, summary.path("faultsInjected").path("HTTP_503").asInt());
        assertEquals(2, summary.path("byRoute").path("POST /things").asInt());

        server.requestLog().clear();
        assertEquals(0, server.requestLog().size());
    }

    @Test
    void stateViewIsServedAndOverridable() throws Exception {
        start(b -> b.stateView(() -> Map.of("applied", applied.get())));
        http.post(url("/unfaulted"), "{}");
        assertEquals(1, json(http.get(url("/_fake/state"))).path("applied").asInt());
    }

    @Test
    void servesHttpsWithCallerSuppliedContext(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        start(b -> b.https(tls.serverContext()));
        assertTrue(server.baseUrl().startsWith("https://127.0.0.1:"));
        HttpResponse<String> response = new TestHttp(tls.clientContext()).get(url("/things/7"));
        assertEquals(200, response.statusCode());
        assertEquals("7", json(response).path("id").asText());
        assertThrows(IOException.class, () -> http.get(url("/things/7")), "an untrusting client fails the handshake");
        assertTrue(tls.trustStorePath().toFile().isFile());
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        start(b -> b);
        String base = server.baseUrl();
        server.close();
        server.close();
        assertThrows(IOException.class, () -> http.get(base + "/things/1"));
        assertFalse(server.faults().isDown());
    }
}
