package io.outflow.connect.common.task;

import io.outflow.connect.common.config.OutflowSinkConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every Outflow connector: configuration, validation with cross-field errors on the key at fault, and
 * task configurations that tell each task its share of the rate budget.
 */
public abstract class OutflowSinkConnector extends SinkConnector {
    private static final Logger log = LoggerFactory.getLogger(OutflowSinkConnector.class);

    private Map<String, String> props;

    /** The connector's configuration definition (its own group plus the common ones). */
    protected abstract ConfigDef configDef();

    /** Cross-field checks of the connector's own keys; attach errors with {@link #error}. */
    protected void validate(OutflowSinkConfig config, Map<String, ConfigValue> values) {
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = new HashMap<>(props);
        OutflowSinkConfig config = new OutflowSinkConfig(configDef(), props);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        configDef().validate(props).forEach(v -> values.put(v.name(), v));
        ConfigChecks.check(config, values);
        validate(config, values);
        List<String> errors = new ArrayList<>();
        values.values().forEach(v -> v.errorMessages().forEach(m -> errors.add(v.name() + ": " + m)));
        if (!errors.isEmpty()) {
            throw new ConfigException("Invalid configuration: " + String.join("; ", errors));
        }
        log.info("Starting {} {}", getClass().getSimpleName(), version());
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(OutflowSinkConfig.TASK_COUNT_CONFIG, Integer.toString(maxTasks));
            task.put(OutflowSinkTask.TASK_INDEX_CONFIG, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        result.configValues().forEach(v -> values.put(v.name(), v));
        boolean parsed = values.values().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (parsed) {
            // Every key parsed on its own, so the whole parses; now the checks across keys.
            OutflowSinkConfig config = new OutflowSinkConfig(configDef(), connectorConfigs);
            ConfigChecks.check(config, values);
            validate(config, values);
        }
        return result;
    }

    @Override
    public String version() {
        return Version.get();
    }

    /** Attaches an error to a key's validation result. */
    protected static void error(Map<String, ConfigValue> values, String key, String message) {
        ConfigChecks.error(values, key, message);
    }
}
