package io.outflow.connect.hubspot;

import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.auth.OAuth2TokenProvider;
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

import java.util.Optional;

/** HubSpot CRM v3 objects: batch upsert on a unique property, and deletes by lookup then archive. */
final class HubSpotDestination implements Destination {
    /**
     * HubSpot's rate-limit headers (usage guidelines): the rolling window's size and what remains of it. The daily
     * headers are not used: the DAILY 429 says the same, and OAuth apps do not get them.
     */
    private static final RateLimitSignals RATE_LIMIT_SIGNALS =
            HeaderRateLimitSignals.builder("X-HubSpot-RateLimit-Remaining")
                    .limit("X-HubSpot-RateLimit-Max")
                    .intervalMillis("X-HubSpot-RateLimit-Interval-Milliseconds")
                    .window(HubSpotErrors.DEFAULT_WINDOW_MS)
                    .build();

    private final String baseUrl;
    private final Authenticator authenticator;
    private final KeyNormalizer normalizer;
    private final Operation upsert;
    private final Operation delete;
    private final long dailyProbeMs;
    private final String credentialHint;

    private HubSpotDestination(OutflowSinkConfig config, HttpTransport transport) {
        String url = config.getString(HubSpotConfig.API_URL_CONFIG).trim();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String objectType = HubSpotConfig.objectType(config);
        String idProperty = HubSpotConfig.idProperty(config);
        this.normalizer = HubSpotConfig.comparesCaseInsensitively(idProperty)
                ? KeyNormalizer.CASE_INSENSITIVE : KeyNormalizer.EXACT;
        this.upsert = new HubSpotUpsert(objectType, idProperty, normalizer, config.batchMaxRecords(),
                config.batchMaxBytes());
        this.delete = new HubSpotDelete(objectType, idProperty, normalizer, config.batchMaxRecords());
        this.dailyProbeMs = config.getLong(HubSpotConfig.DAILY_LIMIT_PROBE_MS_CONFIG);
        if (HubSpotConfig.authType(config) == HubSpotConfig.AuthType.OAUTH) {
            this.credentialHint = HubSpotConfig.OAUTH_REFRESH_TOKEN_CONFIG + " (and the OAuth client id and secret)";
            // Access tokens last 30 minutes (HubSpot OAuth docs); expires_in in the answer says so exactly.
            this.authenticator = OAuth2TokenProvider.builder(transport,
                            config.getString(HubSpotConfig.OAUTH_TOKEN_URL_CONFIG).trim(),
                            OAuth2TokenProvider.Grant.REFRESH_TOKEN)
                    .client(config.getString(HubSpotConfig.OAUTH_CLIENT_ID_CONFIG).trim(),
                            config.getPassword(HubSpotConfig.OAUTH_CLIENT_SECRET_CONFIG))
                    .refreshToken(config.getPassword(HubSpotConfig.OAUTH_REFRESH_TOKEN_CONFIG))
                    .credentialHint(credentialHint)
                    .build();
        } else {
            this.credentialHint = HubSpotConfig.ACCESS_TOKEN_CONFIG;
            this.authenticator = StaticAuthenticator.bearer(config.getPassword(HubSpotConfig.ACCESS_TOKEN_CONFIG));
        }
    }

    static HubSpotDestination create(OutflowSinkConfig config, HttpTransport transport) {
        return new HubSpotDestination(config, transport);
    }

    @Override
    public String displayName() {
        return "HubSpot";
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
        return upsert;
    }

    @Override
    public Optional<Operation> deleteOperation() {
        return Optional.of(delete);
    }

    @Override
    public KeyNormalizer keyNormalizer() {
        return normalizer;
    }

    @Override
    public ValueConverter valueConverter() {
        return HubSpotValues.INSTANCE;
    }

    @Override
    public RateLimitSignals rateLimitSignals() {
        return RATE_LIMIT_SIGNALS;
    }

    @Override
    public Reason describeError(HttpResult response) {
        return HubSpotErrors.describe(response);
    }

    @Override
    public Optional<Failure> classify(HttpRequestSpec request, HttpResult response) {
        return HubSpotErrors.classify(response, dailyProbeMs, System.currentTimeMillis());
    }

    @Override
    public String credentialHint() {
        return credentialHint;
    }
}
