/**
 * Helpers around Kafka's EmbeddedConnectCluster for connector integration tests:
 * {@link io.outflow.connect.testkit.connect.ConnectTestCluster} (lifecycle, REST operations, fast producing,
 * reading topics and DLQs, committed offsets) and {@link io.outflow.connect.testkit.connect.Await}.
 * See ConnectTestCluster's Javadoc for the pitfalls (plugin discovery, DLQ replication factor, logging).
 */
package io.outflow.connect.testkit.connect;
