package io.outflow.demo;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
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
import java.util.stream.IntStream;

/**
 * What the demo reads from Kafka: topic creation, end offsets (records on a DLQ), a sink connector's lag (records of
 * its topic not yet delivered or dead-lettered: its consumer group commits only those), and the DLQ's records with
 * Connect's error headers.
 */
final class KafkaView implements AutoCloseable {
    private final String bootstrapServers;
    private final Admin admin;
    private final Map<String, Integer> partitions = new HashMap<>();

    KafkaView(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** A dead-letter record: key, value and headers as text. */
    record DeadLetter(String key, String value, Map<String, String> headers) {
    }

    void createTopic(String topic, int partitionCount) {
        get(admin.createTopics(List.of(new NewTopic(topic, partitionCount, (short) 1))).all());
        partitions.put(topic, partitionCount);
    }

    private List<TopicPartition> partitionsOf(String topic) {
        int count = partitions.computeIfAbsent(topic, t -> get(admin.describeTopics(List.of(t)).allTopicNames())
                .get(t).partitions().size());
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toList());
    }

    /** Records written to the topic so far (the sum of its end offsets; nothing is deleted in the demo). */
    long records(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitionsOf(topic).forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        info.forEach((tp, i) -> ends.put(tp, i.offset()));
        return ends;
    }

    /** Records of the topic the sink connector has not finished (delivered or dead-lettered, and committed). */
    long lag(String connector, String topic) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata());
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /**
     * Whether the sink connector's consumer group is stable with all its tasks as members and every partition of the
     * topic assigned: before that, a task joining later moves partitions, and records read but not yet committed are read
     * again by their new owner (delivered twice: harmless for upserts, but noise in a demo).
     */
    boolean groupSettled(String connector, int tasks, String topic) {
        ConsumerGroupDescription group = get(admin.describeConsumerGroups(List.of("connect-" + connector)).all())
                .get("connect-" + connector);
        if (group == null || group.groupState() != GroupState.STABLE || group.members().size() != tasks) {
            return false;
        }
        long assigned = group.members().stream()
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic)).distinct().count();
        return assigned == partitionsOf(topic).size();
    }

    /** Every record on a topic (a DLQ), read from the beginning without a consumer group. */
    List<DeadLetter> readAll(String topic) {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        List<DeadLetter> read = new ArrayList<>();
        if (ends.values().stream().allMatch(end -> end == 0)) {
            return read;
        }
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !caughtUp(consumer, ends)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), text(header.value()));
                    }
                    read.add(new DeadLetter(text(record.key()), text(record.value()), headers));
                }
            }
        }
        return read;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
