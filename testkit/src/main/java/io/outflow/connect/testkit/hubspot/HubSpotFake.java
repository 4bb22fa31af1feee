package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.BearerTokenAuth;
import io.outflow.connect.testkit.http.FakeHttpServer;
import io.outflow.connect.testkit.http.FakeServerBuilder;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stateful fake of HubSpot's CRM v3 batch API (upsert, read, archive), its OAuth token endpoint and its rate
 * limits, following the published contract: the OpenAPI spec PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json
 * and the API usage guidelines. Plus everything {@link FakeHttpServer} injects.
 * <pre>{@code
 * try (HubSpotFake fake = HubSpotFake.builder().accessToken("pat").dateProperties(Set.of("birthday"))
 *         .seed(42).build().start()) {
 *     // point the connector at fake.baseUrl(), then assert on fake.objects("contacts"), fake.writeCount(..) ...
 * }
 * }</pre>
 * The exact JSON contract is in this package's package-info.
 */
public final class HubSpotFake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubSpotFake.class);

    public static final String UPSERT_PATH = "/crm/v3/objects/{objectType}/batch/upsert";
    public static final String READ_PATH = "/crm/v3/objects/{objectType}/batch/read";
    public static final String ARCHIVE_PATH = "/crm/v3/objects/{objectType}/batch/archive";
    public static final String TOKEN_PATH = "/oauth/v1/token";
    public static final String DEFAULT_ACCESS_TOKEN = "pat-test-token";
    /** HubSpot's OAuth access-token lifetime. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final FakeHttpServer server;
    private final CrmStore store;
    private final BearerTokenAuth privateApps;
    private final OAuthTokens oauth;
    private final DailyQuota daily;
    private final LimitCounts limits;

    private HubSpotFake(FakeHttpServer server, CrmStore store, BearerTokenAuth privateApps, OAuthTokens oauth,
                        DailyQuota daily, LimitCounts limits) {
        this.server = server;
        this.store = store;
        this.privateApps = privateApps;
        this.oauth = oauth;
        this.daily = daily;
        this.limits = limits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "/crm/v3/objects/contacts/batch/upsert" for {@code upsertPath("contacts")}. */
    public static String upsertPath(String objectType) {
        return UPSERT_PATH.replace("{objectType}", objectType);
    }

    public static String readPath(String objectType) {
        return READ_PATH.replace("{objectType}", objectType);
    }

    public static String archivePath(String objectType) {
        return ARCHIVE_PATH.replace("{objectType}", objectType);
    }

    public HubSpotFake start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code http://127.0.0.1:<port>} (https with {@link Builder#https}); the API and token endpoint both live here. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /**
     * The objects of a type by the value of the id property that created them (emails lower-cased, as HubSpot
     * stores them), each a copy of its properties without {@code hs_object_id}, in creation order.
     */
    public Map<String, Map<String, String>> objects(String objectType) {
        return store.objects(ObjectTypes.canonical(objectType));
    }

    /** The object named by this value of its id property (emails ignore case). */
    public Optional<Map<String, String>> object(String objectType, String idValue) {
        return store.object(ObjectTypes.canonical(objectType), idValue);
    }

    /** Its internal id ({@code hs_object_id}), e.g. to archive it. */
    public Optional<String> internalId(String objectType, String idValue) {
        return store.internalId(ObjectTypes.canonical(objectType), idValue);
    }

    /** How many upserts were applied to the object with this id value: more than one for one produced value is a duplicate. */
    public int writeCount(String objectType, String idValue) {
        return store.writeCount(ObjectTypes.canonical(objectType), idValue);
    }

    /** Upserts applied per id value (as stored) of a type. */
    public Map<String, Integer> writeCounts(String objectType) {
        return store.writeCounts(ObjectTypes.canonical(objectType));
    }

    /** Upsert inputs applied in total, over all types (inputs refused in a 207 are not counted). */
    public long totalApplied() {
        return store.totalApplied();
    }

    /** Every internal id any archive request named, in arrival order, including ids HubSpot ignored as unknown. */
    public List<String> archivedIds() {
        return store.archivedIds();
    }

    /** 429s the fake's own limits answered with this policy (injected 429 faults are in {@link #faults()}). */
    public long rateLimited(HubSpotLimit policy) {
        return limits.count(policy);
    }

    public Map<HubSpotLimit, Long> rateLimitedCounts() {
        return limits.snapshot();
    }

    /** While on, every API call answers 429 DAILY, whatever the token; the token endpoint is unaffected. */
    public HubSpotFake exhaustDailyLimit(boolean exhausted) {
        daily.exhausted(exhausted);
        log.info("HubSpot fake: daily limit {}", exhausted ? "exhausted" : "restored");
        return this;
    }

    public boolean dailyLimitExhausted() {
        return daily.exhausted();
    }

    /** Private-app requests counted against today's quota (UTC day of the server clock). */
    public long dailyUsed() {
        return daily.used(server.clock().millis());
    }

    /** Every OAuth access token issued so far stops working now (simulates expiry mid-run). */
    public void expireAccessTokens() {
        oauth.expireAll();
        log.info("HubSpot fake: all {} issued OAuth access tokens expired", oauth.issued());
    }

    /** OAuth access tokens the token endpoint issued since start. */
    public long accessTokensIssued() {
        return oauth.issued();
    }

    /** The valid private-app tokens; revoke or rotate them at runtime. */
    public BearerTokenAuth privateAppTokens() {
        return privateApps;
    }

    public RequestLog requestLog() {
        return server.requestLog();
    }

    public FaultInjector faults() {
        return server.faults();
    }

    /** The underlying server, for latency changes, the rate window and the clock. */
    public FakeHttpServer server() {
        return server;
    }

    /**
     * Clears objects, write counts, archived ids, 429 counts, today's daily usage, the request log, fault
     * counters (re-seeding) and the rate window. Tokens and the exhausted switch are kept.
     */
    public void reset() {
        store.reset();
        limits.reset();
        daily.reset();
        server.resetObservations();
    }

    /** The body of GET /_fake/state. */
    public ObjectNode stateJson() {
        return state(store, limits, daily, oauth, server.clock());
    }

    private static ObjectNode state(CrmStore store, LimitCounts limits, DailyQuota daily, OAuthTokens oauth,
                                    Clock clock) {
        ObjectNode state = store.toJson();
        ObjectNode limited = state.putObject("rateLimited");
        limits.snapshot().forEach((policy, n) -> limited.put(policy.name(), n));
        state.putObject("daily")
                .put("limit", daily.limit())
                .put("used", daily.used(clock.millis()))
                .put("exhausted", daily.exhausted());
        state.putObject("oauth").put("accessTokensIssued", oauth.issued());
        return state;
    }

    /** HubSpot options on top of the shared fake options. */
    public static final class Builder extends FakeServerBuilder<Builder> {

        private String accessToken = DEFAULT_ACCESS_TOKEN;
        private OAuthClient oauthClient;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private int maxBatchInputs = 100;
        private Set<String> dateProperties = Set.of();
        private Set<String> datetimeProperties = Set.of();
        private Set<String> numberProperties = Set.of();
        private boolean errorsWithoutIds;
        private long dailyLimit = DailyQuota.EFFECTIVELY_UNLIMITED;
        private long rateWindowMs;

        private Builder() {
            rateLimit(100, 10_000); // usage guidelines: 100 requests per 10 seconds for a private app
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Default 100 per 10,000 ms; {@code requests} 0 turns the window and its headers off. */
        @Override
        public Builder rateLimit(int requests, long windowMs) {
            super.rateLimit(requests, windowMs);
            this.rateWindowMs = windowMs; // the Interval-Milliseconds header shows it
            return this;
        }

        /** The private app's access token accepted from the start (default {@value #DEFAULT_ACCESS_TOKEN}). */
        public Builder accessToken(String token) {
            this.accessToken = Objects.requireNonNull(token);
            return this;
        }

        /** The OAuth app and installation whose refresh token the token endpoint accepts; none by default. */
        public Builder oauthClient(String clientId, String clientSecret, String refreshToken) {
            this.oauthClient = new OAuthClient(Objects.requireNonNull(clientId), Objects.requireNonNull(clientSecret),
                    Objects.requireNonNull(refreshToken));
            return this;
        }

        /** How long issued OAuth access tokens work, on the server clock; default 30 minutes. */
        public Builder oauthTokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("oauthTokenLifetime must be positive: " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Larger batches get 400 VALIDATION_ERROR with nothing applied; default 100 (HubSpot's). */
        public Builder maxBatchInputs(int maxBatchInputs) {
            if (maxBatchInputs <= 0) {
                throw new IllegalArgumentException("maxBatchInputs must be > 0: " + maxBatchInputs);
            }
            this.maxBatchInputs = maxBatchInputs;
            return this;
        }

        /** Properties of type date: values must be epoch milliseconds at midnight UTC. */
        public Builder dateProperties(Set<String> names) {
            this.dateProperties = Set.copyOf(names);
            return this;
        }

        /** Properties of type datetime: values must be integer epoch milliseconds. */
        public Builder datetimeProperties(Set<String> names) {
            this.datetimeProperties = Set.copyOf(names);
            return this;
        }

        /** Properties of type number: values must be plain decimals (no exponent). */
        public Builder numberProperties(Set<String> names) {
            this.numberProperties = Set.copyOf(names);
            return this;
        }

        /** Leaves {@code context} (and so the ids) out of 207 errors, for clients that must cope without them. */
        public Builder errorsWithoutIds(boolean omit) {
            this.errorsWithoutIds = omit;
            return this;
        }

        /** Private-app requests allowed per UTC day, then 429 DAILY; default effectively unlimited (2^31 - 1). */
        public Builder dailyLimit(long requestsPerDay) {
            if (requestsPerDay <= 0) {
                throw new IllegalArgumentException("dailyLimit must be > 0: " + requestsPerDay);
            }
            this.dailyLimit = requestsPerDay;
            return this;
        }

        public HubSpotFake build() {
            Clock clock = clock();
            CrmStore store = new CrmStore();
            BearerTokenAuth privateApps = BearerTokenAuth.of(accessToken);
            // A separate random stream from the fault injector's, so tokens do not shift when faults change.
            OAuthTokens oauth = new OAuthTokens(tokenLifetime, seed() * 31 + 11);
            HubSpotAuth auth = new HubSpotAuth(privateApps, oauth, clock);
            DailyQuota daily = new DailyQuota(dailyLimit);
            LimitCounts limits = new LimitCounts();
            DailyLimitGate gate = new DailyLimitGate(daily, auth, limits, clock);
            CrmHandlers handlers = new CrmHandlers(store,
                    new PropertyRules(dateProperties, datetimeProperties, numberProperties),
                    new BatchAnswers(!errorsWithoutIds), maxBatchInputs, clock);
            OAuthTokenEndpoint tokenEndpoint = new OAuthTokenEndpoint(oauthClient, oauth, clock);
            FakeHttpServer server = serverBuilder("hubspot")
                    .auth(auth)
                    .unauthorizedResponse(request -> HubSpotErrors.unauthorized())
                    .rateLimitPolicy(new HubSpotRateLimitPolicy(rateWindowMs, auth, daily, limits, clock))
                    .faultResponder(new HubSpotFaultResponder())
                    .faultableRoute("POST", UPSERT_PATH, gate.guard(handlers::upsert))
                    .faultableRoute("POST", READ_PATH, gate.guard(handlers::read))
                    .faultableRoute("POST", ARCHIVE_PATH, gate.guard(handlers::archive))
                    .openRoute("POST", TOKEN_PATH, tokenEndpoint::handle)
                    .stateView(() -> state(store, limits, daily, oauth, clock))
                    .build();
            return new HubSpotFake(server, store, privateApps, oauth, daily, limits);
        }
    }
}
