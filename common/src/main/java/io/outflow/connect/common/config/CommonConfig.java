package io.outflow.connect.common.config;

import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.KeySource;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configuration keys every Outflow connector shares, in groups: records, batching, rate limit, retries, HTTP
 * and shutdown. A connector adds its own group (endpoint, credentials, object type) and passes its vendor's
 * defaults.
 */
public final class CommonConfig {
    public static final String RECORDS_GROUP = "Records";
    public static final String BATCHING_GROUP = "Batching";
    public static final String RATE_LIMIT_GROUP = "Rate limit";
    public static final String RETRIES_GROUP = "Retries";
    public static final String HTTP_GROUP = "HTTP";
    public static final String SHUTDOWN_GROUP = "Shutdown";

    public static final String KEY_SOURCE_CONFIG = "key.source";
    private static final String KEY_SOURCE_DOC = "Where each record's upsert key comes from: 'record_key' (the Kafka "
            + "record key, or the field key.field of a Struct or Map key) or 'record_value' (the value field key.field). "
            + "Keys are deduplicated per batch and kept in order only when all records of a key share a partition, "
            + "which holds when the Kafka key is the upsert key.";

    public static final String KEY_FIELD_CONFIG = "key.field";
    private static final String KEY_FIELD_DOC = "The field that holds the upsert key: in the record key when "
            + "key.source=record_key and the key is a Struct or Map, in the value when key.source=record_value.";

    public static final String FIELD_MAPPING_CONFIG = "field.mapping";
    private static final String FIELD_MAPPING_DOC = "Renames from record fields to destination fields, as "
            + "comma-separated source:destination pairs, e.g. 'first_name:firstname,health_score:outflow_health'.";

    public static final String FIELDS_UNMAPPED_CONFIG = "fields.unmapped";
    private static final String FIELDS_UNMAPPED_DOC = "What happens to value fields field.mapping does not name: "
            + "'keep' sends them under their own names, 'drop' sends only mapped fields.";

    public static final String FIELD_TYPES_CONFIG = "field.types";
    private static final String FIELD_TYPES_DOC = "Declared types for fields of schemaless (JSON) records, as "
            + "comma-separated field:type pairs, e.g. 'signup_date:date,last_seen:timestamp'. Types: string, "
            + "boolean, long, double, decimal, date (yyyy-MM-dd), time, timestamp (ISO-8601 or epoch milliseconds). "
            + "A value that does not read as its type sends the record to the dead-letter queue.";

    public static final String FIELDS_REQUIRED_CONFIG = "fields.required";
    private static final String FIELDS_REQUIRED_DOC = "Destination fields every record must carry with a non-null "
            + "value; records without them go to the dead-letter queue before anything is sent.";

    public static final String STRING_OVERFLOW_CONFIG = "string.overflow";
    private static final String STRING_OVERFLOW_DOC = "What happens to a string longer than string.max.length: "
            + "'reject' sends the record to the dead-letter queue naming the field, 'truncate' cuts the string.";

    public static final String STRING_MAX_LENGTH_CONFIG = "string.max.length";
    private static final String STRING_MAX_LENGTH_DOC = "The longest string value the destination takes, in "
            + "characters. The default is the destination's documented limit.";

    public static final String SYNC_MODE_CONFIG = "sync.mode";
    private static final String SYNC_MODE_DOC = "How records with a value are written: 'upsert' creates or updates "
            + "the object matched on the key, 'update' never creates, 'insert' never updates, 'append' records every "
            + "record as an event (no deduplication). Each destination supports some of these.";

    public static final String BEHAVIOR_ON_NULL_VALUES_CONFIG = "behavior.on.null.values";
    private static final String BEHAVIOR_ON_NULL_VALUES_DOC = "What a tombstone (a record with a null value) does: "
            + "'ignore' skips it, 'delete' deletes the object its key names, 'fail' treats it as a bad record.";

    public static final String BATCH_MAX_RECORDS_CONFIG = "batch.max.records";
    private static final String BATCH_MAX_RECORDS_DOC = "The most records one request carries. The default and the "
            + "upper bound are the destination's documented cap.";

    public static final String BATCH_MAX_BYTES_CONFIG = "batch.max.bytes";
    private static final String BATCH_MAX_BYTES_DOC = "The most bytes of encoded records one request carries.";

    public static final String LINGER_MS_CONFIG = "linger.ms";
    private static final String LINGER_MS_DOC = "How long a record may wait for its batch to fill before the batch is "
            + "sent anyway. Lower means lower latency and more requests.";

    public static final String MAX_IN_FLIGHT_REQUESTS_CONFIG = "max.in.flight.requests";
    private static final String MAX_IN_FLIGHT_REQUESTS_DOC = "How many batches each task may have in delivery at "
            + "once (sent and awaiting an answer, an asynchronous job's result, or a retry). Hides the destination's "
            + "latency; a key is never in two batches at once.";

    public static final String MAX_BUFFERED_RECORDS_CONFIG = "max.buffered.records";
    private static final String MAX_BUFFERED_RECORDS_DOC = "How many records each task holds before it pauses its "
            + "partitions; they resume when half have drained. Bounds memory.";

    public static final String RATE_LIMIT_REQUESTS_CONFIG = "rate.limit.requests";
    private static final String RATE_LIMIT_REQUESTS_DOC = "How many requests the connector (all its tasks together) "
            + "may send per rate.limit.window.ms; split evenly over the tasks. 0 turns the connector's own limit "
            + "off (the destination's rate-limit answers are still honoured). The default is the vendor's documented "
            + "limit for common plans.";

    public static final String RATE_LIMIT_WINDOW_MS_CONFIG = "rate.limit.window.ms";
    private static final String RATE_LIMIT_WINDOW_MS_DOC = "The window rate.limit.requests counts over.";

    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "The first retry's backoff bound. Each retry doubles it, up to "
            + "retry.backoff.max.ms; the actual wait is random below the bound (full jitter). Retry-After wins.";

    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "The longest backoff between two retries.";

    public static final String RETRY_TIMEOUT_MS_CONFIG = "retry.timeout.ms";
    private static final String RETRY_TIMEOUT_MS_DOC = "How long a batch keeps being retried after transient errors "
            + "(5xx, timeouts, connection resets) before retry.exhausted.action applies. -1 retries forever. Waits "
            + "for rate limits do not count.";

    public static final String RETRY_EXHAUSTED_ACTION_CONFIG = "retry.exhausted.action";
    private static final String RETRY_EXHAUSTED_ACTION_DOC = "When retries run out: 'fail' fails the task with the "
            + "last error (nothing after the undelivered records is committed; restart the task once the cause is "
            + "fixed), 'dlq' sends the records to the dead-letter queue with the last error.";

    public static final String RETRY_UNANSWERED_FENCE_MS_CONFIG = "retry.unanswered.fence.ms";
    private static final String RETRY_UNANSWERED_FENCE_MS_DOC = "A write that got no answer (a response timeout, "
            + "a connection reset after sending) may still be applied by the destination later than its retry. The "
            + "keys it carried stay reserved this long after it was sent, so a newer value of those keys is never "
            + "overtaken by the late request. Delays only those keys; 0 turns the reservation off.";

    public static final String HTTP_CONNECT_TIMEOUT_MS_CONFIG = "http.connect.timeout.ms";
    private static final String HTTP_CONNECT_TIMEOUT_MS_DOC = "How long to wait for a TCP connection.";

    public static final String HTTP_RESPONSE_TIMEOUT_MS_CONFIG = "http.response.timeout.ms";
    private static final String HTTP_RESPONSE_TIMEOUT_MS_DOC = "How long to wait for a response once the request is "
            + "sent; a slower answer is a transient error and the request is retried.";

    public static final String HTTP_PROXY_URL_CONFIG = "http.proxy.url";
    private static final String HTTP_PROXY_URL_DOC = "An HTTP proxy for all requests, e.g. 'http://proxy:3128'. "
            + "Empty for none.";

    public static final String HTTP_TLS_TRUSTSTORE_LOCATION_CONFIG = "http.tls.truststore.location";
    private static final String HTTP_TLS_TRUSTSTORE_LOCATION_DOC = "A trust store file for the destination's TLS "
            + "certificate. Empty uses the JVM's trust store.";

    public static final String HTTP_TLS_TRUSTSTORE_PASSWORD_CONFIG = "http.tls.truststore.password";
    private static final String HTTP_TLS_TRUSTSTORE_PASSWORD_DOC = "The trust store's password.";

    public static final String HTTP_TLS_TRUSTSTORE_TYPE_CONFIG = "http.tls.truststore.type";
    private static final String HTTP_TLS_TRUSTSTORE_TYPE_DOC = "The trust store's format: PKCS12 or JKS.";

    public static final String HTTP_TLS_HOSTNAME_VERIFICATION_CONFIG = "http.tls.hostname.verification";
    private static final String HTTP_TLS_HOSTNAME_VERIFICATION_DOC = "Whether the certificate must name the host. "
            + "Turn it off only for tests.";

    public static final String CLOSE_TIMEOUT_MS_CONFIG = "close.timeout.ms";
    private static final String CLOSE_TIMEOUT_MS_DOC = "On a rebalance or stop, how long to wait for requests that "
            + "carry the partitions' records, so a late request cannot land after the new owner's newer one. Keep it "
            + "below the worker's task.shutdown.graceful.timeout.ms (5 s by default), which bounds a task's stop.";

    /** The defaults that do not depend on the destination. */
    public static final long DEFAULT_LINGER_MS = 50;
    public static final int DEFAULT_MAX_BUFFERED_RECORDS = 20_000;

    private CommonConfig() {
    }

    /** Adds the common groups to {@code def}, with the destination's defaults. */
    public static ConfigDef define(ConfigDef def, DestinationDefaults defaults) {
        defineRecords(def, defaults);
        defineBatching(def, defaults);
        defineRateLimit(def, defaults);
        defineRetries(def);
        defineHttp(def);
        new ConfigGroup(def, SHUTDOWN_GROUP)
                .define(CLOSE_TIMEOUT_MS_CONFIG, Type.LONG, 4_000L, Range.atLeast(0), Importance.LOW,
                        CLOSE_TIMEOUT_MS_DOC, "Close timeout (ms)");
        return def;
    }

    private static void defineRecords(ConfigDef def, DestinationDefaults defaults) {
        EnumSetting<NullValueBehavior> nullBehaviors = defaults.deletes()
                ? EnumSetting.of(NullValueBehavior.class)
                : EnumSetting.of(NullValueBehavior.class, java.util.List.of(NullValueBehavior.IGNORE,
                        NullValueBehavior.FAIL));
        EnumSetting<SyncMode> syncModes = EnumSetting.of(SyncMode.class, sorted(defaults));
        new ConfigGroup(def, RECORDS_GROUP)
                .define(KEY_SOURCE_CONFIG, Type.STRING, EnumSetting.text(KeySource.RECORD_KEY),
                        EnumSetting.of(KeySource.class), Importance.HIGH, KEY_SOURCE_DOC, "Key source",
                        EnumSetting.of(KeySource.class))
                .define(KEY_FIELD_CONFIG, Type.STRING, "", null, Importance.HIGH, KEY_FIELD_DOC, "Key field")
                .define(SYNC_MODE_CONFIG, Type.STRING, EnumSetting.text(defaults.defaultSyncMode()), syncModes,
                        Importance.HIGH, SYNC_MODE_DOC, "Sync mode", syncModes)
                .define(BEHAVIOR_ON_NULL_VALUES_CONFIG, Type.STRING, EnumSetting.text(NullValueBehavior.IGNORE),
                        nullBehaviors, Importance.MEDIUM, BEHAVIOR_ON_NULL_VALUES_DOC, "Behavior on null values",
                        nullBehaviors)
                .define(FIELD_MAPPING_CONFIG, Type.LIST, "", mappingValidator(), Importance.MEDIUM,
                        FIELD_MAPPING_DOC, "Field mapping")
                .define(FIELDS_UNMAPPED_CONFIG, Type.STRING, EnumSetting.text(UnmappedFields.KEEP),
                        EnumSetting.of(UnmappedFields.class), Importance.MEDIUM, FIELDS_UNMAPPED_DOC,
                        "Unmapped fields", EnumSetting.of(UnmappedFields.class))
                .define(FIELD_TYPES_CONFIG, Type.LIST, "", typesValidator(), Importance.MEDIUM, FIELD_TYPES_DOC,
                        "Field types")
                .define(FIELDS_REQUIRED_CONFIG, Type.LIST, "", null, Importance.MEDIUM, FIELDS_REQUIRED_DOC,
                        "Required fields")
                .define(STRING_OVERFLOW_CONFIG, Type.STRING, EnumSetting.text(StringOverflow.REJECT),
                        EnumSetting.of(StringOverflow.class), Importance.MEDIUM, STRING_OVERFLOW_DOC,
                        "String overflow", EnumSetting.of(StringOverflow.class))
                .define(STRING_MAX_LENGTH_CONFIG, Type.INT, defaults.maxStringLength(),
                        Range.between(1, defaults.maxStringLength()), Importance.LOW, STRING_MAX_LENGTH_DOC,
                        "String max length");
    }

    private static java.util.List<SyncMode> sorted(DestinationDefaults defaults) {
        java.util.List<SyncMode> modes = new java.util.ArrayList<>(defaults.syncModes());
        java.util.Collections.sort(modes);
        return modes;
    }

    private static void defineBatching(ConfigDef def, DestinationDefaults defaults) {
        new ConfigGroup(def, BATCHING_GROUP)
                .define(BATCH_MAX_RECORDS_CONFIG, Type.INT, defaults.maxBatchRecords(),
                        Range.between(1, defaults.maxBatchRecords()), Importance.MEDIUM, BATCH_MAX_RECORDS_DOC,
                        "Batch max records")
                .define(BATCH_MAX_BYTES_CONFIG, Type.LONG, defaults.maxBatchBytes(),
                        Range.between(1024L, defaults.maxBatchBytes()), Importance.LOW, BATCH_MAX_BYTES_DOC,
                        "Batch max bytes")
                .define(LINGER_MS_CONFIG, Type.LONG, DEFAULT_LINGER_MS, Range.between(0L, 60_000L),
                        Importance.MEDIUM, LINGER_MS_DOC, "Linger (ms)")
                .define(MAX_IN_FLIGHT_REQUESTS_CONFIG, Type.INT, defaults.maxInFlightRequests(),
                        Range.between(1, 256), Importance.MEDIUM, MAX_IN_FLIGHT_REQUESTS_DOC, "Max in-flight requests")
                .define(MAX_BUFFERED_RECORDS_CONFIG, Type.INT, DEFAULT_MAX_BUFFERED_RECORDS,
                        Range.between(1, 10_000_000), Importance.LOW, MAX_BUFFERED_RECORDS_DOC, "Max buffered records");
    }

    private static void defineRateLimit(ConfigDef def, DestinationDefaults defaults) {
        new ConfigGroup(def, RATE_LIMIT_GROUP)
                .define(RATE_LIMIT_REQUESTS_CONFIG, Type.INT, defaults.rateLimitRequests(), Range.atLeast(0),
                        Importance.HIGH, RATE_LIMIT_REQUESTS_DOC, "Rate limit (requests)")
                .define(RATE_LIMIT_WINDOW_MS_CONFIG, Type.LONG, defaults.rateLimitWindowMs(), Range.atLeast(1L),
                        Importance.HIGH, RATE_LIMIT_WINDOW_MS_DOC, "Rate limit window (ms)");
    }

    private static void defineRetries(ConfigDef def) {
        EnumSetting<RetryExhaustedAction> actions = EnumSetting.of(RetryExhaustedAction.class);
        new ConfigGroup(def, RETRIES_GROUP)
                .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 200L, Range.atLeast(1L), Importance.LOW,
                        RETRY_BACKOFF_MS_DOC, "Retry backoff (ms)")
                .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 30_000L, Range.atLeast(1L), Importance.LOW,
                        RETRY_BACKOFF_MAX_MS_DOC, "Retry backoff max (ms)")
                .define(RETRY_TIMEOUT_MS_CONFIG, Type.LONG, 900_000L, Range.atLeast(-1L), Importance.MEDIUM,
                        RETRY_TIMEOUT_MS_DOC, "Retry timeout (ms)")
                .define(RETRY_EXHAUSTED_ACTION_CONFIG, Type.STRING, EnumSetting.text(RetryExhaustedAction.FAIL),
                        actions, Importance.MEDIUM, RETRY_EXHAUSTED_ACTION_DOC, "When retries run out", actions)
                .define(RETRY_UNANSWERED_FENCE_MS_CONFIG, Type.LONG, 60_000L, Range.atLeast(0L), Importance.LOW,
                        RETRY_UNANSWERED_FENCE_MS_DOC, "Unanswered write fence (ms)");
    }

    private static void defineHttp(ConfigDef def) {
        new ConfigGroup(def, HTTP_GROUP)
                .define(HTTP_CONNECT_TIMEOUT_MS_CONFIG, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                        HTTP_CONNECT_TIMEOUT_MS_DOC, "Connect timeout (ms)")
                .define(HTTP_RESPONSE_TIMEOUT_MS_CONFIG, Type.INT, 30_000, Range.atLeast(1), Importance.LOW,
                        HTTP_RESPONSE_TIMEOUT_MS_DOC, "Response timeout (ms)")
                .define(HTTP_PROXY_URL_CONFIG, Type.STRING, "", new UrlValidator(true), Importance.LOW,
                        HTTP_PROXY_URL_DOC, "Proxy URL")
                .define(HTTP_TLS_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", null, Importance.LOW,
                        HTTP_TLS_TRUSTSTORE_LOCATION_DOC, "Trust store location")
                .define(HTTP_TLS_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, null, Importance.LOW,
                        HTTP_TLS_TRUSTSTORE_PASSWORD_DOC, "Trust store password")
                .define(HTTP_TLS_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "PKCS12",
                        ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS"), Importance.LOW,
                        HTTP_TLS_TRUSTSTORE_TYPE_DOC, "Trust store type")
                .define(HTTP_TLS_HOSTNAME_VERIFICATION_CONFIG, Type.BOOLEAN, true, null, Importance.LOW,
                        HTTP_TLS_HOSTNAME_VERIFICATION_DOC, "Hostname verification");
    }

    static PairListValidator mappingValidator() {
        return new PairListValidator("destination field", right -> {
        }, true);
    }

    static PairListValidator typesValidator() {
        return new PairListValidator("type", FieldType::parse);
    }
}
