package io.outflow.connect.testkit.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order in which a fake treats a request, independent of sockets:
 * inspection shortcut, down switch, latency, routing (404/405), auth (401), rate window (429),
 * random fault, handler, drop-after-apply. Every request ends up in the {@link RequestLog}.
 */
final class RequestPipeline {

    private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);

    private final Router router;
    private final AuthCheck auth;
    private final Function<FakeRequest, FakeResponse> unauthorized;
    private final RateWindow rateWindow;
    private final RateLimitPolicy rateLimitPolicy;
    private final FaultInjector faults;
    private final FaultResponder faultResponder;
    private final Clock clock;
    private final RequestLog requestLog;
    private volatile long latencyMs;

    RequestPipeline(Router router, AuthCheck auth, Function<FakeRequest, FakeResponse> unauthorized,
                    RateWindow rateWindow, RateLimitPolicy rateLimitPolicy, FaultInjector faults,
                    FaultResponder faultResponder, Clock clock, RequestLog requestLog, long latencyMs) {
        this.router = router;
        this.auth = auth;
        this.unauthorized = unauthorized;
        this.rateWindow = rateWindow;
        this.rateLimitPolicy = rateLimitPolicy;
        this.faults = faults;
        this.faultResponder = faultResponder;
        this.clock = clock;
        this.requestLog = requestLog;
        this.latencyMs = latencyMs;
    }

    void latencyMs(long millis) {
        this.latencyMs = millis;
    }

    long latencyMs() {
        return latencyMs;
    }

    Outcome process(FakeRequest request) {
        Instant at = clock.instant();
        Optional<Router.Match> match = router.match(request.method(), request.path());
        Outcome outcome = decide(request, match);
        Route route = match.map(Router.Match::route).orElse(null);
        requestLog.add(new LoggedRequest(at, request.method(), request.path(),
                route == null ? null : route.name(), route == null ? null : route.kind(),
                outcome.status(), outcome.fault(), request.bodyLength()));
        return outcome;
    }

    private Outcome decide(FakeRequest request, Optional<Router.Match> match) {
        if (match.isPresent() && match.get().route().kind() == RouteKind.INSPECTION) {
            return Outcome.answer(invoke(match.get(), request), null);
        }
        DownMode down = faults.downMode();
        if (down != null) {
            faults.recordDown();
            return down == DownMode.DROP_CONNECTION
                    ? Outcome.drop(FaultKind.DOWN)
                    : Outcome.answer(faultResponder.respond(FaultKind.DOWN, faults.plan()), FaultKind.DOWN);
        }
        if (!pause(latencyMs)) {
            return Outcome.drop(null);
        }
        if (match.isEmpty()) {
            return Outcome.answer(notRouted(request), null);
        }
        if (match.get().route().kind() == RouteKind.OPEN) {
            return Outcome.answer(invoke(match.get(), request), null);
        }
        if (!auth.authorized(request)) {
            return Outcome.answer(unauthorized.apply(request), null);
        }
        RateDecision decision = rateWindow.tryAcquire(clock.millis());
        if (!decision.allowed()) {
            return Outcome.answer(rateLimitPolicy.rejected(request, decision), null);
        }
        FaultKind fault = match.get().route().kind() == RouteKind.FAULTABLE ? faults.draw() : null;
        return handleWithFault(request, match.get(), decision, fault);
    }

    private Outcome handleWithFault(FakeRequest request, Router.Match match, RateDecision decision, FaultKind fault) {
        FaultPlan plan = faults.plan();
        if (fault != null) {
            switch (fault) {
                case HTTP_500, HTTP_503, HTTP_429_RETRY_AFTER, HTTP_429_NO_RETRY_AFTER -> {
                    return Outcome.answer(rateLimitPolicy.decorate(faultResponder.respond(fault, plan), decision), fault);
                }
                case DROP_BEFORE_APPLY -> {
                    return Outcome.drop(fault);
                }
                case SLOW -> {
                    if (!pause(plan.slowDelayMs())) {
                        return Outcome.drop(fault);
                    }
                }
                default -> {
                    // DROP_AFTER_APPLY is handled once the handler has run.
                }
            }
        }
        FakeResponse response = invoke(match, request);
        if (fault == FaultKind.DROP_AFTER_APPLY) {
            if (response.status() < 400) {
                faults.recordAppliedThenDropped();
            }
            return Outcome.drop(fault);
        }
        return Outcome.answer(rateLimitPolicy.decorate(response, decision), fault);
    }

    private FakeResponse notRouted(FakeRequest request) {
        if (router.pathExists(request.path())) {
            return FakeResponse.error(405, "METHOD_NOT_ALLOWED", request.method() + " not allowed on " + request.path());
        }
        return FakeResponse.error(404, "NOT_FOUND", "no route for " + request.method() + " " + request.path());
    }

    private FakeResponse invoke(Router.Match match, FakeRequest request) {
        try {
            return match.route().handler().handle(request.withPathParams(match.pathParams()));
        } catch (FakeHttpException e) {
            return e.response();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FakeResponse.error(503, "UNAVAILABLE", "server shutting down");
        } catch (Exception e) {
            // A handler bug must be visible in the test output, not only as a 500 the client may retry.
            log.warn("Handler of {} failed on {}", match.route().name(), request, e);
            return FakeResponse.error(500, "INTERNAL", String.valueOf(e));
        }
    }

    /** Sleeps; false when interrupted (the server is closing), so the caller drops the connection. */
    private static boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
