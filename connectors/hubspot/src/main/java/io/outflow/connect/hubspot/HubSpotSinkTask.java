package io.outflow.connect.hubspot;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.DestinationFactory;
import io.outflow.connect.common.task.OutflowSinkTask;
import org.apache.kafka.common.config.ConfigDef;

/** The engine's task, delivering to HubSpot. */
public class HubSpotSinkTask extends OutflowSinkTask {
    @Override
    protected ConfigDef configDef() {
        return HubSpotConfig.def();
    }

    @Override
    protected DestinationFactory destinationFactory() {
        return HubSpotDestination::create;
    }

    @Override
    protected long quotaProbeMs(OutflowSinkConfig config) {
        return config.getLong(HubSpotConfig.DAILY_LIMIT_PROBE_MS_CONFIG);
    }
}
