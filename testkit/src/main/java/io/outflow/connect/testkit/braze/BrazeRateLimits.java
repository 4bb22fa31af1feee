package io.outflow.connect.testkit.braze;

import io.outflow.connect.testkit.http.FakeHttpException;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.RateDecision;
import io.outflow.connect.testkit.http.RateWindow;
import io.outflow.connect.testkit.http.RouteHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Braze's rate limits, one bucket per endpoint group (braze-docs {@code _docs/_api/api_limits.md}):
 * /users/track 3,000 requests per three seconds; /users/delete 20,000 per minute (shared in Braze with
 * /users/alias/new, /users/identify, /users/merge and /users/alias/update, which this fake does not serve).
 * <p>
 * The shared server's single rate window would make deletes use up the track quota, so the windows live
 * here and wrap the handlers. Consequences: the check runs after a random fault is drawn, a faulted request
 * uses no quota, and injected fault answers carry no X-RateLimit headers (like a 5XX from Braze's edge).
 * <p>
 * "Every single API request sent to Braze returns" {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} ("in UTC epoch seconds"); here every answer of the two endpoints, 429s included, does (not
 * the 401s, which the server answers before any handler). Over the limit: 429 {"message":"Rate Limited"};
 * no Retry-After is documented for /users/track, so it is sent only when asked for.
 */
final class BrazeRateLimits {

    private static final Logger log = LoggerFactory.getLogger(BrazeRateLimits.class);

    private final RateWindow track;
    private final RateWindow delete;
    private final Clock clock;
    private final BrazeResponses responses;
    private final boolean retryAfter;
    private final AtomicLong rejected = new AtomicLong();

    BrazeRateLimits(RateWindow track, RateWindow delete, Clock clock, BrazeResponses responses, boolean retryAfter) {
        this.track = track;
        this.delete = delete;
        this.clock = clock;
        this.responses = responses;
        this.retryAfter = retryAfter;
    }

    RouteHandler track(RouteHandler handler) {
        return limited(track, handler);
    }

    RouteHandler delete(RouteHandler handler) {
        return limited(delete, handler);
    }

    private RouteHandler limited(RateWindow window, RouteHandler handler) {
        return request -> {
            RateDecision decision = window.tryAcquire(clock.millis());
            if (!decision.allowed()) {
                rejected.incrementAndGet();
                log.debug("Braze fake: {} over the rate limit of {}", request, decision.limit());
                return withHeaders(tooMany(decision), decision);
            }
            return withHeaders(answer(handler, request), decision);
        };
    }

    private static FakeResponse answer(RouteHandler handler, FakeRequest request) throws Exception {
        try {
            return handler.handle(request);
        } catch (FakeHttpException e) {
            return e.response();
        }
    }

    private FakeResponse tooMany(RateDecision decision) {
        FakeResponse response = responses.message(429, TrackErrors.RATE_LIMITED);
        return retryAfter
                ? response.withHeader(responses.header("Retry-After"), Long.toString(decision.retryAfterSeconds()))
                : response;
    }

    private FakeResponse withHeaders(FakeResponse response, RateDecision decision) {
        if (decision.unlimited()) {
            return response;
        }
        return response
                .withHeader(responses.header("X-RateLimit-Limit"), Integer.toString(decision.limit()))
                .withHeader(responses.header("X-RateLimit-Remaining"), Integer.toString(decision.remaining()))
                .withHeader(responses.header("X-RateLimit-Reset"), Long.toString(decision.resetEpochSeconds()));
    }

    /** 429s answered by the windows since start or the last reset. */
    long rejected() {
        return rejected.get();
    }

    void reset() {
        track.reset();
        delete.reset();
        rejected.set(0);
    }
}
