package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.BearerTokenAuth;
import io.outflow.connect.testkit.http.FakeHttpServer;
import io.outflow.connect.testkit.http.FakeServerBuilder;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.RateWindow;
import io.outflow.connect.testkit.http.RequestLog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stateful fake of Braze's REST API {@code POST /users/track} and {@code POST /users/delete}, following
 * Braze's published contract (braze-docs {@code _docs/_api/endpoints/user_data/post_user_track.md},
 * {@code post_user_delete.md}, {@code _docs/_api/errors.md}, braze.com/docs/api/api_limits): bearer REST API key,
 * at most 75 objects per track request across the three arrays, per-object partial success, events never
 * deduplicated, one identifier type per delete, per-endpoint rate limits with X-RateLimit-* headers, plus
 * everything {@link FakeHttpServer} injects.
 * <pre>{@code
 * try (BrazeFake braze = BrazeFake.builder().apiKey("k").seed(42).build().start()) {
 *     // point the connector at braze.baseUrl(), then assert on braze.users(), braze.events("u1"), ...
 * }
 * }</pre>
 * The exact JSON contract, and every point where Braze's docs are silent and what this fake does there, is
 * in this package's package-info.
 */
public final class BrazeFake implements AutoCloseable {

    public static final String TRACK_PATH = "/users/track";
    public static final String DELETE_PATH = "/users/delete";
    public static final String DEFAULT_API_KEY = "test-braze-rest-api-key";

    private final FakeHttpServer server;
    private final BrazeStore store;
    private final BrazeRateLimits limits;
    private final BearerTokenAuth auth;

    private BrazeFake(FakeHttpServer server, BrazeStore store, BrazeRateLimits limits, BearerTokenAuth auth) {
        this.server = server;
        this.store = store;
        this.limits = limits;
        this.auth = auth;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BrazeFake start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code http://127.0.0.1:<port>}: the connector's REST endpoint (https with {@link Builder#https}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Profiles that have an external_id: external_id → attributes (creation order; a copy). */
    public Map<String, Map<String, Object>> users() {
        return store.users();
    }

    /** The attributes of the profile with this external_id (a copy). */
    public Optional<Map<String, Object>> user(String externalId) {
        return store.user(externalId);
    }

    /** Every profile, with or without an external_id, in creation order. */
    public List<BrazeProfile> profiles() {
        return store.profiles();
    }

    /** Every recorded event in arrival order, duplicates included (Braze never deduplicates). */
    public List<BrazeEvent> events() {
        return store.events();
    }

    /** The events recorded for the profile with this external_id, in arrival order. */
    public List<BrazeEvent> events(String externalId) {
        return events().stream().filter(e -> externalId.equals(e.externalId())).toList();
    }

    public List<BrazePurchase> purchases() {
        return store.purchases();
    }

    public List<BrazePurchase> purchases(String externalId) {
        return purchases().stream().filter(p -> externalId.equals(p.externalId())).toList();
    }

    /**
     * Every identifier any accepted delete asked for, in arrival order, unknown ones included: the value, or
     * {@code alias_label:alias_name} for an alias.
     */
    public List<String> deletedIds() {
        return store.deletedIds();
    }

    /** Every per-object error answered so far, in answer order. */
    public List<TrackError> errors() {
        return store.errors();
    }

    public BrazeCounts counts() {
        return store.counts(limits.rejected());
    }

    /** Requests refused with 429 by the rate limits (injected 429 faults are in {@link #faults()}). */
    public long rateLimitedCount() {
        return limits.rejected();
    }

    /**
     * Requests applied and then answered by a dropped connection: a correct client that retries them causes at
     * most this many duplicate batches (events and purchases are recorded again; attributes are idempotent).
     */
    public long appliedThenDropped() {
        return server.faults().appliedThenDropped();
    }

    public RequestLog requestLog() {
        return server.requestLog();
    }

    public FaultInjector faults() {
        return server.faults();
    }

    /** The valid REST API keys; revoke or rotate them at runtime. */
    public BearerTokenAuth auth() {
        return auth;
    }

    /**
     * The underlying server, for latency changes, the clock and the request summary. Its shared
     * {@code rateWindow()} stays unlimited: Braze's per-endpoint limits live in {@link BrazeRateLimits}.
     */
    public FakeHttpServer server() {
        return server;
    }

    /** Clears data, totals, the request log, fault counters (re-seeding) and the rate limits; keys are kept. */
    public void reset() {
        store.reset();
        limits.reset();
        server.resetObservations();
    }

    /** The body of GET /_fake/state. */
    public ObjectNode stateJson() {
        return store.toJson(limits.rejected());
    }

    /**
     * Braze options on top of the shared fake options. The shared {@link #rateLimit} sets the /users/track
     * limit (default 3,000 per 3 s); {@link #deleteRateLimit} the /users/delete one.
     */
    public static final class Builder extends FakeServerBuilder<Builder> {

        /** Braze allows raising an array attribute's limit up to this (destinations.md, Braze appendix). */
        private static final int MAX_ARRAY_LENGTH_LIMIT = 500;
        private static final Set<Integer> SUCCESS_STATUSES = Set.of(200, 201, 202);

        private String apiKey = DEFAULT_API_KEY;
        private int maxObjectsPerRequest = 75;
        private boolean capPerArray;
        private int maxArrayLength = 25;
        private int maxDeleteIdentifiers = 50;
        private int trackLimit = 3000;
        private long trackWindowMs = 3000;
        private int deleteLimit = 20_000;
        private long deleteWindowMs = 60_000;
        private boolean lowercaseHeaders = true;
        private boolean retryAfterOnRateLimit;
        private boolean reportUnknownUsers = true;
        private boolean allInvalidIsFatal = true;
        private int trackSuccessStatus = 201;
        private int deleteSuccessStatus = 202;
        private boolean deleteCountsUnknownIds;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The REST API key accepted at start (default {@value #DEFAULT_API_KEY}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Objects allowed per /users/track request, all three arrays together (default 75, the current
         * api_limits page; 50 for "Monthly Active Users CY 24-25" accounts). Over it: 400 Max Input Length
         * Exceeded, nothing processed.
         */
        public Builder maxObjectsPerRequest(int max) {
            this.maxObjectsPerRequest = requirePositive(max, "maxObjectsPerRequest");
            return this;
        }

        /** Legacy accounts: the cap applies to each array on its own (75 each, 225 in total); default false. */
        public Builder capPerArray(boolean perArray) {
            this.capPerArray = perArray;
            return this;
        }

        /**
         * Items allowed in an array custom attribute (default 25, "can be increased" per attribute, up to 500
         * per destinations.md); over it the attributes object is a per-object error (the docs are silent).
         */
        public Builder maxArrayLength(int max) {
            if (max <= 0 || max > MAX_ARRAY_LENGTH_LIMIT) {
                throw new IllegalArgumentException("maxArrayLength must be in [1," + MAX_ARRAY_LENGTH_LIMIT + "]: " + max);
            }
            this.maxArrayLength = max;
            return this;
        }

        /** Identifiers allowed per /users/delete request (default 50, post_user_delete.md); more: 400. */
        public Builder maxDeleteIdentifiers(int max) {
            this.maxDeleteIdentifiers = requirePositive(max, "maxDeleteIdentifiers");
            return this;
        }

        /**
         * The /users/track limit: {@code requests} per rolling {@code windowMs}, 0 = unlimited (no headers).
         * Default 3,000 per 3,000 ms (api_limits). It is kept out of the server's shared window, see
         * {@link BrazeRateLimits}.
         */
        @Override
        public Builder rateLimit(int requests, long windowMs) {
            RateWindow.of(requests, windowMs); // validates
            this.trackLimit = requests;
            this.trackWindowMs = windowMs;
            return this;
        }

        /** The /users/delete limit (default 20,000 per 60,000 ms, api_limits); 0 requests = unlimited. */
        public Builder deleteRateLimit(int requests, long windowMs) {
            RateWindow.of(requests, windowMs); // validates
            this.deleteLimit = requests;
            this.deleteWindowMs = windowMs;
            return this;
        }

        /**
         * Header names in lower case as Braze sends them over HTTP/2 (default true), or as documented
         * ({@code X-RateLimit-Limit}). Affects the {@code FakeResponse}; on the wire the JDK server re-cases
         * every name to {@code X-ratelimit-limit} either way (see {@link BrazeResponses}).
         */
        public Builder lowercaseHeaders(boolean lowercase) {
            this.lowercaseHeaders = lowercase;
            return this;
        }

        /** Whether a rate-limit 429 carries Retry-After; default false (none documented for /users/track). */
        public Builder retryAfterOnRateLimit(boolean send) {
            this.retryAfterOnRateLimit = send;
            return this;
        }

        /**
         * An object for a profile that does not exist while in update-only mode ({@code _update_existing_only},
         * the default for aliases, always for braze_id): true (default) answers a per-object "user not found"
         * error; false counts it as processed and drops it, as Braze's asynchronous processing would. The docs
         * say only that no profile is created.
         */
        public Builder reportUnknownUsers(boolean report) {
            this.reportUnknownUsers = report;
            return this;
        }

        /**
         * A track request in which no object at all is valid: true (default) answers 400 "Valid data must be
         * provided in the 'attributes', 'events', or 'purchases' fields." with every object's error, as seen in
         * recorded Braze answers [3P]; false answers the usual 201 with zero counts.
         */
        public Builder allInvalidIsFatal(boolean fatal) {
            this.allInvalidIsFatal = fatal;
            return this;
        }

        /** Status of an accepted /users/track request; default 201 (what Braze answers; the docs name none). */
        public Builder trackSuccessStatus(int status) {
            this.trackSuccessStatus = requireSuccess(status);
            return this;
        }

        /** Status of an accepted /users/delete request; default 202 ("queued for deletion"; the docs name none). */
        public Builder deleteSuccessStatus(int status) {
            this.deleteSuccessStatus = requireSuccess(status);
            return this;
        }

        /** Whether {@code deleted} counts identifiers that matched no profile; default false (docs silent). */
        public Builder deleteCountsUnknownIds(boolean count) {
            this.deleteCountsUnknownIds = count;
            return this;
        }

        private static int requirePositive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0: " + value);
            }
            return value;
        }

        private static int requireSuccess(int status) {
            if (!SUCCESS_STATUSES.contains(status)) {
                throw new IllegalArgumentException("success status must be one of " + SUCCESS_STATUSES + ": " + status);
            }
            return status;
        }

        public BrazeFake build() {
            BrazeSettings settings = new BrazeSettings(maxObjectsPerRequest, capPerArray, maxArrayLength,
                    maxDeleteIdentifiers, reportUnknownUsers, allInvalidIsFatal, trackSuccessStatus,
                    deleteSuccessStatus, deleteCountsUnknownIds);
            BrazeResponses responses = new BrazeResponses(lowercaseHeaders);
            BrazeStore store = new BrazeStore();
            BrazeRateLimits limits = new BrazeRateLimits(RateWindow.of(trackLimit, trackWindowMs),
                    RateWindow.of(deleteLimit, deleteWindowMs), clock(), responses, retryAfterOnRateLimit);
            BearerTokenAuth auth = BearerTokenAuth.of(apiKey);
            BrazeHandlers handlers = new BrazeHandlers(store, settings, responses, clock());
            FakeHttpServer server = serverBuilder("braze")
                    .auth(auth)
                    .unauthorizedResponse(request -> responses.message(401, TrackErrors.INVALID_API_KEY))
                    .faultResponder(new BrazeFaultResponder(responses))
                    .faultableRoute("POST", TRACK_PATH, limits.track(handlers::track))
                    .faultableRoute("POST", DELETE_PATH, limits.delete(handlers::delete))
                    .stateView(() -> store.toJson(limits.rejected()))
                    .build();
            return new BrazeFake(server, store, limits, auth);
        }
    }
}
