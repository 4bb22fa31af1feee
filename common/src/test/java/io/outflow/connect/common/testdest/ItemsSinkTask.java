package io.outflow.connect.common.testdest;

import io.outflow.connect.common.destination.DestinationFactory;
import io.outflow.connect.common.task.OutflowSinkTask;
import org.apache.kafka.common.config.ConfigDef;

/** The engine's task, loading the items destination. */
public class ItemsSinkTask extends OutflowSinkTask {
    @Override
    protected ConfigDef configDef() {
        return ItemsConfig.def();
    }

    @Override
    protected DestinationFactory destinationFactory() {
        return (config, transport) -> ItemsDestination.from(config);
    }
}
