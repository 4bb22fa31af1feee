package io.outflow.connect.common.task;

import io.outflow.connect.common.config.CommonConfig;
import io.outflow.connect.common.config.NullValueBehavior;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.record.KeySource;
import org.apache.kafka.common.config.ConfigValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Cross-field checks of the common keys, each error attached to the key at fault. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void check(OutflowSinkConfig config, Map<String, ConfigValue> values) {
        if (config.keySource() == KeySource.RECORD_VALUE && config.keyField().isEmpty()) {
            error(values, CommonConfig.KEY_FIELD_CONFIG, "key.field is required when key.source=record_value");
        }
        if (config.nullValueBehavior() == NullValueBehavior.DELETE) {
            if (config.keySource() == KeySource.RECORD_VALUE) {
                error(values, CommonConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG, "a tombstone has no value to read "
                        + "the key from; deletes need key.source=record_key");
            }
            if (config.syncMode() == SyncMode.APPEND) {
                error(values, CommonConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG, "sync.mode=append records events, "
                        + "which cannot be deleted; use ignore or fail");
            }
        }
        if (config.retryBackoffMaxMs() < config.retryBackoffMs()) {
            error(values, CommonConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "must be at least retry.backoff.ms ("
                    + config.retryBackoffMs() + ")");
        }
        String trustStore = config.trustStoreLocation();
        if (!trustStore.isEmpty() && !Files.isReadable(Path.of(trustStore))) {
            error(values, CommonConfig.HTTP_TLS_TRUSTSTORE_LOCATION_CONFIG, "no readable file at " + trustStore);
        }
    }

    static void error(Map<String, ConfigValue> values, String key, String message) {
        ConfigValue value = values.get(key);
        if (value != null) {
            value.addErrorMessage(message);
        }
    }
}
