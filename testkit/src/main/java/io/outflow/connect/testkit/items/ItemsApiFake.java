package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.BearerTokenAuth;
import io.outflow.connect.testkit.http.FakeHttpServer;
import io.outflow.connect.testkit.http.FakeServerBuilder;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.Json;
import io.outflow.connect.testkit.http.RequestLog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small generic JSON batch API that the delivery engine is tested against without any vendor:
 * bearer auth, batch upsert with per-item partial success, idempotent delete, asynchronous jobs,
 * optional rate limit with X-RateLimit-* headers, plus everything {@link FakeHttpServer} injects.
 * <pre>{@code
 * try (ItemsApiFake fake = ItemsApiFake.builder().token("t").rateLimit(20, 2000).seed(42).build().start()) {
 *     // point the connector at fake.baseUrl(), then assert on fake.items(), fake.upsertCount(key), ...
 * }
 * }</pre>
 * The exact JSON contract is in this package's package-info.
 */
public final class ItemsApiFake implements AutoCloseable {

    /** Upsert: {"items":[{"key":"k1","fields":{..}},..]} → 200 {"results":[{"index":0,"status":"ok"},..]}. */
    public static final String BATCH_PATH = "/v1/items/batch";
    /** Delete: {"keys":["k1",..]} → 200 {"results":[..]}; unknown keys are "ok". */
    public static final String DELETE_PATH = "/v1/items/delete";
    /** Asynchronous upsert: same body as {@link #BATCH_PATH} → 202 {"job":{"id":..,"status":"queued"}}. */
    public static final String JOBS_PATH = "/v1/jobs";
    public static final String DEFAULT_TOKEN = "test-token";

    private final FakeHttpServer server;
    private final ItemStore store;
    private final JobQueue jobs;
    private final BearerTokenAuth auth;

    private ItemsApiFake(FakeHttpServer server, ItemStore store, JobQueue jobs, BearerTokenAuth auth) {
        this.server = server;
        this.store = store;
        this.jobs = jobs;
        this.auth = auth;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ItemsApiFake start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code http://127.0.0.1:<port>} (https with {@link Builder#https}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Every stored item by key (a copy). */
    public Map<String, Map<String, Object>> items() {
        jobs.settle();
        return store.items();
    }

    public Optional<Map<String, Object>> item(String key) {
        jobs.settle();
        return store.item(key);
    }

    /** How many times an upsert of this key was applied: more than once means a duplicate delivery or an update. */
    public int upsertCount(String key) {
        jobs.settle();
        return store.upsertCount(key);
    }

    public Map<String, Integer> upsertCounts() {
        jobs.settle();
        return store.upsertCounts();
    }

    /** Item upserts applied in total, over all keys (rejected items are not counted). */
    public long totalApplied() {
        jobs.settle();
        return store.totalApplied();
    }

    /** Every key any delete request asked for, in arrival order, including unknown keys. */
    public List<String> deletedKeys() {
        jobs.settle();
        return store.deletedKeys();
    }

    /** Jobs by status, e.g. {@code jobCounts().get("completed")}. */
    public Map<String, Long> jobCounts() {
        return jobCounts(jobs);
    }

    private static Map<String, Long> jobCounts(JobQueue jobs) {
        Map<String, Long> counts = new TreeMap<>();
        jobs.countsByStatus().forEach((status, n) -> counts.put(status.json(), n));
        return counts;
    }

    public RequestLog requestLog() {
        return server.requestLog();
    }

    public FaultInjector faults() {
        return server.faults();
    }

    /** The valid tokens; revoke or rotate them at runtime to simulate expiry. */
    public BearerTokenAuth auth() {
        return auth;
    }

    /** The underlying server, for latency changes, the rate window and the clock. */
    public FakeHttpServer server() {
        return server;
    }

    /** Clears data, jobs, the request log, fault counters (re-seeding) and the rate window; auth is kept. */
    public void reset() {
        jobs.reset();
        store.reset();
        server.resetObservations();
    }

    /** The body of GET /_fake/state. */
    public ObjectNode stateJson() {
        return state(store, jobs);
    }

    private static ObjectNode state(ItemStore store, JobQueue jobs) {
        Map<String, Long> jobCounts = jobCounts(jobs); // settles due jobs before the store is read
        ObjectNode state = store.toJson();
        state.set("jobs", Json.mapper().valueToTree(jobCounts));
        return state;
    }

    /** Items-API options on top of the shared fake options. */
    public static final class Builder extends FakeServerBuilder<Builder> {

        private String token = DEFAULT_TOKEN;
        private int maxBatchSize = 100;
        private long jobDelayMs = 200;
        private double jobFailureProbability;
        private int maxQueuedJobs = 30;
        private boolean retryAfterOnRateLimit = true;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The bearer token accepted at start (default {@value #DEFAULT_TOKEN}). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Larger batches (or delete key lists) get 400 BATCH_TOO_LARGE; default 100. */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = requirePositive(maxBatchSize, "maxBatchSize");
            return this;
        }

        /** Time from job creation to completion (queued, then working from half of it); default 200 ms. */
        public Builder jobDelayMs(long jobDelayMs) {
            if (jobDelayMs < 0) {
                throw new IllegalArgumentException("jobDelayMs must be >= 0: " + jobDelayMs);
            }
            this.jobDelayMs = jobDelayMs;
            return this;
        }

        /** Seeded probability that a job ends "failed" and applies nothing; default 0. */
        public Builder jobFailureProbability(double probability) {
            if (probability < 0 || probability > 1) {
                throw new IllegalArgumentException("jobFailureProbability must be in [0,1]: " + probability);
            }
            this.jobFailureProbability = probability;
            return this;
        }

        /** Queued plus working jobs allowed at once; beyond it POST /v1/jobs gets 429 TOO_MANY_JOBS; default 30. */
        public Builder maxQueuedJobs(int maxQueuedJobs) {
            this.maxQueuedJobs = requirePositive(maxQueuedJobs, "maxQueuedJobs");
            return this;
        }

        /** Whether a rate-limit 429 carries Retry-After (default true). */
        public Builder retryAfterOnRateLimit(boolean send) {
            this.retryAfterOnRateLimit = send;
            return this;
        }

        private static int requirePositive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0: " + value);
            }
            return value;
        }

        public ItemsApiFake build() {
            ItemStore store = new ItemStore();
            // A separate stream from the fault injector's, so job failures do not shift when faults change.
            JobQueue jobs = new JobQueue(store, clock(), jobDelayMs, jobFailureProbability, maxQueuedJobs,
                    seed() * 31 + 7);
            BearerTokenAuth auth = BearerTokenAuth.of(token);
            ItemsApiHandlers handlers = new ItemsApiHandlers(store, jobs, maxBatchSize);
            FakeHttpServer server = serverBuilder("items-api")
                    .auth(auth)
                    .rateLimitPolicy(new ItemsRateLimitPolicy(retryAfterOnRateLimit))
                    .faultableRoute("POST", BATCH_PATH, handlers::upsertBatch)
                    .faultableRoute("POST", DELETE_PATH, handlers::delete)
                    .faultableRoute("POST", JOBS_PATH, handlers::submitJob)
                    .faultableRoute("GET", JOBS_PATH + "/{id}", handlers::getJob)
                    .stateView(() -> state(store, jobs))
                    .build();
            return new ItemsApiFake(server, store, jobs, auth);
        }
    }
}
