package io.outflow.connect.zendesk;

import io.outflow.connect.common.config.NullValueBehavior;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.task.OutflowSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Delivers warehouse rows to Zendesk Support: users through bulk create_or_update_many jobs followed until their
 * per-user results arrive, or organizations through create_or_update one at a time; tombstones can delete them.
 */
public class ZendeskSinkConnector extends OutflowSinkConnector {
    private static final Logger log = LoggerFactory.getLogger(ZendeskSinkConnector.class);

    @Override
    protected ConfigDef configDef() {
        return ZendeskConfig.def();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ZendeskSinkTask.class;
    }

    @Override
    protected void validate(OutflowSinkConfig config, Map<String, ConfigValue> values) {
        ZendeskConfigChecks.check(config, (key, message) -> error(values, key, message));
    }

    @Override
    public void start(Map<String, String> props) {
        super.start(props);
        OutflowSinkConfig config = new OutflowSinkConfig(configDef(), props);
        boolean queuesJobs = ZendeskConfig.objectType(config) == ZendeskConfig.ObjectType.USERS
                || config.nullValueBehavior() == NullValueBehavior.DELETE;
        int tasks = parse(props.get("tasks.max"));
        int inFlight = config.maxInFlightRequests();
        if (queuesJobs && (long) tasks * inFlight > ZendeskConfig.ACCOUNT_JOB_LIMIT) {
            // Not an error: a full queue only makes submissions wait. But they then wait on each other.
            log.warn("tasks.max={} x max.in.flight.requests={} allows {} Zendesk jobs at once, more than the {} an "
                            + "account may have queued; the rest wait for the queue. Lower max.in.flight.requests to "
                            + "at most {}", tasks, inFlight, tasks * inFlight, ZendeskConfig.ACCOUNT_JOB_LIMIT,
                    Math.max(1, ZendeskConfig.ACCOUNT_JOB_LIMIT / Math.max(1, tasks)));
        }
    }

    private static int parse(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
