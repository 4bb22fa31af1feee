package io.outflow.connect.hubspot;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.task.OutflowSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

import java.util.Map;

/**
 * Delivers warehouse rows to HubSpot CRM objects (contacts, companies, deals, tickets, custom objects) through the
 * v3 batch upsert API, keyed on a unique property; tombstones can archive the objects they name.
 */
public class HubSpotSinkConnector extends OutflowSinkConnector {
    @Override
    protected ConfigDef configDef() {
        return HubSpotConfig.def();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HubSpotSinkTask.class;
    }

    @Override
    protected void validate(OutflowSinkConfig config, Map<String, ConfigValue> values) {
        HubSpotConfig.validate(config, values, (key, message) -> error(values, key, message));
    }
}
