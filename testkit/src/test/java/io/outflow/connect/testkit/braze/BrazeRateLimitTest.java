package io.outflow.connect.testkit.braze;

import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.RateWindow;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.outflow.connect.testkit.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrazeRateLimitTest extends BrazeFakeTestSupport {

    private static final String ONE_USER = "{\"attributes\":[{\"external_id\":\"u1\",\"n\":1}]}";

    @Test
    void everyAnswerCarriesTheDefaultTrackLimitReadableInAnyCase() throws Exception {
        start(b -> b);
        long t0 = clock.millis();
        HttpResponse<String> first = track(ONE_USER);
        assertEquals(201, first.statusCode());
        assertEquals(Optional.of("3000"), first.headers().firstValue("x-ratelimit-limit"));
        assertEquals(Optional.of("3000"), first.headers().firstValue("X-RateLimit-Limit"));
        assertEquals(Optional.of("2999"), first.headers().firstValue("x-ratelimit-remaining"));
        assertEquals(Optional.of("2999"), first.headers().firstValue("X-RateLimit-Remaining"));
        assertEquals(Optional.of(Long.toString((t0 + 3000) / 1000)), first.headers().firstValue("x-ratelimit-reset"));
        assertEquals(Optional.of(Long.toString((t0 + 3000) / 1000)), first.headers().firstValue("X-RateLimit-Reset"));

        HttpResponse<String> fatal = track("{}");
        assertEquals(400, fatal.statusCode());
        assertEquals(Optional.of("2998"), fatal.headers().firstValue("X-RateLimit-Remaining"), "400s carry them too");
    }

    @Test
    void overTheLimitIs429WithTheHeadersAndNoRetryAfter() throws Exception {
        start(b -> b.rateLimit(2, 2000));
        long t0 = clock.millis();
        track(ONE_USER);
        clock.advanceMillis(500);
        track(ONE_USER);
        clock.advanceMillis(1);

        HttpResponse<String> limited = track("{\"attributes\":[{\"external_id\":\"u2\"}]}");
        assertEquals(429, limited.statusCode());
        assertJson(q("{'message':'Rate Limited'}"), limited);
        assertEquals(Optional.of("2"), limited.headers().firstValue("x-ratelimit-limit"));
        assertEquals(Optional.of("0"), limited.headers().firstValue("X-RateLimit-Remaining"));
        assertEquals(Optional.of(Long.toString((t0 + 2000) / 1000)), limited.headers().firstValue("x-ratelimit-reset"));
        assertTrue(limited.headers().firstValue("Retry-After").isEmpty());
        assertEquals(Optional.empty(), fake.user("u2"), "nothing applied");
        assertEquals(1, fake.rateLimitedCount());
        assertEquals(1, fake.counts().rateLimited());
        assertEquals(200, http.get(fake.baseUrl() + "/_fake/state").statusCode(), "inspection is never limited");

        clock.advanceMillis(1499);
        assertEquals(201, track("{\"attributes\":[{\"external_id\":\"u2\"}]}").statusCode(), "the oldest slot freed");
    }

    @Test
    void retryAfterOnlyWhenAskedFor() throws Exception {
        start(b -> b.rateLimit(1, 1000).retryAfterOnRateLimit(true));
        track(ONE_USER);
        clock.advanceMillis(400);
        HttpResponse<String> limited = track(ONE_USER);
        assertEquals(429, limited.statusCode());
        assertEquals(Optional.of("1"), limited.headers().firstValue("retry-after"), "600 ms rounds up to 1 s");
    }

    @Test
    void deletesHaveTheirOwnBucket() throws Exception {
        start(b -> b.rateLimit(1, 1000).deleteRateLimit(5, 60_000));
        track(ONE_USER);
        assertEquals(429, track(ONE_USER).statusCode());
        HttpResponse<String> deleted = delete("{\"external_ids\":[\"u1\"]}");
        assertEquals(202, deleted.statusCode());
        assertEquals(Optional.of("5"), deleted.headers().firstValue("x-ratelimit-limit"));
        assertEquals(Optional.of("4"), deleted.headers().firstValue("x-ratelimit-remaining"));
    }

    @Test
    void anUnlimitedBucketSendsNoHeaders() throws Exception {
        start(b -> b.rateLimit(0, 0));
        assertTrue(track(ONE_USER).headers().firstValue("x-ratelimit-limit").isEmpty());
    }

    @Test
    void headerNamesAreLowerCaseByDefaultOrAsDocumented() throws Exception {
        FakeRequest request = FakeRequest.of("POST", BrazeFake.TRACK_PATH, null, Map.of(), new byte[0]);
        FakeResponse lower = limits(true).track(r -> new BrazeResponses(true).message(201, "success")).handle(request);
        assertEquals(List.of("content-type", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"),
                List.copyOf(lower.headers().keySet()));
        FakeResponse mixed = limits(false).track(r -> new BrazeResponses(false).message(201, "success")).handle(request);
        assertEquals(List.of("Content-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"),
                List.copyOf(mixed.headers().keySet()));
    }

    private BrazeRateLimits limits(boolean lowercase) {
        return new BrazeRateLimits(RateWindow.of(10, 1000), RateWindow.of(10, 1000), clock,
                new BrazeResponses(lowercase), false);
    }

    /**
     * Pins what a client really receives: the JDK server re-cases names, so the documented
     * {@code X-RateLimit-Limit} never appears verbatim and an exact-case lookup of it fails here too.
     */
    @Test
    void onTheWireTheNamesAreNotInTheDocumentedCase() throws Exception {
        start(b -> b.lowercaseHeaders(false));
        String head = rawPost(BrazeFake.TRACK_PATH, ONE_USER);
        assertTrue(head.startsWith("HTTP/1.1 201"), head);
        String name = Arrays.stream(head.split("\r\n"))
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("x-ratelimit-limit:"))
                .map(line -> line.substring(0, line.indexOf(':')))
                .findFirst().orElseThrow();
        assertNotEquals("X-RateLimit-Limit", name);
    }

    private String rawPost(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", fake.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n\r\n"));
        }
    }

    @Test
    void injected429FaultsAreNotRateLimitCounts() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.HTTP_429_RETRY_AFTER)));
        HttpResponse<String> response = track(ONE_USER);
        assertEquals(429, response.statusCode());
        assertEquals("Rate Limited", json(response).path("message").asText());
        assertEquals(Optional.of("1"), response.headers().firstValue("Retry-After"));
        assertEquals(0, fake.rateLimitedCount());
    }
}
