package io.outflow.connect.common.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

import java.util.LinkedHashMap;

/**
 * Metrics through Connect's plugin metrics (KIP-877, Kafka 4.1+): the worker registers them in its own metrics
 * registry under the group "plugins" with the connector and task tags, so they appear wherever the worker's
 * metrics go (JMX {@code kafka.connect:type=plugins,connector=...,task=...}, or any configured reporter), and the
 * worker removes them when the task stops. Only loaded on workers that have the API.
 */
final class PluginMetricsBackend implements MetricsBackend {
    private final PluginMetrics pluginMetrics;
    private final String sensorPrefix;

    PluginMetricsBackend(PluginMetrics pluginMetrics, String connector, int task) {
        this.pluginMetrics = pluginMetrics;
        this.sensorPrefix = "outflow." + connector + "." + task + ".";
    }

    @Override
    public MetricName name(String metric, String description) {
        return pluginMetrics.metricName(metric, description, new LinkedHashMap<>());
    }

    @Override
    public Sensor sensor(String name) {
        return pluginMetrics.addSensor(sensorPrefix + name);
    }

    @Override
    public void gauge(MetricName name, Gauge<?> gauge) {
        pluginMetrics.addMetric(name, gauge);
    }

    @Override
    public String location() {
        return "Connect plugin metrics (JMX kafka.connect:type=plugins,connector=...,task=...)";
    }

    @Override
    public void close() {
        // The worker closes plugin metrics when the task stops.
    }
}
