package io.outflow.connect.common.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics in a registry of our own, reported to JMX as {@code outflow:type=sink-task-metrics,connector=...,task=...}:
 * for workers older than Kafka 4.1, which have no plugin metrics.
 */
final class JmxMetricsBackend implements MetricsBackend {
    static final String GROUP = "sink-task-metrics";

    private final Metrics metrics;
    private final Map<String, String> tags = new LinkedHashMap<>();

    JmxMetricsBackend(String connector, int task) {
        this.metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext("outflow"));
        tags.put("connector", connector);
        tags.put("task", Integer.toString(task));
    }

    @Override
    public MetricName name(String metric, String description) {
        return metrics.metricName(metric, GROUP, description, tags);
    }

    @Override
    public Sensor sensor(String name) {
        return metrics.sensor(name);
    }

    @Override
    public void gauge(MetricName name, Gauge<?> gauge) {
        metrics.addMetric(name, gauge);
    }

    @Override
    public String location() {
        return "JMX outflow:type=" + GROUP + ",connector=...,task=...";
    }

    @Override
    public void close() {
        metrics.close();
    }
}
