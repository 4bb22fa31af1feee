package io.outflow.connect.testkit.connect;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends batches through one long-lived producer. EmbeddedKafkaCluster.produce() sends one record
 * synchronously (seconds per thousand records); this pipelines the sends and waits once.
 */
public final class RecordProducer implements AutoCloseable {

    private final java.util.function.Function<Map<String, Object>, KafkaProducer<byte[], byte[]>> factory;
    private KafkaProducer<byte[], byte[]> producer;

    RecordProducer(EmbeddedKafkaCluster kafka) {
        this.factory = kafka::createProducer;
    }

    /** A producer to any broker (one started as a process, say). */
    public static RecordProducer to(String bootstrapServers) {
        return new RecordProducer(overrides -> {
            Map<String, Object> props = new java.util.HashMap<>(overrides);
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    org.apache.kafka.common.serialization.ByteArraySerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    org.apache.kafka.common.serialization.ByteArraySerializer.class);
            return new KafkaProducer<>(props);
        });
    }

    private RecordProducer(java.util.function.Function<Map<String, Object>, KafkaProducer<byte[], byte[]>> factory) {
        this.factory = factory;
    }

    /** Sends the records and waits until all are acknowledged. */
    public synchronized void send(String topic, List<ProducerRecordSpec> records) {
        KafkaProducer<byte[], byte[]> p = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecordSpec spec : records) {
            sent.add(p.send(toRecord(topic, spec)));
        }
        p.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("producing to " + topic + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while producing to " + topic, e);
            }
        }
    }

    private static ProducerRecord<byte[], byte[]> toRecord(String topic, ProducerRecordSpec spec) {
        RecordHeaders headers = new RecordHeaders();
        spec.headers().forEach((name, value) ->
                headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, spec.partition(), bytes(spec.key()), bytes(spec.value()), headers);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = factory.apply(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
