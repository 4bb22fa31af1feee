package io.outflow.connect.braze;

import io.outflow.connect.common.destination.DestinationFactory;
import io.outflow.connect.common.task.OutflowSinkTask;
import org.apache.kafka.common.config.ConfigDef;

/** The engine's task, delivering to Braze. */
public class BrazeSinkTask extends OutflowSinkTask {
    @Override
    protected ConfigDef configDef() {
        return BrazeConfig.def();
    }

    @Override
    protected DestinationFactory destinationFactory() {
        return BrazeDestination::create;
    }
}
