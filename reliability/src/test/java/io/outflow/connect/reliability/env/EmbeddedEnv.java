package io.outflow.connect.reliability.env;

import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One KRaft broker and Connect workers in this JVM (the testkit's {@link ConnectTestCluster}). */
public final class EmbeddedEnv implements ConnectEnv, AutoCloseable {
    private final ConnectTestCluster cluster;
    private final Admin admin;

    private EmbeddedEnv(ConnectTestCluster cluster) {
        this.cluster = cluster;
        this.admin = cluster.kafka().createAdminClient();
    }

    /** Starts a broker and {@code workers} workers: the testkit's defaults, offsets committed every 0.5 s. */
    public static EmbeddedEnv start(String name, int workers) {
        return new EmbeddedEnv(ConnectTestCluster.builder().name(name).workers(workers)
                .workerProperty("offset.flush.interval.ms", "500")
                .start());
    }

    public ConnectTestCluster cluster() {
        return cluster;
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public void createTopic(String topic, int partitions) {
        cluster.createTopic(topic, partitions);
    }

    @Override
    public void produce(String topic, List<ProducerRecordSpec> records) {
        cluster.produceJson(topic, records);
    }

    @Override
    public ConnectRestClient rest() {
        // The URL of a running worker, looked up each time: workers come and go in the rebalance scenario.
        return ConnectRestClient.at(cluster.restUrl());
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String connector) {
        return cluster.committedOffsets(connector);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(String topic) {
        return cluster.endOffsets(topic);
    }

    @Override
    public List<ConsumedRecord> read(String topic, int expected, Duration timeout) {
        return cluster.readRecords(topic, expected, timeout);
    }

    @Override
    public Map<String, Long> taskMetrics(String connector) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> totals = new TreeMap<>();
        try {
            for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:type=plugins,connector="
                    + connector + ",task=*"), null)) {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    Object value = server.getAttribute(name, attribute.getName());
                    if (attribute.getName().endsWith("-total") && value instanceof Number) {
                        totals.merge(attribute.getName(), ((Number) value).longValue(), Long::sum);
                    }
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the task metrics of " + connector, e);
        }
        return totals;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        cluster.close();
    }
}
