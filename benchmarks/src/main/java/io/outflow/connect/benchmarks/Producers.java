package io.outflow.connect.benchmarks;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The harness's producers: a fast one that loads a topic before any connector starts (so producing is never part
 * of a measurement), and a paced one for the end-to-end measurement that stamps each value with its send time.
 */
final class Producers {
    private Producers() {
    }

    /** Loads {@code count} records round-robin over the partitions; returns records per second achieved. */
    static double preload(String bootstrap, String topic, int partitions, long count, String keyPrefix) {
        Map<String, Object> props = base(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (long i = 0; i < count; i++) {
                if (failure.get() != null) {
                    break;
                }
                producer.send(new ProducerRecord<>(topic, (int) (i % partitions), Dataset.keyBytes(keyPrefix, i),
                        Dataset.valueBytes(i, now)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("preloading " + topic + " failed", failure.get());
        }
        if (acked.get() != count) {
            throw new IllegalStateException("preloading " + topic + ": " + acked.get() + " of " + count + " acknowledged");
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    /** A producer that sends each record at once (linger 0), for latency measurements. */
    static final class Paced implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String topic;
        private final String keyPrefix;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private long next;

        Paced(String bootstrap, String topic, String keyPrefix) {
            Map<String, Object> props = base(bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "1");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
            this.producer = new KafkaProducer<>(props);
            this.topic = topic;
            this.keyPrefix = keyPrefix;
        }

        /** Sends one record stamped with the current time; returns its key. */
        String sendOne() {
            long i = next++;
            producer.send(new ProducerRecord<>(topic, 0, Dataset.keyBytes(keyPrefix, i),
                    Dataset.valueBytes(i, System.currentTimeMillis())), (m, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            return Dataset.key(keyPrefix, i);
        }

        /** Sends at {@code perSecond} for {@code seconds}, each record stamped just before it is sent. */
        long sendPaced(int perSecond, int seconds) {
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long total = (long) perSecond * seconds;
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long due = start + n * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                sendOne();
                if (failure.get() != null) {
                    throw new IllegalStateException("producing to " + topic + " failed", failure.get());
                }
            }
            producer.flush();
            return total;
        }

        long sent() {
            return next;
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private static Map<String, Object> base(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outflow-bench-producer");
        return props;
    }
}
