package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;

import java.util.List;

/**
 * One connector and what it writes, as the fault matrix sees it: how to start its destination fake, the connector
 * configuration that points at it, the stream of updates a scenario produces, and invalid records it refuses.
 * Scenarios are written once against this and run for every destination.
 * <p>
 * Keyed destinations (upserts) must end holding each key's last produced value; an append destination (Braze
 * events) must end holding every produced event, where a repeat is a duplicate.
 */
public interface DestinationUnderTest {

    /** Short name used in test names, connector names and the results table, e.g. "hubspot-contacts". */
    String name();

    String connectorClass();

    /** True for upserts on a key (last value wins); false for append (every record is an event). */
    boolean keyed();

    /**
     * {@code keys} keys, each updated {@code updatesPerKey} times; every value carries {@code seq} (the update's
     * number, 0-based) and, for events, {@code event_id}.
     */
    UpdateStream stream(int keys, int updatesPerKey, long seed);

    /** Records the destination refuses (each keyed "bad-&lt;i&gt;"): they must end in the DLQ, and only they. */
    List<ProducerRecordSpec> invalidRecords(int count);

    /** Starts the destination's fake. */
    FakeDestination start(FakeOptions options);

    /** Whether the connector refreshes its credentials by itself (OAuth); otherwise a 401 fails the task. */
    default boolean refreshesCredentials() {
        return false;
    }

    /**
     * Whether a 429 without Retry-After makes the connector wait a long window (Zendesk: one minute, its rate-limit
     * window), which puts the scenario among the slow ones.
     */
    default boolean waitsAWindowWithoutRetryAfter() {
        return false;
    }

    /** The destination's credential key the failure message must name when credentials are revoked. */
    String credentialKey();
}
