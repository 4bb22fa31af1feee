package io.outflow.connect.common.config;

import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.KeySource;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector's parsed configuration: the common keys through typed getters, the connector's own through
 * AbstractConfig's. Secrets stay {@link Password}s until the moment they go into a request.
 */
public class OutflowSinkConfig extends AbstractConfig {
    /** Set by the connector on each task's configuration: how many tasks share the connector's rate budget. */
    public static final String TASK_COUNT_CONFIG = "outflow.task.count";

    public OutflowSinkConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
    }

    /** Parses an enum-valued key (values are the enum names in lower case). */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return EnumSetting.of(type).parse(key, getString(key));
    }

    public KeySource keySource() {
        return enumValue(CommonConfig.KEY_SOURCE_CONFIG, KeySource.class);
    }

    public String keyField() {
        return getString(CommonConfig.KEY_FIELD_CONFIG).trim();
    }

    public SyncMode syncMode() {
        return enumValue(CommonConfig.SYNC_MODE_CONFIG, SyncMode.class);
    }

    public NullValueBehavior nullValueBehavior() {
        return enumValue(CommonConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG, NullValueBehavior.class);
    }

    public Map<String, String> fieldMapping() {
        return CommonConfig.mappingValidator().parse(CommonConfig.FIELD_MAPPING_CONFIG,
                getList(CommonConfig.FIELD_MAPPING_CONFIG));
    }

    public boolean dropUnmappedFields() {
        return enumValue(CommonConfig.FIELDS_UNMAPPED_CONFIG, UnmappedFields.class) == UnmappedFields.DROP;
    }

    public Map<String, FieldType> fieldTypes() {
        Map<String, FieldType> out = new LinkedHashMap<>();
        CommonConfig.typesValidator().parse(CommonConfig.FIELD_TYPES_CONFIG, getList(CommonConfig.FIELD_TYPES_CONFIG))
                .forEach((field, type) -> out.put(field, FieldType.parse(type)));
        return out;
    }

    public List<String> requiredFields() {
        return getList(CommonConfig.FIELDS_REQUIRED_CONFIG);
    }

    public StringOverflow stringOverflow() {
        return enumValue(CommonConfig.STRING_OVERFLOW_CONFIG, StringOverflow.class);
    }

    public int stringMaxLength() {
        return getInt(CommonConfig.STRING_MAX_LENGTH_CONFIG);
    }

    public int batchMaxRecords() {
        return getInt(CommonConfig.BATCH_MAX_RECORDS_CONFIG);
    }

    public long batchMaxBytes() {
        return getLong(CommonConfig.BATCH_MAX_BYTES_CONFIG);
    }

    public long lingerMs() {
        return getLong(CommonConfig.LINGER_MS_CONFIG);
    }

    public int maxInFlightRequests() {
        return getInt(CommonConfig.MAX_IN_FLIGHT_REQUESTS_CONFIG);
    }

    public int maxBufferedRecords() {
        return getInt(CommonConfig.MAX_BUFFERED_RECORDS_CONFIG);
    }

    public int rateLimitRequests() {
        return getInt(CommonConfig.RATE_LIMIT_REQUESTS_CONFIG);
    }

    public long rateLimitWindowMs() {
        return getLong(CommonConfig.RATE_LIMIT_WINDOW_MS_CONFIG);
    }

    public long retryBackoffMs() {
        return getLong(CommonConfig.RETRY_BACKOFF_MS_CONFIG);
    }

    public long retryBackoffMaxMs() {
        return getLong(CommonConfig.RETRY_BACKOFF_MAX_MS_CONFIG);
    }

    public long retryTimeoutMs() {
        return getLong(CommonConfig.RETRY_TIMEOUT_MS_CONFIG);
    }

    public long unansweredFenceMs() {
        return getLong(CommonConfig.RETRY_UNANSWERED_FENCE_MS_CONFIG);
    }

    public RetryExhaustedAction retryExhaustedAction() {
        return enumValue(CommonConfig.RETRY_EXHAUSTED_ACTION_CONFIG, RetryExhaustedAction.class);
    }

    public int httpConnectTimeoutMs() {
        return getInt(CommonConfig.HTTP_CONNECT_TIMEOUT_MS_CONFIG);
    }

    public int httpResponseTimeoutMs() {
        return getInt(CommonConfig.HTTP_RESPONSE_TIMEOUT_MS_CONFIG);
    }

    public String httpProxyUrl() {
        return getString(CommonConfig.HTTP_PROXY_URL_CONFIG).trim();
    }

    public String trustStoreLocation() {
        return getString(CommonConfig.HTTP_TLS_TRUSTSTORE_LOCATION_CONFIG).trim();
    }

    public Password trustStorePassword() {
        return getPassword(CommonConfig.HTTP_TLS_TRUSTSTORE_PASSWORD_CONFIG);
    }

    public String trustStoreType() {
        return getString(CommonConfig.HTTP_TLS_TRUSTSTORE_TYPE_CONFIG).toUpperCase(java.util.Locale.ROOT);
    }

    public boolean hostnameVerification() {
        return getBoolean(CommonConfig.HTTP_TLS_HOSTNAME_VERIFICATION_CONFIG);
    }

    public long closeTimeoutMs() {
        return getLong(CommonConfig.CLOSE_TIMEOUT_MS_CONFIG);
    }

    /** How many tasks the connector started; each takes an even share of the rate budget. */
    public int taskCount() {
        Object count = originals().get(TASK_COUNT_CONFIG);
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count.toString()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The password's value, or null when unset or empty. */
    public static String secret(Password password) {
        return password == null || password.value() == null || password.value().isEmpty() ? null : password.value();
    }
}
