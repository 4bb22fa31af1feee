package io.outflow.connect.testkit.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake HTTP destination on 127.0.0.1 built on the JDK's HttpServer: routes, auth, rate window, latency,
 * seeded faults, a down switch and a request log. Vendor fakes compose one of these (see
 * {@link FakeServerBuilder}). Always serves GET /_fake/state and GET /_fake/requests as inspection routes.
 */
public final class FakeHttpServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add ~40 ms to every answer, which would dwarf the latencies tests and benchmarks measure.
        // Read once by the JDK when its server classes load, so it is set before the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }


    private static final Logger log = LoggerFactory.getLogger(FakeHttpServer.class);

    private final String name;
    private final int requestedPort;
    private final SSLContext sslContext;
    private final int threads;
    private final Clock clock;
    private final RateWindow rateWindow;
    private final FaultInjector faults;
    private final RequestLog requestLog;
    private final RequestPipeline pipeline;
    private HttpServer server;
    private ExecutorService executor;

    private FakeHttpServer(Builder b) {
        this.name = b.name;
        this.requestedPort = b.port;
        this.sslContext = b.sslContext;
        this.threads = b.threads;
        this.clock = b.clock;
        this.rateWindow = RateWindow.of(b.rateLimit, b.rateWindowMs);
        this.faults = new FaultInjector(b.faultPlan, b.seed);
        this.requestLog = new RequestLog();
        List<Route> routes = new ArrayList<>(b.routes);
        // Built-ins go last so a fake can override them by registering the same path itself.
        Supplier<?> stateView = b.stateView;
        routes.add(new Route("GET", PathPattern.of("/_fake/state"), RouteKind.INSPECTION,
                request -> FakeResponse.json(200, stateView.get())));
        routes.add(new Route("GET", PathPattern.of("/_fake/requests"), RouteKind.INSPECTION,
                request -> FakeResponse.json(200, requestsSummary())));
        this.pipeline = new RequestPipeline(new Router(routes), b.auth, b.unauthorized, rateWindow,
                b.rateLimitPolicy, faults, b.faultResponder, clock, requestLog, b.latencyMs);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Binds and starts serving; returns this for chaining. */
    public synchronized FakeHttpServer start() {
        if (server != null) {
            throw new IllegalStateException(name + " already started");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort);
            HttpServer created;
            if (sslContext != null) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
                created = https;
            } else {
                created = HttpServer.create(address, 128);
            }
            executor = threads == 0 ? Executors.newCachedThreadPool(threadFactory())
                    : Executors.newFixedThreadPool(threads, threadFactory());
            created.setExecutor(executor);
            created.createContext("/", new ExchangeAdapter(pipeline));
            created.start();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake " + name + " on port " + requestedPort, e);
        }
        log.info("Fake {} listening on {}", name, baseUrl());
        return this;
    }

    private ThreadFactory threadFactory() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true); // a forgotten close() must not keep the test JVM alive
            return thread;
        };
    }

    /** {@code http(s)://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return (sslContext != null ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** {@link #baseUrl()} + path, e.g. {@code uri("/v1/items/batch")}. */
    public URI uri(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " not started");
        }
        return server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public RateWindow rateWindow() {
        return rateWindow;
    }

    public Clock clock() {
        return clock;
    }

    /** Changes the fixed per-request latency while running. */
    public FakeHttpServer latencyMs(long millis) {
        pipeline.latencyMs(millis);
        return this;
    }

    public long latencyMs() {
        return pipeline.latencyMs();
    }

    /** Clears the request log, fault counters (re-seeding) and the rate window. */
    public void resetObservations() {
        requestLog.clear();
        faults.reset();
        rateWindow.reset();
    }

    private ObjectNode requestsSummary() {
        ObjectNode summary = requestLog.summary();
        ObjectNode injected = summary.putObject("faultsInjected");
        faults.counts().forEach((kind, n) -> injected.put(kind.name(), n));
        summary.put("appliedThenDropped", faults.appliedThenDropped());
        summary.put("faultsEnabled", faults.isEnabled());
        summary.put("down", faults.isDown() ? faults.downMode().name() : null);
        return summary;
    }

    /** Stops accepting, and interrupts handlers still sleeping in latency or slow faults. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Fake {}: handler threads still running after close", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        log.info("Fake {} stopped", name);
    }

    /** Configures one server: the shared options plus routes, auth and the vendor's answer shapes. */
    public static final class Builder extends FakeServerBuilder<Builder> {

        private final String name;
        private final List<Route> routes = new ArrayList<>();
        private AuthCheck auth = AuthCheck.NONE;
        private Function<FakeRequest, FakeResponse> unauthorized =
                request -> FakeResponse.error(401, "UNAUTHORIZED", "invalid token");
        private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.standard();
        private FaultResponder faultResponder = FaultResponder.standard();
        private Supplier<?> stateView = Json::object;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        @Override
        protected Builder self() {
            return this;
        }

        Builder copyOptionsFrom(FakeServerBuilder<?> options) {
            copyFrom(options);
            return this;
        }

        /** A route subject to auth, rate limit, latency and the down switch, but not to random faults. */
        public Builder route(String method, String path, RouteHandler handler) {
            routes.add(new Route(method, PathPattern.of(path), RouteKind.NORMAL, handler));
            return this;
        }

        /** A route random faults may also hit: use it for writes and job polls. */
        public Builder faultableRoute(String method, String path, RouteHandler handler) {
            routes.add(new Route(method, PathPattern.of(path), RouteKind.FAULTABLE, handler));
            return this;
        }

        /** A route outside auth, the rate window and random faults (an OAuth token endpoint); latency and down apply. */
        public Builder openRoute(String method, String path, RouteHandler handler) {
            routes.add(new Route(method, PathPattern.of(path), RouteKind.OPEN, handler));
            return this;
        }

        /** A read-only GET for tests and the demo: never authenticated, limited, delayed, faulted or down. */
        public Builder inspectionRoute(String path, RouteHandler handler) {
            routes.add(new Route("GET", PathPattern.of(path), RouteKind.INSPECTION, handler));
            return this;
        }

        public Builder auth(AuthCheck auth) {
            this.auth = Objects.requireNonNull(auth);
            return this;
        }

        /** The 401 answer; default {"error":"UNAUTHORIZED","message":"invalid token"}. */
        public Builder unauthorizedResponse(Function<FakeRequest, FakeResponse> unauthorized) {
            this.unauthorized = Objects.requireNonNull(unauthorized);
            return this;
        }

        public Builder rateLimitPolicy(RateLimitPolicy policy) {
            this.rateLimitPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder faultResponder(FaultResponder responder) {
            this.faultResponder = Objects.requireNonNull(responder);
            return this;
        }

        /** Body of GET /_fake/state: a JsonNode, Map or POJO computed on each request. */
        public Builder stateView(Supplier<?> stateView) {
            this.stateView = Objects.requireNonNull(stateView);
            return this;
        }

        public FakeHttpServer build() {
            return new FakeHttpServer(this);
        }
    }
}
