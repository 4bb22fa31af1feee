package io.outflow.connect.common.destination;

import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.mapping.ValueConverter;

import java.util.Optional;

/**
 * Everything the engine needs to know about one destination, and nothing more: where it is, how to authenticate,
 * the operations it accepts, how it compares keys, how values must look, how it signals rate limits and how to read
 * its error answers. Batching, ordering, retries, rate limiting, offsets, the dead-letter queue and metrics are the
 * engine's.
 */
public interface Destination extends AutoCloseable {
    /** The destination's name in messages people read, e.g. "HubSpot". */
    String displayName();

    /** The base URL request paths are resolved against, without a trailing slash. */
    String baseUrl();

    Authenticator authenticator();

    /** The operation for records with a value (upsert, update, insert or append, per the sync mode). */
    Operation writeOperation();

    /** The operation for tombstones when {@code behavior.on.null.values=delete}; empty when deletes are unsupported. */
    Optional<Operation> deleteOperation();

    KeyNormalizer keyNormalizer();

    ValueConverter valueConverter();

    RateLimitSignals rateLimitSignals();

    /** Reads an error answer (any non-2xx) into a reason: the vendor's error code and message. */
    Reason describeError(HttpResult response);

    /**
     * Classifies an answer the destination understands better than its HTTP status (HubSpot's daily quota, Zendesk's
     * 403 for bulk import being off). Called for every non-2xx answer before the engine's own classification.
     */
    default Optional<Failure> classify(HttpRequestSpec request, HttpResult response) {
        return Optional.empty();
    }

    /** The configuration keys to check when the destination refuses the credentials, e.g. "hubspot.access.token". */
    String credentialHint();

    @Override
    default void close() {
    }
}
