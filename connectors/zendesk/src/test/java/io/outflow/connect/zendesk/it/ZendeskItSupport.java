package io.outflow.connect.zendesk.it;

import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.zendesk.ZendeskFake;

import java.time.Duration;
import java.util.Map;

/** What the Zendesk integration tests share: the connector's configuration against the fake, and reading it. */
final class ZendeskItSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private ZendeskItSupport() {
    }

    /** A fast fake: short jobs, and a rate limit no test reaches unless it sets its own. */
    static ZendeskFake.Builder fastFake() {
        return ZendeskFake.builder().jobDelay(Duration.ofMillis(100)).rateLimit(1_000_000, 60_000);
    }

    /** The run's base configuration plus short job polls; the connector's own rate limit off unless set. */
    static Map<String, String> config(SinkRun run, ZendeskFake fake, String objectType, int tasks) {
        Map<String, String> config = run.baseConfig("io.outflow.connect.zendesk.ZendeskSinkConnector", tasks);
        config.put("zendesk.api.url", fake.baseUrl());
        config.put("zendesk.object.type", objectType);
        config.put("zendesk.email", ZendeskFake.DEFAULT_EMAIL);
        config.put("zendesk.api.token", ZendeskFake.DEFAULT_API_TOKEN);
        config.put("zendesk.job.poll.ms", "20");
        config.put("zendesk.job.poll.max.ms", "100");
        config.put("zendesk.job.queue.retry.ms", "200");
        config.put("rate.limit.requests", "0");
        return config;
    }

    /** A custom field of a user or organization as the fake holds it, or null. */
    static Object customField(Map<String, Object> object, String container, String field) {
        Object fields = object == null ? null : object.get(container);
        return fields instanceof Map ? ((Map<?, ?>) fields).get(field) : null;
    }
}
