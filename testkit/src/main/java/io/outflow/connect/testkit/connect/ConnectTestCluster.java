package io.outflow.connect.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One KRaft broker and N Connect workers in this JVM (Kafka's EmbeddedConnectCluster), with the operations
 * connector integration tests need. Name such tests {@code *IT} (failsafe): the cluster prints to stdout.
 * <p>
 * Pitfalls, learned the hard way:
 * <ul>
 *   <li>Worker plugin discovery is {@code service_load}: a connector is found only if its jar (or test
 *       classes) has {@code META-INF/services/org.apache.kafka.connect.sink.SinkConnector}; otherwise it is
 *       silently missing and configuring it fails with "Failed to find any class that implements Connector".</li>
 *   <li>Dead letter queue: with one broker set {@code errors.deadletterqueue.topic.replication.factor=1} and
 *       create the DLQ topic first ({@link #createTopic}), or the task fails with
 *       "Could not initialize dead letter queue".</li>
 *   <li>Logging: the logger {@code org.apache.kafka.connect.util.clusters.ConnectAssertions} prints a stack
 *       trace for every 404 while polling; turn it OFF (see {@code outflow-testkit-log4j2.properties}).</li>
 *   <li>A sink connector's consumer group is {@code connect-<connector name>}.</li>
 *   <li>{@code scheduled.rebalance.max.delay.ms} defaults here to 5 s (300 s in Kafka): after
 *       {@link #removeWorker()} the lost tasks are reassigned after that delay.</li>
 * </ul>
 */
public final class ConnectTestCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectTestCluster.class);

    private final EmbeddedConnectCluster connect;
    private final ConnectRestClient rest;
    private final RecordProducer producer;
    private Admin admin;

    private ConnectTestCluster(EmbeddedConnectCluster connect) {
        this.connect = connect;
        this.rest = new ConnectRestClient(this::restUrl);
        this.producer = new RecordProducer(connect.kafka());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a cluster with the defaults: one broker, one worker. */
    public static ConnectTestCluster startDefault() {
        return builder().start();
    }

    /** The Kafka test kit's cluster, for anything not wrapped here. */
    public EmbeddedConnectCluster embedded() {
        return connect;
    }

    public EmbeddedKafkaCluster kafka() {
        return connect.kafka();
    }

    public String bootstrapServers() {
        return connect.kafka().bootstrapServers();
    }

    /** REST URL of a running worker, without trailing slash, e.g. {@code http://localhost:39211}. */
    public String restUrl() {
        String url = connect.endpointForResource("");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public void createTopic(String name, int partitions) {
        connect.kafka().createTopic(name, partitions);
    }

    /** Creates or updates a connector (PUT /connectors/{name}/config). */
    public void configureConnector(String name, Map<String, String> config) {
        connect.configureConnector(name, config);
    }

    public void deleteConnector(String name) {
        connect.deleteConnector(name);
    }

    public void restartTask(String connector, int task) {
        connect.restartTask(connector, task);
    }

    public void pauseConnector(String name) {
        connect.pauseConnector(name);
    }

    public void resumeConnector(String name) {
        connect.resumeConnector(name);
    }

    /** Adds a worker: the group rebalances and tasks may move. */
    public void addWorker() {
        connect.addWorker();
    }

    /** Stops one worker; its tasks are reassigned after {@code scheduled.rebalance.max.delay.ms}. */
    public void removeWorker() {
        connect.removeWorker();
    }

    public int workerCount() {
        return connect.workers().size();
    }

    /** The connector's status, or empty when the worker does not know it (yet or any more). */
    public Optional<ConnectorStatus> connectorStatus(String name) {
        ConnectRestClient.Reply reply = rest.get("/connectors/" + name + "/status");
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (reply.status() != 200 || reply.body() == null) {
            throw new IllegalStateException("status of " + name + ": HTTP " + reply.status() + " " + reply.rawBody());
        }
        return Optional.of(ConnectorStatus.fromJson(reply.body()));
    }

    /**
     * Waits until the connector and exactly {@code tasks} tasks are RUNNING. Fails at once, with the
     * stack trace, if the connector or a task is FAILED instead of waiting out the timeout.
     */
    public ConnectorStatus awaitConnectorRunning(String name, int tasks, Duration timeout) {
        return awaitStatus(name, "connector " + name + " RUNNING with " + tasks + " tasks", status -> {
            if (ConnectorStatus.FAILED.equals(status.state())) {
                throw new AssertionError("connector " + name + " FAILED:\n" + status.trace());
            }
            status.firstFailedTask().ifPresent(task -> {
                throw new AssertionError("task " + name + "-" + task.id() + " FAILED:\n" + task.trace());
            });
            return status.isRunning(tasks);
        }, timeout);
    }

    /** Waits until the connector's status satisfies the condition, and returns that status. */
    public ConnectorStatus awaitStatus(String name, String description, Predicate<ConnectorStatus> condition,
                                       Duration timeout) {
        return Await.untilPresent(description, timeout, () -> connectorStatus(name).filter(condition));
    }

    /**
     * Validates a config with PUT /connector-plugins/{plugin}/config/validate ({@code connector.class} is
     * added when absent) and returns the error messages of each key that has any; empty means valid.
     */
    public Map<String, List<String>> validate(String connectorClassSimpleName, Map<String, String> config) {
        Map<String, String> body = new HashMap<>(config);
        body.putIfAbsent("connector.class", connectorClassSimpleName);
        ConnectRestClient.Reply reply =
                rest.put("/connector-plugins/" + connectorClassSimpleName + "/config/validate", body);
        if (reply.status() != 200 || reply.body() == null) {
            throw new IllegalStateException("validate " + connectorClassSimpleName + ": HTTP " + reply.status()
                    + " " + reply.rawBody());
        }
        Map<String, List<String>> errors = new TreeMap<>();
        for (JsonNode configNode : reply.body().path("configs")) {
            JsonNode value = configNode.path("value");
            List<String> messages = new ArrayList<>();
            value.path("errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(value.path("name").asText(), messages);
            }
        }
        return errors;
    }

    /** Produces the records (string keys and values, usually JSON texts) and waits until all are acknowledged. */
    public void produceJson(String topic, List<ProducerRecordSpec> records) {
        producer.send(topic, records);
    }

    public void produceJson(String topic, ProducerRecordSpec... records) {
        producer.send(topic, List.of(records));
    }

    /** Reads at least {@code expectedCount} records of a topic from the beginning (no consumer group). */
    public List<ConsumedRecord> readRecords(String topic, int expectedCount, Duration timeout) {
        return TopicReader.read(connect.kafka(), topic, expectedCount, timeout);
    }

    /**
     * Reads a dead letter queue topic; with {@code errors.deadletterqueue.context.headers.enable=true} each
     * record carries the {@code __connect.errors.*} headers as strings (topic, partition, offset,
     * exception class and message, stage, connector name, task id).
     */
    public List<ConsumedRecord> dlqRecords(String topic, int expectedCount, Duration timeout) {
        return readRecords(topic, expectedCount, timeout);
    }

    /** Committed offsets of the sink connector's consumer group {@code connect-<name>}. */
    public Map<TopicPartition, Long> committedOffsets(String connectorName) {
        return offsets().committed(sinkGroupId(connectorName));
    }

    public Map<TopicPartition, Long> endOffsets(String topic) {
        return offsets().endOffsets(topic);
    }

    /**
     * Waits until the connector has committed, on every partition of the topic, the end offset the topic has
     * now (records produced after this call are not waited for). Proves every record was delivered or
     * dead-lettered and that offsets are flushed ({@code offset.flush.interval.ms} is 1 s here).
     */
    public void awaitCommittedOffsetsReachEnd(String connectorName, String topic, Duration timeout) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        Await.until("connector " + connectorName + " committed up to " + end, timeout, () -> {
            Map<TopicPartition, Long> committed = committedOffsets(connectorName);
            return end.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
        });
    }

    public static String sinkGroupId(String connectorName) {
        return "connect-" + connectorName;
    }

    private synchronized OffsetReader offsets() {
        if (admin == null) {
            admin = connect.kafka().createAdminClient();
        }
        return new OffsetReader(admin);
    }

    @Override
    public synchronized void close() {
        producer.close();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        connect.stop();
        log.info("Connect test cluster stopped");
    }

    /** Worker and broker settings; the defaults suit fast single-broker sink tests. */
    public static final class Builder {

        private final Map<String, String> workerProps = new LinkedHashMap<>();
        private final Properties brokerProps = new Properties();
        private int workers = 1;
        private String name = "outflow-connect";

        private Builder() {
            workerProps.put("offset.flush.interval.ms", "1000");
            workerProps.put("plugin.discovery", "service_load");
            workerProps.put("scheduled.rebalance.max.delay.ms", "5000");
            workerProps.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            workerProps.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            workerProps.put("value.converter.schemas.enable", "false");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("need at least one worker: " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Any worker property; overrides the defaults. */
        public Builder workerProperty(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        /** Default StringConverter. Converter options go through {@link #workerProperty} ("key.converter.*"). */
        public Builder keyConverter(String className) {
            return workerProperty("key.converter", className);
        }

        /** Default JsonConverter with {@code value.converter.schemas.enable=false}. */
        public Builder valueConverter(String className) {
            return workerProperty("value.converter", className);
        }

        public Builder brokerProperty(String key, String value) {
            brokerProps.setProperty(key, value);
            return this;
        }

        /** Builds and starts the broker and workers; blocks until all are up (a few seconds). */
        public ConnectTestCluster start() {
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name(name)
                    .numWorkers(workers)
                    .numBrokers(1)
                    .workerProps(new HashMap<>(workerProps))
                    .brokerProps(brokerProps)
                    .maskExitProcedures(true)
                    .build();
            long start = System.nanoTime();
            try {
                connect.start();
            } catch (RuntimeException e) {
                // Half-started brokers and workers hold ports and threads: release them before failing.
                try {
                    connect.stop();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            log.info("Connect test cluster started in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
            return new ConnectTestCluster(connect);
        }
    }
}
