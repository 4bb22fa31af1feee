package io.outflow.connect.zendesk;

import io.outflow.connect.common.destination.DestinationFactory;
import io.outflow.connect.common.task.OutflowSinkTask;
import org.apache.kafka.common.config.ConfigDef;

/** The engine's task, delivering to Zendesk Support. */
public class ZendeskSinkTask extends OutflowSinkTask {
    @Override
    protected ConfigDef configDef() {
        return ZendeskConfig.def();
    }

    @Override
    protected DestinationFactory destinationFactory() {
        return ZendeskDestination::create;
    }
}
