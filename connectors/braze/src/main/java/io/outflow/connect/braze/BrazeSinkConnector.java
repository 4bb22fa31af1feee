package io.outflow.connect.braze;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.task.OutflowSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

import java.util.Map;

/**
 * Delivers warehouse rows to Braze through /users/track: user attributes (profile upserts keyed by external_id,
 * email or a user alias), custom events or purchases, one record type per connector; tombstones can delete users.
 */
public class BrazeSinkConnector extends OutflowSinkConnector {
    @Override
    protected ConfigDef configDef() {
        return BrazeConfig.def();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return BrazeSinkTask.class;
    }

    @Override
    protected void validate(OutflowSinkConfig config, Map<String, ConfigValue> values) {
        BrazeConfig.validate(config, (key, message) -> error(values, key, message));
    }
}
