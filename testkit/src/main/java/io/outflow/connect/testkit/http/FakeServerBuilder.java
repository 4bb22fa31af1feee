package io.outflow.connect.testkit.http;

import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.util.Objects;

/**
 * The options every fake shares (port, TLS, threads, latency, rate limit, faults, seed, clock). Vendor fakes
 * extend this with their own options and call {@link #serverBuilder(String)} to get a server builder
 * pre-filled with these, so all fakes are configured the same way:
 * <pre>{@code
 * ItemsApiFake.builder().token("t").rateLimit(20, 2000).latencyMs(5).faults(plan).seed(42).build().start();
 * }</pre>
 *
 * @param <B> the concrete builder, so chained calls keep its type
 */
public abstract class FakeServerBuilder<B extends FakeServerBuilder<B>> {

    int port;
    SSLContext sslContext;
    int threads;
    long latencyMs;
    int rateLimit;
    long rateWindowMs;
    FaultPlan faultPlan = FaultPlan.none();
    long seed = 42L;
    Clock clock = Clock.systemUTC();

    protected abstract B self();

    /** Port to bind on 127.0.0.1; 0 (the default) picks a free one. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Serves HTTPS with this context instead of plain HTTP (see {@link SelfSignedTls}). */
    public B https(SSLContext sslContext) {
        this.sslContext = Objects.requireNonNull(sslContext);
        return self();
    }

    /** Handler threads; 0 (the default) uses a cached pool so many slow requests can wait at once. */
    public B threads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
        this.threads = threads;
        return self();
    }

    /** Fixed delay before every non-inspection request is handled. */
    public B latencyMs(long latencyMs) {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
        }
        this.latencyMs = latencyMs;
        return self();
    }

    /** At most {@code requests} admitted requests per rolling {@code windowMs}; 0 requests = unlimited. */
    public B rateLimit(int requests, long windowMs) {
        RateWindow.of(requests, windowMs); // validates
        this.rateLimit = requests;
        this.rateWindowMs = windowMs;
        return self();
    }

    public B faults(FaultPlan plan) {
        this.faultPlan = Objects.requireNonNull(plan);
        return self();
    }

    /** Seed of every random choice the fake makes (faults, job failures): same seed, same run. */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Clock for the rate window, job timing and the request log; tests can pass a controllable one. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return self();
    }

    protected long seed() {
        return seed;
    }

    protected Clock clock() {
        return clock;
    }

    /** A server builder carrying this builder's shared options; the caller adds routes, auth and policies. */
    protected FakeHttpServer.Builder serverBuilder(String name) {
        return FakeHttpServer.builder(name).copyOptionsFrom(this);
    }

    void copyFrom(FakeServerBuilder<?> other) {
        port = other.port;
        sslContext = other.sslContext;
        threads = other.threads;
        latencyMs = other.latencyMs;
        rateLimit = other.rateLimit;
        rateWindowMs = other.rateWindowMs;
        faultPlan = other.faultPlan;
        seed = other.seed;
        clock = other.clock;
    }
}
