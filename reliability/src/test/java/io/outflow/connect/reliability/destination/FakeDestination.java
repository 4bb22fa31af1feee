package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.RequestLog;

import java.util.Map;

/** A running destination fake, seen the same way for every connector. */
public interface FakeDestination extends AutoCloseable {

    String baseUrl();

    /** Every request the fake received, with its answer and injected fault. */
    RequestLog requestLog();

    /** The fake's seeded faults and down switch. */
    FaultInjector faults();

    /** The connector keys that point at this fake and authenticate (API URL, credentials, object or record type). */
    Map<String, String> connectorConfig();

    /**
     * What the destination holds. Keyed: key → the {@code seq} of the value it holds. Append: event id → how many
     * times it was recorded.
     */
    Map<String, Integer> held();

    /** Writes applied per key (keyed) or per event id (append): more than produced means a duplicate delivery. */
    Map<String, Integer> writes();

    /** Makes the connector's credentials invalid (401 on every request) until {@link #restoreCredentials()}. */
    void revokeCredentials();

    void restoreCredentials();

    /** Expires the access tokens the connector got by itself (OAuth); only for destinations that refresh. */
    default void expireRefreshedCredentials() {
        throw new UnsupportedOperationException("no refreshable credentials");
    }

    /** Access tokens issued by the fake's token endpoint (OAuth), else 0. */
    default long accessTokensIssued() {
        return 0;
    }

    /** Closes the listening socket: connections are refused (the host is unreachable). Data is kept. */
    void goOffline();

    /** Listens again on the same port (needs a fixed {@link FakeOptions#port()}). */
    void comeOnline();

    /** Zendesk: jobs by status; others: empty. */
    default Map<String, Long> jobCounts() {
        return Map.of();
    }

    @Override
    void close();
}
