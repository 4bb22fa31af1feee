package io.outflow.connect.braze;

import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.auth.StaticAuthenticator;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.RateLimitSignals;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.http.HttpTransport;
import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.mapping.ValueConverter;

import java.util.Optional;

/** Braze's REST API: /users/track for attributes, events or purchases, and /users/delete for tombstones. */
final class BrazeDestination implements Destination {
    private final String baseUrl;
    private final Authenticator authenticator;
    private final Operation track;
    private final Operation delete;
    private final ValueConverter values;

    private BrazeDestination(OutflowSinkConfig config) {
        this.baseUrl = BrazeConfig.apiUrl(config);
        // destinations.md, Braze: "Authorization: Bearer <REST key>".
        this.authenticator = StaticAuthenticator.bearer(config.getPassword(BrazeConfig.API_KEY_CONFIG));
        FieldNames names = new FieldNames(config.stringMaxLength(), config.stringOverflow());
        this.values = new BrazeValues(new StringLimiter(config.stringMaxLength(), config.stringOverflow()), names);
        RecordType type = BrazeConfig.recordType(config);
        Identity identity = BrazeConfig.identity(config);
        this.track = new BrazeTrack(type, identity, content(type, identity, config.syncMode()), names,
                config.batchMaxRecords(), config.batchMaxBytes());
        this.delete = type.appends() ? null
                : new BrazeDelete(identity, config.batchMaxRecords(), config.batchMaxBytes());
    }

    static BrazeDestination create(OutflowSinkConfig config, HttpTransport transport) {
        return new BrazeDestination(config);
    }

    private static TrackContent content(RecordType type, Identity identity, SyncMode mode) {
        switch (type) {
            case EVENTS:
                return new EventContent(identity);
            case PURCHASES:
                return new PurchaseContent(identity);
            case ATTRIBUTES:
            default:
                return new AttributesContent(identity, mode == SyncMode.UPDATE);
        }
    }

    @Override
    public String displayName() {
        return "Braze";
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
        return track;
    }

    /** Deletes remove user profiles; events and purchases cannot be deleted. */
    @Override
    public Optional<Operation> deleteOperation() {
        return Optional.ofNullable(delete);
    }

    /**
     * Keys are compared exactly: Braze's docs do not say that it normalises the case of external ids or emails, so
     * two spellings stay two users here too.
     */
    @Override
    public KeyNormalizer keyNormalizer() {
        return KeyNormalizer.EXACT;
    }

    @Override
    public ValueConverter valueConverter() {
        return values;
    }

    @Override
    public RateLimitSignals rateLimitSignals() {
        return BrazeErrors.RATE_LIMIT_SIGNALS;
    }

    @Override
    public Reason describeError(HttpResult response) {
        return BrazeErrors.describe(response);
    }

    @Override
    public Optional<Failure> classify(HttpRequestSpec request, HttpResult response) {
        return BrazeErrors.classify(response, System.currentTimeMillis());
    }

    @Override
    public String credentialHint() {
        return BrazeConfig.API_KEY_CONFIG;
    }
}
