package io.outflow.connect.reliability.env;

import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where a scenario runs: a Kafka broker and Connect workers, either inside the test JVM ({@link EmbeddedEnv}) or as
 * processes with plugin.path ({@link ProcessEnv}). Scenarios only talk to Kafka and to the workers' REST API, so the
 * same scenario code runs on both.
 */
public interface ConnectEnv {

    void createTopic(String topic, int partitions);

    /** Produces the records and waits until all are acknowledged. */
    void produce(String topic, List<ProducerRecordSpec> records);

    /** An Admin client of the broker. */
    Admin admin();

    /** A REST client of a running worker. */
    ConnectRestClient rest();

    /** Committed offsets of the sink connector's consumer group {@code connect-<name>}; absent = never committed. */
    Map<TopicPartition, Long> committedOffsets(String connector);

    Map<TopicPartition, Long> endOffsets(String topic);

    /** Reads at least {@code expected} records of a topic from the beginning, ordered by partition and offset. */
    List<ConsumedRecord> read(String topic, int expected, Duration timeout);

    /**
     * The connector's task metrics summed over its tasks (records-retried-total, requests-total, ...), where the
     * workers run in this JVM; empty otherwise. A restarted task starts from zero.
     */
    default Map<String, Long> taskMetrics(String connector) {
        return Map.of();
    }

    static String sinkGroupId(String connector) {
        return "connect-" + connector;
    }
}
