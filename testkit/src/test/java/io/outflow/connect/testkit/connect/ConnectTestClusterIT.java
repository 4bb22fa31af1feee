package io.outflow.connect.testkit.connect;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One real broker and worker for the whole class: starting them is the expensive part. */
class ConnectTestClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static ConnectTestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ConnectTestCluster.startDefault();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void producesAndReadsBackJsonRecords() {
        cluster.createTopic("smoke", 2);
        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(ProducerRecordSpec.json("k" + i, Map.of("n", i)).withHeader("source", "row-" + i));
        }
        cluster.produceJson("smoke", records);

        List<ConsumedRecord> read = cluster.readRecords("smoke", 10, TIMEOUT);
        assertEquals(10, read.size());
        for (ConsumedRecord record : read) {
            int n = record.valueJson().path("n").asInt();
            assertEquals("k" + n, record.key());
            assertEquals("row-" + n, record.header("source"));
        }
        assertEquals(Set.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"),
                read.stream().map(ConsumedRecord::key).collect(Collectors.toSet()));
        assertEquals(10L, cluster.endOffsets("smoke").values().stream().mapToLong(Long::longValue).sum());
        assertTrue(cluster.restUrl().startsWith("http://"));
        assertTrue(cluster.connectorStatus("no-such-connector").isEmpty());
    }

    @Test
    void runsASinkWithDeadLetterQueueAndCommitsOffsets() {
        String name = "capture";
        Map<String, List<String>> errors = cluster.validate("CapturingSinkConnector", Map.of("topics", "orders"));
        assertTrue(errors.containsKey(CapturingSinkConnector.LABEL), "missing required setting reported: " + errors);

        cluster.createTopic("orders", 1);
        cluster.createTopic("orders-dlq", 1); // before the connector: see ConnectTestCluster's pitfalls
        cluster.configureConnector(name, Map.of(
                "connector.class", CapturingSinkConnector.class.getName(),
                "tasks.max", "1",
                "topics", "orders",
                CapturingSinkConnector.LABEL, "it",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", "orders-dlq",
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"));
        cluster.awaitConnectorRunning(name, 1, TIMEOUT);

        cluster.produceJson("orders",
                ProducerRecordSpec.of("o1", "{\"id\":1}"),
                ProducerRecordSpec.of("o2", "{\"id\":2,\"poison\":true}"),
                ProducerRecordSpec.of("o3", "{\"id\":3}"));

        List<ConsumedRecord> dead = cluster.dlqRecords("orders-dlq", 1, TIMEOUT);
        assertEquals("o2", dead.get(0).key());
        assertEquals("orders", dead.get(0).header("__connect.errors.topic"));
        assertTrue(dead.get(0).header("__connect.errors.exception.message").contains("poison record o2"));

        cluster.awaitCommittedOffsetsReachEnd(name, "orders", TIMEOUT);
        assertEquals(Map.of(new TopicPartition("orders", 0), 3L), cluster.committedOffsets(name));
        assertEquals(2, CapturingSinkTask.RECEIVED.size());

        cluster.pauseConnector(name);
        cluster.awaitStatus(name, "paused", st -> ConnectorStatus.PAUSED.equals(st.state()), TIMEOUT);
        cluster.resumeConnector(name);
        cluster.awaitConnectorRunning(name, 1, TIMEOUT);
        cluster.restartTask(name, 0);
        cluster.awaitConnectorRunning(name, 1, TIMEOUT);

        cluster.addWorker();
        assertEquals(2, cluster.workerCount());
        cluster.removeWorker();
        assertEquals(1, cluster.workerCount());
        cluster.awaitConnectorRunning(name, 1, TIMEOUT);

        cluster.deleteConnector(name);
        Await.until("connector deleted", TIMEOUT, () -> cluster.connectorStatus(name).isEmpty());
    }
}
