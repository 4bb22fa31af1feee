package io.outflow.connect.testkit.connect;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One connector run in an integration test: a fresh input topic, DLQ topic and connector name on a shared cluster,
 * the worker settings every Outflow test uses (DLQ with context headers, fast retries and timeouts), and the
 * assertions about the DLQ and committed offsets that every scenario ends with.
 */
public final class SinkRun {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ConnectTestCluster cluster;
    private final String name;
    private final String topic;
    private final String dlq;

    private SinkRun(ConnectTestCluster cluster, String prefix, int partitions) {
        this.cluster = cluster;
        this.name = prefix + "-" + COUNT.incrementAndGet();
        this.topic = name + "-in";
        this.dlq = name + "-dlq";
        cluster.createTopic(topic, partitions);
        cluster.createTopic(dlq, 1);
    }

    /** Creates the run's topics; {@code prefix} names the connector (e.g. "hubspot"). */
    public static SinkRun create(ConnectTestCluster cluster, String prefix, int partitions) {
        return new SinkRun(cluster, prefix, partitions);
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    public String dlq() {
        return dlq;
    }

    /**
     * The configuration every test starts from: the connector class, tasks, the topic, a DLQ with context headers,
     * errors.tolerance=all, and short linger, backoffs and timeouts so faults resolve quickly.
     */
    public Map<String, String> baseConfig(String connectorClass, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", topic);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put("linger.ms", "20");
        config.put("retry.backoff.ms", "20");
        config.put("retry.backoff.max.ms", "300");
        config.put("http.response.timeout.ms", "1000");
        // The fakes' seeded faults include writes applied but never answered; their keys stay reserved this long.
        // The production default (a minute) would turn each such fault into a minute's wait; the fakes apply a
        // request at once, so a few seconds are longer than any late application here.
        config.put("retry.unanswered.fence.ms", "3000");
        return config;
    }

    /** Creates the connector and waits until its tasks run. */
    public void start(Map<String, String> config, Duration timeout) {
        cluster.configureConnector(name, config);
        cluster.awaitConnectorRunning(name, Integer.parseInt(config.getOrDefault("tasks.max", "1")), timeout);
    }

    public void produce(List<ProducerRecordSpec> records) {
        cluster.produceJson(topic, records);
    }

    /** Waits until the connector's committed offsets reach the end of the input topic. */
    public void awaitOffsetsAtEnd(Duration timeout) {
        cluster.awaitCommittedOffsetsReachEnd(name, topic, timeout);
    }

    /** The DLQ's records after a short wait: {@code expected} of them, or fewer if none come. */
    public List<ConsumedRecord> deadLetters(int expected, Duration timeout) {
        return cluster.dlqRecords(dlq, expected, timeout);
    }

    /** The DLQ's records as record key ("&lt;null&gt;" for none) → the exception message header. */
    public Map<String, String> deadLetterReasons(int expected, Duration timeout) {
        return deadLetters(expected, timeout).stream().collect(Collectors.toMap(
                r -> r.key() == null ? "<null>" : r.key(),
                r -> String.valueOf(r.header("__connect.errors.exception.message")),
                (a, b) -> a + " | " + b));
    }

    /** Nothing reached the DLQ (checked over a short wait). */
    public boolean deadLetterQueueEmpty() {
        return deadLetters(0, Duration.ofSeconds(2)).isEmpty();
    }

    public void delete() {
        cluster.deleteConnector(name);
    }
}
