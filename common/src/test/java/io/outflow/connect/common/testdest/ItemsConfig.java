package io.outflow.connect.common.testdest;

import io.outflow.connect.common.config.CommonConfig;
import io.outflow.connect.common.config.ConfigGroup;
import io.outflow.connect.common.config.DestinationDefaults;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.config.UrlValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the engine's test destination: the testkit's items API. */
public final class ItemsConfig {
    public static final String API_URL = "items.api.url";
    public static final String TOKEN = "items.token";
    public static final String ASYNC = "items.async";
    public static final String JOB_POLL_MS = "items.job.poll.ms";

    static final DestinationDefaults DEFAULTS = DestinationDefaults.builder()
            .maxBatchRecords(100)
            .maxBatchBytes(1024 * 1024)
            .rateLimit(0, 1000)
            .syncModes(SyncMode.UPSERT, SyncMode.APPEND)
            .deletes(true)
            .maxStringLength(1000)
            .build();

    private ItemsConfig() {
    }

    public static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        new ConfigGroup(def, "Items API")
                .defineRequired(API_URL, Type.STRING, new UrlValidator(false), Importance.HIGH, "Base URL", "URL")
                .defineRequired(TOKEN, Type.PASSWORD, null, Importance.HIGH, "Bearer token", "Token")
                .define(ASYNC, Type.BOOLEAN, false, null, Importance.LOW, "Use the job API", "Async")
                .define(JOB_POLL_MS, Type.LONG, 50L, null, Importance.LOW, "Job poll interval", "Poll");
        return CommonConfig.define(def, DEFAULTS);
    }
}
