package io.outflow.connect.common.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;

/** Where a task's metrics are registered: Connect's plugin metrics (Kafka 4.1+) or our own JMX registry. */
interface MetricsBackend extends AutoCloseable {
    MetricName name(String metric, String description);

    /** A sensor whose name is unique to this task (the worker's registry is shared by all tasks). */
    Sensor sensor(String name);

    void gauge(MetricName name, Gauge<?> gauge);

    /** Where users find the metrics, for the log and the docs. */
    String location();

    @Override
    void close();
}
