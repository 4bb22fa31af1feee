package io.outflow.connect.common.testdest;

import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.auth.StaticAuthenticator;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HeaderRateLimitSignals;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.RateLimitSignals;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RetryAfter;
import io.outflow.connect.common.mapping.ValueConverter;

import java.util.Optional;

/** The engine's test destination: the testkit's items API, with no vendor quirks. */
public final class ItemsDestination implements Destination {
    private final String baseUrl;
    private final Authenticator authenticator;
    private final Operation write;
    private final Operation delete;

    public ItemsDestination(String baseUrl, Authenticator authenticator, Operation write, Operation delete) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authenticator = authenticator;
        this.write = write;
        this.delete = delete;
    }

    public static ItemsDestination from(OutflowSinkConfig config) {
        boolean keyed = config.syncMode() != SyncMode.APPEND;
        return new ItemsDestination(config.getString(ItemsConfig.API_URL),
                StaticAuthenticator.bearer(config.getPassword(ItemsConfig.TOKEN)),
                ItemsOperations.upsert(config.batchMaxRecords(), config.batchMaxBytes(), keyed,
                        config.getBoolean(ItemsConfig.ASYNC), config.getLong(ItemsConfig.JOB_POLL_MS)),
                ItemsOperations.delete(config.batchMaxRecords()));
    }

    @Override
    public String displayName() {
        return "Items API";
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
        return KeyNormalizer.EXACT;
    }

    @Override
    public ValueConverter valueConverter() {
        return ValueConverter.JSON;
    }

    @Override
    public RateLimitSignals rateLimitSignals() {
        return HeaderRateLimitSignals.builder("X-RateLimit-Remaining")
                .limit("X-RateLimit-Limit")
                .reset("X-RateLimit-Reset", HeaderRateLimitSignals.ResetFormat.EPOCH_SECONDS)
                .build();
    }

    @Override
    public Reason describeError(HttpResult response) {
        return Reason.of(response.status(), response.json().path("error").asText(null),
                response.json().path("message").asText(""));
    }

    @Override
    public Optional<Failure> classify(HttpRequestSpec request, HttpResult response) {
        if (response.status() == 429 && "TOO_MANY_JOBS".equals(response.json().path("error").asText())) {
            return Optional.of(Failure.rateLimited(describeError(response),
                    RetryAfter.millis(response, System.currentTimeMillis())));
        }
        return Optional.empty();
    }

    @Override
    public String credentialHint() {
        return ItemsConfig.TOKEN;
    }
}
