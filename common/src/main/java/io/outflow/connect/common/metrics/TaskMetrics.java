package io.outflow.connect.common.metrics;

import io.outflow.connect.common.engine.EngineMetrics;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntSupplier;

/**
 * A task's metrics. Names (documented in docs/engine.md): records-delivered-total, records-delivered-rate,
 * records-dead-lettered-total, records-superseded-total, records-skipped-total, records-retried-total,
 * requests-total, requests-rate, requests-rate-limited-total, request-latency-avg-ms, request-latency-max-ms,
 * batch-size-avg, batch-size-max, records-buffered, batches-in-flight, quota-exhausted, partitions-paused.
 */
public final class TaskMetrics implements EngineMetrics, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);

    private final MetricsBackend backend;
    private final Sensor delivered;
    private final Sensor deadLettered;
    private final Sensor superseded;
    private final Sensor skipped;
    private final Sensor retried;
    private final Sensor requests;
    private final Sensor rateLimited;
    private final Sensor batchSize;
    private volatile int quotaExhausted;
    private volatile int paused;

    private TaskMetrics(MetricsBackend backend) {
        this.backend = backend;
        delivered = sensor("records-delivered", "records-delivered-total", "Records the destination holds",
                "records-delivered-rate", "Records delivered per second");
        deadLettered = sensor("records-dead-lettered", "records-dead-lettered-total",
                "Records sent to the dead-letter queue", null, null);
        superseded = sensor("records-superseded", "records-superseded-total",
                "Records replaced by a newer record of the same key before they were sent", null, null);
        skipped = sensor("records-skipped", "records-skipped-total",
                "Tombstones skipped (behavior.on.null.values=ignore)", null, null);
        retried = sensor("records-retried", "records-retried-total",
                "Records sent again after a transient failure", null, null);
        requests = backend.sensor("requests");
        requests.add(backend.name("requests-total", "Requests answered or failed"), new CumulativeCount());
        requests.add(backend.name("requests-rate", "Requests per second"), new Rate(new WindowedCount()));
        requests.add(backend.name("request-latency-avg-ms", "Average request latency"), new Avg());
        requests.add(backend.name("request-latency-max-ms", "Longest request latency"), new Max());
        rateLimited = sensor("requests-rate-limited", "requests-rate-limited-total",
                "Answers saying a rate limit or quota was reached (429 and the like)", null, null);
        batchSize = backend.sensor("batch-size");
        batchSize.add(backend.name("batch-size-avg", "Average records per batch"), new Avg());
        batchSize.add(backend.name("batch-size-max", "Most records in a batch"), new Max());
        backend.gauge(backend.name("quota-exhausted", "1 while the destination's long quota (e.g. daily) is used up"),
                (Gauge<Integer>) (config, now) -> quotaExhausted);
        backend.gauge(backend.name("partitions-paused", "1 while the task has paused its partitions"),
                (Gauge<Integer>) (config, now) -> paused);
    }

    /**
     * Metrics for a task: Connect's plugin metrics where the worker has them (Kafka 4.1+), else JMX. Says which in
     * one log line.
     */
    public static TaskMetrics create(SinkTaskContext context, String connector, int task) {
        MetricsBackend backend;
        try {
            backend = new PluginMetricsBackend(context.pluginMetrics(), connector, task);
        } catch (NoSuchMethodError | AbstractMethodError | NoClassDefFoundError | UnsupportedOperationException e) {
            backend = new JmxMetricsBackend(connector, task);
            log.info("This Connect worker has no plugin metrics (Kafka 4.1+); task metrics are in {}",
                    backend.location());
        }
        return new TaskMetrics(backend);
    }

    /** Metrics in a private JMX registry (tests, tools). */
    public static TaskMetrics jmx(String connector, int task) {
        return new TaskMetrics(new JmxMetricsBackend(connector, task));
    }

    private Sensor sensor(String name, String total, String totalDoc, String rate, String rateDoc) {
        Sensor sensor = backend.sensor(name);
        sensor.add(backend.name(total, totalDoc), new CumulativeSum());
        if (rate != null) {
            sensor.add(backend.name(rate, rateDoc), new Rate());
        }
        return sensor;
    }

    /** Registers gauges read from the engine. */
    public void gauges(IntSupplier buffered, IntSupplier inFlight) {
        backend.gauge(backend.name("records-buffered", "Records held by the task (queued or in delivery)"),
                (Gauge<Integer>) (config, now) -> buffered.getAsInt());
        backend.gauge(backend.name("batches-in-flight", "Batches in delivery"),
                (Gauge<Integer>) (config, now) -> inFlight.getAsInt());
    }

    public void delivered() {
        delivered.record(1);
    }

    public void deadLettered() {
        deadLettered.record(1);
    }

    public void superseded() {
        superseded.record(1);
    }

    public void skipped() {
        skipped.record(1);
    }

    public void quotaExhausted(boolean exhausted) {
        quotaExhausted = exhausted ? 1 : 0;
    }

    public void paused(boolean isPaused) {
        paused = isPaused ? 1 : 0;
    }

    @Override
    public void batchStarted(int records) {
        batchSize.record(records);
    }

    @Override
    public void requestCompleted(int status, long latencyMs) {
        requests.record(latencyMs);
    }

    @Override
    public void rateLimited() {
        rateLimited.record(1);
    }

    @Override
    public void retried(int records) {
        retried.record(records);
    }

    @Override
    public void close() {
        backend.close();
    }
}
