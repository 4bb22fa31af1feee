package io.outflow.connect.reliability.env;

import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.RecordProducer;
import io.outflow.connect.testkit.process.ConnectWorkerProcess;
import io.outflow.connect.testkit.process.KafkaBrokerProcess;
import io.outflow.connect.testkit.process.KafkaRuntime;
import io.outflow.connect.testkit.process.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A Kafka broker and Connect workers started as processes from Kafka 4.3.1's jars, the workers loading the plugins
 * from assembly's {@code target/plugin-path} (real plugin isolation, as in a user's cluster). A worker can be killed
 * with SIGKILL and another started in its place: the same group and storage topics, so it picks up the connectors.
 * Group timeouts are short, so a dead worker's tasks and consumers are replaced within seconds.
 */
public final class ProcessEnv implements ConnectEnv, AutoCloseable {
    private static final String KAFKA_VERSION = "4.3.1";

    private final KafkaRuntime runtime;
    private final Path work;
    private final Path pluginPath;
    private final KafkaBrokerProcess broker;
    private final Admin admin;
    private final RecordProducer producer;
    private final List<ConnectWorkerProcess> workers = new ArrayList<>();
    private int started;

    private ProcessEnv(KafkaRuntime runtime, Path work, Path pluginPath, KafkaBrokerProcess broker) {
        this.runtime = runtime;
        this.work = work;
        this.pluginPath = pluginPath;
        this.broker = broker;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        this.producer = RecordProducer.to(broker.bootstrapServers());
    }

    /** Starts the broker; workers are started by the scenarios. */
    public static ProcessEnv start(Duration timeout) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("outflow.project.root", "..")).toAbsolutePath().normalize();
        Path pluginPath = Path.of(System.getProperty("outflow.plugin.path",
                root.resolve("assembly/target/plugin-path").toString()));
        if (!Files.isDirectory(pluginPath)) {
            throw new IllegalStateException(pluginPath + " is missing: build it with mvn -o -q package -pl assembly");
        }
        KafkaRuntime runtime = KafkaRuntime.of(root, KAFKA_VERSION);
        Path work = Files.createTempDirectory("outflow-reliability");
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(runtime, work.resolve("broker"), Ports.free(),
                Ports.free(), timeout);
        return new ProcessEnv(runtime, work, pluginPath, broker);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * Starts a worker of the Connect cluster {@code groupId} (its storage topics are named after it) and returns once
     * its REST API answers.
     */
    public ConnectWorkerProcess startWorker(String groupId, Duration timeout) throws IOException {
        started++;
        ConnectWorkerProcess worker = ConnectWorkerProcess.builder(runtime, work.resolve(groupId + "-worker-" + started),
                        broker.bootstrapServers())
                .groupId(groupId)
                .pluginPath(pluginPath)
                // A killed worker leaves its Connect group and its tasks' consumer groups after 6 s (the broker's
                // minimum), and its lost tasks are reassigned 1 s later.
                .property("session.timeout.ms", "6000")
                .property("heartbeat.interval.ms", "1000")
                .property("scheduled.rebalance.max.delay.ms", "1000")
                .property("consumer.session.timeout.ms", "6000")
                .property("consumer.heartbeat.interval.ms", "1000")
                .start(timeout);
        workers.add(worker);
        return worker;
    }

    /** SIGKILL, as in a crash: no task is stopped, no offset committed, no request finished. */
    public void kill(ConnectWorkerProcess worker) {
        worker.kill();
        workers.remove(worker);
    }

    @Override
    public Admin admin() {
        return admin;
    }

    /** Stops every running worker (SIGTERM, a clean shutdown). */
    public void stopWorkers() {
        workers.forEach(ConnectWorkerProcess::close);
        workers.clear();
    }

    @Override
    public void createTopic(String topic, int partitions) {
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
    }

    @Override
    public void produce(String topic, List<ProducerRecordSpec> records) {
        producer.send(topic, records);
    }

    @Override
    public ConnectRestClient rest() {
        if (workers.isEmpty()) {
            throw new IllegalStateException("no worker is running");
        }
        return ConnectRestClient.at(workers.get(workers.size() - 1).restUrl());
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String connector) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(ConnectEnv.sinkGroupId(connector)).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, om) -> {
            if (om != null) {
                result.put(tp, om.offset());
            }
        });
        return result;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(String topic) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> result = new HashMap<>();
        infos.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    @Override
    public List<ConsumedRecord> read(String topic, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumedRecord> read = new ArrayList<>();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>(endOffsets(topic).keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(toConsumed(r)));
            }
        }
        if (read.size() < expected) {
            throw new AssertionError("Expected " + expected + " records on " + topic + " but read " + read.size());
        }
        read.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return read;
    }

    private static ConsumedRecord toConsumed(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), string(header.value()));
        }
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(), string(record.key()),
                string(record.value()), headers);
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admin request failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin request timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an admin request", e);
        }
    }

    @Override
    public void close() {
        workers.forEach(ConnectWorkerProcess::close);
        workers.clear();
        producer.close();
        admin.close(Duration.ofSeconds(5));
        broker.close();
    }
}
