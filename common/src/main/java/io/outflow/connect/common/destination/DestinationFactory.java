package io.outflow.connect.common.destination;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.http.HttpTransport;

/** Builds a connector's destination from its configuration, once per task. */
@FunctionalInterface
public interface DestinationFactory {
    /**
     * @param config    the task's configuration (common keys and the connector's own)
     * @param transport the engine's HTTP transport, for destinations whose authentication must call out (OAuth)
     */
    Destination create(OutflowSinkConfig config, HttpTransport transport);
}
