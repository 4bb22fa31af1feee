package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.BasicAuth;
import io.outflow.connect.testkit.http.BearerTokenAuth;
import io.outflow.connect.testkit.http.FakeHttpServer;
import io.outflow.connect.testkit.http.FakeServerBuilder;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.Json;
import io.outflow.connect.testkit.http.RequestLog;
import io.outflow.connect.testkit.http.RouteHandler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A stateful fake of the Zendesk Support API's user and organization bulk endpoints: create_or_update_many and
 * destroy_many for users as background jobs polled at /api/v2/job_statuses/{id}, create_or_update and
 * destroy_many for organizations, API-token or OAuth auth, the per-minute rate limit with X-Rate-Limit headers,
 * the 30-job queue limit, the bulk-import switch, plus everything {@link FakeHttpServer} injects.
 * <pre>{@code
 * try (ZendeskFake fake = ZendeskFake.builder().apiToken("me@x.com", "t").jobDelay(Duration.ofMillis(50))
 *         .build().start()) {
 *     // point the connector at fake.baseUrl(), then assert on fake.users(), fake.writeCount(key), ...
 * }
 * }</pre>
 * The exact contract, with its sources, is in this package's package-info.
 */
public final class ZendeskFake implements AutoCloseable {

    public static final String USERS_CREATE_OR_UPDATE_MANY_PATH = "/api/v2/users/create_or_update_many";
    public static final String USERS_DESTROY_MANY_PATH = "/api/v2/users/destroy_many";
    public static final String ORGANIZATIONS_CREATE_OR_UPDATE_PATH = "/api/v2/organizations/create_or_update";
    public static final String ORGANIZATIONS_DESTROY_MANY_PATH = "/api/v2/organizations/destroy_many";
    public static final String JOB_STATUSES_PATH = "/api/v2/job_statuses";

    public static final String DEFAULT_EMAIL = "agent@example.com";
    public static final String DEFAULT_API_TOKEN = "test-api-token";
    public static final String DEFAULT_OAUTH_TOKEN = "test-oauth-token";

    private final FakeHttpServer server;
    private final UserStore users;
    private final OrganizationStore organizations;
    private final JobQueue jobs;
    private final ZendeskAuth auth;
    private final AtomicBoolean bulkImportEnabled;

    private ZendeskFake(FakeHttpServer server, UserStore users, OrganizationStore organizations, JobQueue jobs,
                        ZendeskAuth auth, AtomicBoolean bulkImportEnabled) {
        this.server = server;
        this.users = users;
        this.organizations = organizations;
        this.jobs = jobs;
        this.auth = auth;
        this.bulkImportEnabled = bulkImportEnabled;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ZendeskFake start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code http://127.0.0.1:<port>}: what the connector uses instead of {@code https://<subdomain>.zendesk.com}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Every live user by external id (as last sent) or, for users without one, lower-case email (a copy). */
    public Map<String, Map<String, Object>> users() {
        jobs.settle();
        return users.users();
    }

    /** The live user with this external id or email, both case-insensitive. */
    public Optional<Map<String, Object>> user(String key) {
        jobs.settle();
        return users.user(key);
    }

    /** Upserts applied to this live user: more than one for one produced value means a duplicate delivery. */
    public int writeCount(String key) {
        jobs.settle();
        return users.writeCount(key);
    }

    /** {@link #writeCount} of every live user, by the keys of {@link #users()}. */
    public Map<String, Integer> writeCounts() {
        jobs.settle();
        return users.writeCounts();
    }

    /** Every live organization by external id or, for those without one, name (a copy). */
    public Map<String, Map<String, Object>> organizations() {
        jobs.settle();
        return organizations.organizations();
    }

    public Optional<Map<String, Object>> organization(String key) {
        jobs.settle();
        return organizations.organization(key);
    }

    /** create_or_update calls applied to this live organization. */
    public int organizationWriteCount(String key) {
        jobs.settle();
        return organizations.writeCount(key);
    }

    /** Every id or external id a completed users destroy_many job was given, in order, unknown ones included. */
    public List<String> deletedUserKeys() {
        jobs.settle();
        return users.deletedKeys();
    }

    public List<String> deletedOrganizationKeys() {
        jobs.settle();
        return organizations.deletedKeys();
    }

    /** Jobs by status ("queued", "working", "completed", "failed"), all kinds together. */
    public Map<String, Long> jobCounts() {
        Map<String, Long> counts = new TreeMap<>();
        jobs.countsByStatus().forEach((status, n) -> counts.put(status.json(), n));
        return counts;
    }

    /** Answers with status 429: rate limit, full job queue and injected 429s. */
    public long tooManyRequestsCount() {
        return server.requestLog().count(e -> e.status() == 429);
    }

    /** Submissions answered 429 because the job queue was full. */
    public long jobQueueFullCount() {
        return jobs.refused();
    }

    public RequestLog requestLog() {
        return server.requestLog();
    }

    public FaultInjector faults() {
        return server.faults();
    }

    /** The accepted API token; {@code revoke()} or {@code set(email + "/token", t)} to simulate changes. */
    public BasicAuth apiTokenAuth() {
        return auth.apiToken();
    }

    /** The accepted OAuth access tokens; revoke or rotate them at runtime. */
    public BearerTokenAuth oauthAuth() {
        return auth.oauth();
    }

    /** Turns bulk user import on or off while running, as Zendesk support would for the account. */
    public ZendeskFake bulkImportEnabled(boolean enabled) {
        bulkImportEnabled.set(enabled);
        return this;
    }

    /** The underlying server, for latency, the rate window and the clock. */
    public FakeHttpServer server() {
        return server;
    }

    /** Clears users, organizations, jobs, the request log, fault counters and the rate window; auth is kept. */
    public void reset() {
        jobs.reset();
        users.reset();
        organizations.reset();
        server.resetObservations();
    }

    /** The body of GET /_fake/state. */
    public ObjectNode stateJson() {
        return state(users, organizations, jobs, server);
    }

    private static ObjectNode state(UserStore users, OrganizationStore organizations, JobQueue jobs,
                                    FakeHttpServer server) {
        Map<String, Long> jobCounts = new TreeMap<>();
        jobs.countsByStatus().forEach((status, n) -> jobCounts.put(status.json(), n)); // settles due jobs first
        ObjectNode state = users.toJson();
        state.setAll(organizations.toJson());
        state.set("jobs", Json.mapper().valueToTree(jobCounts));
        state.put("tooManyRequests", server.requestLog().count(e -> e.status() == 429));
        state.put("jobQueueFull", jobs.refused());
        return state;
    }

    /** Zendesk options on top of the shared fake options. The rate limit defaults to 200 per 60,000 ms. */
    public static final class Builder extends FakeServerBuilder<Builder> {

        private String email = DEFAULT_EMAIL;
        private String apiToken = DEFAULT_API_TOKEN;
        private String oauthToken = DEFAULT_OAUTH_TOKEN;
        private boolean bulkImportEnabled = true;
        private Duration jobDelay = Duration.ofMillis(500);
        private double jobFailureProbability;
        private int maxQueuedJobs = 30;
        private int maxBatchSize = 100;
        private Set<String> userFields;
        private boolean emailFallbackMatch;
        private UnknownDeleteResult unknownDeleteResult = UnknownDeleteResult.DELETED;
        private Duration jobRetention = Duration.ofDays(1);
        private String rateLimitMessage = ZendeskRateLimitPolicy.DEFAULT_MESSAGE;

        private Builder() {
            // The brief's default (Team plan). The docs confirm no per-plan figures, only the 2,500/min add-on.
            rateLimit(200, 60_000);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Accepts Basic {@code {email}/token:{token}} (default {@value #DEFAULT_EMAIL} / {@value #DEFAULT_API_TOKEN}). */
        public Builder apiToken(String email, String token) {
            this.email = Objects.requireNonNull(email);
            this.apiToken = Objects.requireNonNull(token);
            return this;
        }

        /** Accepts {@code Authorization: Bearer <token>} (default {@value #DEFAULT_OAUTH_TOKEN}). */
        public Builder oauthToken(String token) {
            this.oauthToken = Objects.requireNonNull(token);
            return this;
        }

        /** When false, create_or_update_many answers 403 as on a real account before Zendesk enables it; default true. */
        public Builder bulkImportEnabled(boolean enabled) {
            this.bulkImportEnabled = enabled;
            return this;
        }

        /** Time from job creation to completion (queued, then working from half of it); default 500 ms. */
        public Builder jobDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("jobDelay must be >= 0: " + delay);
            }
            this.jobDelay = delay;
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

        /** Jobs queued or working at once before 429; default 30 (support article 8050017386522). */
        public Builder maxQueuedJobs(int maxQueuedJobs) {
            this.maxQueuedJobs = requirePositive(maxQueuedJobs, "maxQueuedJobs");
            return this;
        }

        /** Users per create_or_update_many and ids per destroy_many; default 100 (spec). */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = requirePositive(maxBatchSize, "maxBatchSize");
            return this;
        }

        /** The account's custom user field keys: other user_fields keys fail that user. Default: any key. */
        public Builder userFields(Set<String> keys) {
            this.userFields = Set.copyOf(keys);
            return this;
        }

        /**
         * When an input's external_id matches nobody, update the user owning its email (and give it the external
         * id) instead of trying to create one. The docs are silent; default false.
         */
        public Builder emailFallbackMatch(boolean fallback) {
            this.emailFallbackMatch = fallback;
            return this;
        }

        /** How destroy_many reports ids that match nothing; the docs are silent; default {@link UnknownDeleteResult#DELETED}. */
        public Builder unknownDeleteResult(UnknownDeleteResult result) {
            this.unknownDeleteResult = Objects.requireNonNull(result);
            return this;
        }

        /** How long a job can be read after creation; default one day (Zendesk's job_statuses docs). */
        public Builder jobRetention(Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("jobRetention must be > 0: " + retention);
            }
            this.jobRetention = retention;
            return this;
        }

        /** The text/plain body of a rate-limit 429 (the docs do not quote it). */
        public Builder rateLimitMessage(String message) {
            this.rateLimitMessage = Objects.requireNonNull(message);
            return this;
        }

        private static int requirePositive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0: " + value);
            }
            return value;
        }

        public ZendeskFake build() {
            AtomicReference<FakeHttpServer> serverRef = new AtomicReference<>();
            Supplier<String> baseUrl = () -> serverRef.get().baseUrl();
            UserStore users = new UserStore(clock(), new UserRules(userFields), emailFallbackMatch, 10_001L);
            OrganizationStore organizations = new OrganizationStore(clock(), baseUrl, 50_001L);
            JobQueue jobs = new JobQueue(clock(), jobDelay.toMillis(), jobFailureProbability, maxQueuedJobs,
                    jobRetention.toMillis(), seed());
            ZendeskAuth auth = new ZendeskAuth(BasicAuth.of(ZendeskAuth.apiTokenUser(email), apiToken),
                    BearerTokenAuth.of(oauthToken));
            AtomicBoolean bulkImport = new AtomicBoolean(bulkImportEnabled);
            ZendeskHandlers handlers = new ZendeskHandlers(users, organizations, jobs, baseUrl, bulkImport,
                    maxBatchSize, maxQueuedJobs, unknownDeleteResult);
            FakeHttpServer.Builder server = serverBuilder("zendesk")
                    .auth(auth)
                    .unauthorizedResponse(request -> ZendeskErrors.unauthorized())
                    .rateLimitPolicy(new ZendeskRateLimitPolicy(rateLimitMessage))
                    .faultResponder(new ZendeskFaultResponder(rateLimitMessage))
                    .faultableRoute("GET", JOB_STATUSES_PATH + "/{id}", handlers::showJobStatus)
                    .stateView(() -> state(users, organizations, jobs, serverRef.get()));
            // Zendesk serves every endpoint with and without ".json"; the spec copy lists only the bare paths.
            writeRoute(server, "POST", USERS_CREATE_OR_UPDATE_MANY_PATH, handlers::createOrUpdateManyUsers);
            writeRoute(server, "DELETE", USERS_DESTROY_MANY_PATH, handlers::destroyManyUsers);
            writeRoute(server, "POST", ORGANIZATIONS_CREATE_OR_UPDATE_PATH, handlers::createOrUpdateOrganization);
            writeRoute(server, "DELETE", ORGANIZATIONS_DESTROY_MANY_PATH, handlers::destroyManyOrganizations);
            FakeHttpServer built = server.build();
            serverRef.set(built);
            return new ZendeskFake(built, users, organizations, jobs, auth, bulkImport);
        }

        private static void writeRoute(FakeHttpServer.Builder server, String method, String path, RouteHandler handler) {
            server.faultableRoute(method, path, handler).faultableRoute(method, path + ".json", handler);
        }
    }
}
