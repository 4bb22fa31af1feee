package io.outflow.connect.testkit.connect;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic from the beginning of every partition, without a consumer group (assign, not subscribe), so
 * reading never disturbs the committed offsets that tests assert on.
 */
final class TopicReader {

    private TopicReader() {
    }

    /**
     * Reads until at least {@code expectedCount} records arrived; throws AssertionError listing what was read
     * when the timeout passes first. Records are ordered by partition, then offset.
     */
    static List<ConsumedRecord> read(EmbeddedKafkaCluster kafka, String topic, int expectedCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumedRecord> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.createConsumer(Map.of(
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read.size() < expectedCount && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(toConsumed(r)));
            }
        }
        if (read.size() < expectedCount) {
            throw new AssertionError("Expected " + expectedCount + " records on " + topic + " within " + timeout
                    + " but read " + read.size() + ": " + read);
        }
        read.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return read;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                        long deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("Topic " + topic + " does not exist");
            }
            try {
                Thread.sleep(100); // a missing topic answers at once: do not spin
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for topic " + topic, e);
            }
        }
    }

    private static ConsumedRecord toConsumed(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), string(header.value()));
        }
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(),
                string(record.key()), string(record.value()), headers);
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
