package io.outflow.connect.common.testdest;

import io.outflow.connect.common.task.OutflowSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

/** The engine's test connector, delivering to the testkit's items API. */
public class ItemsSinkConnector extends OutflowSinkConnector {
    @Override
    protected ConfigDef configDef() {
        return ItemsConfig.def();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ItemsSinkTask.class;
    }
}
