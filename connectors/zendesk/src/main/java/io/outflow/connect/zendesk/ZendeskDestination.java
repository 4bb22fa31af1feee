package io.outflow.connect.zendesk;

import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.auth.StaticAuthenticator;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HeaderRateLimitSignals;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.RateLimitSignals;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.http.HttpTransport;
import io.outflow.connect.common.mapping.ValueConverter;
import io.outflow.connect.zendesk.ZendeskConfig.AuthType;
import io.outflow.connect.zendesk.ZendeskConfig.MatchKey;
import io.outflow.connect.zendesk.ZendeskConfig.ObjectType;

import java.util.Optional;

/**
 * Zendesk Support: users upserted in bulk jobs and organizations one at a time, both matched on external_id
 * (users also on email), tombstones deleted through destroy_many jobs.
 */
final class ZendeskDestination implements Destination {
    /**
     * X-Rate-Limit (requests per minute) and X-Rate-Limit-Remaining on every answer; no reset header, so the
     * remaining budget is treated as a rolling one-minute window: held back only when it is used up
     * (developer.zendesk.com/api-reference/introduction/rate-limits).
     */
    static final RateLimitSignals RATE_LIMIT_SIGNALS = HeaderRateLimitSignals.builder("X-Rate-Limit-Remaining")
            .limit("X-Rate-Limit")
            .window(60_000)
            .build();

    private final String baseUrl;
    private final Authenticator authenticator;
    private final String credentialHint;
    private final KeyNormalizer normalizer;
    private final Operation write;
    private final Operation delete;
    private final long jobQueueRetryMs;

    private ZendeskDestination(OutflowSinkConfig config) {
        this.baseUrl = ZendeskConfig.baseUrl(config);
        if (ZendeskConfig.authType(config) == AuthType.OAUTH) {
            this.credentialHint = ZendeskConfig.OAUTH_TOKEN_CONFIG;
            this.authenticator = StaticAuthenticator.bearer(config.getPassword(ZendeskConfig.OAUTH_TOKEN_CONFIG));
        } else {
            this.credentialHint = ZendeskConfig.EMAIL_CONFIG + " and " + ZendeskConfig.API_TOKEN_CONFIG;
            // Basic {email}/token:{api_token} (destinations.md, Zendesk "Auth").
            this.authenticator = StaticAuthenticator.basic(ZendeskConfig.email(config) + "/token",
                    config.getPassword(ZendeskConfig.API_TOKEN_CONFIG));
        }
        MatchKey matchKey = ZendeskConfig.matchKey(config);
        // Zendesk compares emails and external ids case-insensitively (spec, external_id: "case insensitive"), so
        // records are deduplicated and ordered that way too; the key is still sent as written.
        this.normalizer = KeyNormalizer.CASE_INSENSITIVE;
        PollSchedule polls = new PollSchedule(config.getLong(ZendeskConfig.JOB_POLL_MS_CONFIG),
                config.getLong(ZendeskConfig.JOB_POLL_MAX_MS_CONFIG));
        if (ZendeskConfig.objectType(config) == ObjectType.USERS) {
            this.write = new UserUpsert(ObjectFields.users(matchKey.field(), ZendeskConfig.standardFields(config)),
                    config.batchMaxRecords(), config.batchMaxBytes(), polls);
            this.delete = matchKey == MatchKey.EXTERNAL_ID
                    ? new DestroyMany(DestroyMany.USERS_PATH, config.batchMaxRecords(), polls) : null;
        } else {
            this.write = new OrganizationUpsert(ObjectFields.organizations(ZendeskConfig.standardFields(config)),
                    config.batchMaxBytes());
            this.delete = new DestroyMany(DestroyMany.ORGANIZATIONS_PATH, config.batchMaxRecords(), polls);
        }
        this.jobQueueRetryMs = config.getLong(ZendeskConfig.JOB_QUEUE_RETRY_MS_CONFIG);
    }

    static ZendeskDestination create(OutflowSinkConfig config, HttpTransport transport) {
        return new ZendeskDestination(config);
    }

    @Override
    public String displayName() {
        return "Zendesk";
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public Operation writeOperation() {
        return write;
    }

    @Override
    public Optional<Operation> deleteOperation() {
        return Optional.ofNullable(delete);
    }

    @Override
    public KeyNormalizer keyNormalizer() {
        return normalizer;
    }

    @Override
    public ValueConverter valueConverter() {
        return ZendeskValues.INSTANCE;
    }

    @Override
    public RateLimitSignals rateLimitSignals() {
        return RATE_LIMIT_SIGNALS;
    }

    @Override
    public Reason describeError(HttpResult response) {
        return ZendeskErrors.describe(response);
    }

    @Override
    public Optional<Failure> classify(HttpRequestSpec request, HttpResult response) {
        return ZendeskErrors.classify(request, response, credentialHint, jobQueueRetryMs, System.currentTimeMillis());
    }

    @Override
    public String credentialHint() {
        return credentialHint;
    }
}
