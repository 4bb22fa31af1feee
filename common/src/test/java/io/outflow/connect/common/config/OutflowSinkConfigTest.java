package io.outflow.connect.common.config;

import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.FieldType;
import io.outflow.connect.common.record.KeySource;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutflowSinkConfigTest {
    private static final DestinationDefaults DEFAULTS = DestinationDefaults.builder()
            .maxBatchRecords(500)
            .maxBatchBytes(2L * 1024 * 1024)
            .rateLimit(100, 10_000)
            .syncModes(SyncMode.UPSERT, SyncMode.UPDATE)
            .deletes(true)
            .maxStringLength(1000)
            .maxInFlightRequests(4)
            .build();

    private static ConfigDef def(DestinationDefaults defaults) {
        return CommonConfig.define(new ConfigDef(), defaults);
    }

    private static OutflowSinkConfig config(Object... keysAndValues) {
        return config(DEFAULTS, keysAndValues);
    }

    private static OutflowSinkConfig config(DestinationDefaults defaults, Object... keysAndValues) {
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new OutflowSinkConfig(def(defaults), props);
    }

    /** The error messages ConfigDef validation attaches to one key. */
    private static List<String> errors(DestinationDefaults defaults, String key, String value) {
        Map<String, String> props = Map.of(key, value);
        for (ConfigValue v : def(defaults).validate(props)) {
            if (v.name().equals(key)) {
                return v.errorMessages();
            }
        }
        throw new AssertionError("no such key " + key);
    }

    private static ConfigException rejected(String key, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> config(key, value));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertFalse(errors(DEFAULTS, key, value).isEmpty(), "validate() reports " + key + "=" + value);
        return e;
    }

    @Test
    void defaultsComeFromTheDestination() {
        OutflowSinkConfig c = config();
        assertEquals(KeySource.RECORD_KEY, c.keySource());
        assertEquals("", c.keyField());
        assertEquals(SyncMode.UPSERT, c.syncMode());
        assertEquals(NullValueBehavior.IGNORE, c.nullValueBehavior());
        assertEquals(Map.of(), c.fieldMapping());
        assertFalse(c.dropUnmappedFields());
        assertEquals(Map.of(), c.fieldTypes());
        assertEquals(List.of(), c.requiredFields());
        assertEquals(StringOverflow.REJECT, c.stringOverflow());
        assertEquals(1000, c.stringMaxLength());
        assertEquals(500, c.batchMaxRecords());
        assertEquals(2L * 1024 * 1024, c.batchMaxBytes());
        assertEquals(CommonConfig.DEFAULT_LINGER_MS, c.lingerMs());
        assertEquals(4, c.maxInFlightRequests());
        assertEquals(CommonConfig.DEFAULT_MAX_BUFFERED_RECORDS, c.maxBufferedRecords());
        assertEquals(100, c.rateLimitRequests());
        assertEquals(10_000, c.rateLimitWindowMs());
        assertEquals(200, c.retryBackoffMs());
        assertEquals(30_000, c.retryBackoffMaxMs());
        assertEquals(900_000, c.retryTimeoutMs());
        assertEquals(RetryExhaustedAction.FAIL, c.retryExhaustedAction());
        assertEquals(10_000, c.httpConnectTimeoutMs());
        assertEquals(30_000, c.httpResponseTimeoutMs());
        assertEquals("", c.httpProxyUrl());
        assertEquals("", c.trustStoreLocation());
        assertNull(c.trustStorePassword());
        assertEquals("PKCS12", c.trustStoreType());
        assertTrue(c.hostnameVerification());
        assertEquals(4_000, c.closeTimeoutMs());
        assertEquals(1, c.taskCount());
    }

    @Test
    void anotherDestinationsDefaults() {
        DestinationDefaults other = DestinationDefaults.builder().maxBatchRecords(50).rateLimit(0, 1000)
                .syncModes(SyncMode.APPEND).maxStringLength(255).maxInFlightRequests(2).build();
        OutflowSinkConfig c = config(other);
        assertEquals(SyncMode.APPEND, c.syncMode());
        assertEquals(50, c.batchMaxRecords());
        assertEquals(0, c.rateLimitRequests());
        assertEquals(255, c.stringMaxLength());
        assertEquals(2, c.maxInFlightRequests());
    }

    @Test
    void typedGettersReadWhatIsSet() {
        OutflowSinkConfig c = config(
                "key.source", "Record_Value", "key.field", " email ",
                "sync.mode", "update", "behavior.on.null.values", "DELETE",
                "field.mapping", "first_name:firstname, health_score : outflow_health",
                "fields.unmapped", "drop",
                "field.types", "signup:date,seen:TIMESTAMP",
                "fields.required", "email,firstname",
                "string.overflow", "truncate", "string.max.length", "10",
                "batch.max.records", "500", "batch.max.bytes", "4096", "linger.ms", "0",
                "max.in.flight.requests", "16", "max.buffered.records", "100",
                "rate.limit.requests", "0", "rate.limit.window.ms", "60000",
                "retry.backoff.ms", "10", "retry.backoff.max.ms", "20", "retry.timeout.ms", "-1",
                "retry.exhausted.action", "dlq",
                "http.connect.timeout.ms", "1", "http.response.timeout.ms", "2",
                "http.proxy.url", " http://proxy:3128 ",
                "http.tls.truststore.location", "/etc/ts.p12", "http.tls.truststore.password", "pw",
                "http.tls.truststore.type", "jks", "http.tls.hostname.verification", "false",
                "close.timeout.ms", "0",
                OutflowSinkConfig.TASK_COUNT_CONFIG, "3");

        assertEquals(KeySource.RECORD_VALUE, c.keySource());
        assertEquals("email", c.keyField());
        assertEquals(SyncMode.UPDATE, c.syncMode());
        assertEquals(NullValueBehavior.DELETE, c.nullValueBehavior());
        assertEquals(Map.of("first_name", "firstname", "health_score", "outflow_health"), c.fieldMapping());
        assertTrue(c.dropUnmappedFields());
        assertEquals(Map.of("signup", FieldType.DATE, "seen", FieldType.TIMESTAMP), c.fieldTypes());
        assertEquals(List.of("email", "firstname"), c.requiredFields());
        assertEquals(StringOverflow.TRUNCATE, c.stringOverflow());
        assertEquals(10, c.stringMaxLength());
        assertEquals(500, c.batchMaxRecords());
        assertEquals(4096, c.batchMaxBytes());
        assertEquals(0, c.lingerMs());
        assertEquals(16, c.maxInFlightRequests());
        assertEquals(100, c.maxBufferedRecords());
        assertEquals(0, c.rateLimitRequests());
        assertEquals(60_000, c.rateLimitWindowMs());
        assertEquals(10, c.retryBackoffMs());
        assertEquals(20, c.retryBackoffMaxMs());
        assertEquals(-1, c.retryTimeoutMs());
        assertEquals(RetryExhaustedAction.DLQ, c.retryExhaustedAction());
        assertEquals(1, c.httpConnectTimeoutMs());
        assertEquals(2, c.httpResponseTimeoutMs());
        assertEquals("http://proxy:3128", c.httpProxyUrl());
        assertEquals("/etc/ts.p12", c.trustStoreLocation());
        assertEquals(new Password("pw"), c.trustStorePassword());
        assertEquals("JKS", c.trustStoreType());
        assertFalse(c.hostnameVerification());
        assertEquals(0, c.closeTimeoutMs());
        assertEquals(3, c.taskCount());
    }

    @Test
    void taskCountFallsBackToOne() {
        assertEquals(1, config(OutflowSinkConfig.TASK_COUNT_CONFIG, "zero").taskCount());
        assertEquals(1, config(OutflowSinkConfig.TASK_COUNT_CONFIG, "0").taskCount());
        assertEquals(1, config(OutflowSinkConfig.TASK_COUNT_CONFIG, "-4").taskCount());
    }

    @Test
    void secretIsNullWhenUnsetOrEmpty() {
        assertNull(OutflowSinkConfig.secret(null));
        assertNull(OutflowSinkConfig.secret(new Password(null)));
        assertNull(OutflowSinkConfig.secret(new Password("")));
        assertEquals("s", OutflowSinkConfig.secret(new Password("s")));
    }

    // ---- validation

    @Test
    void aMisspelledSyncModeIsRejectedNamingTheValidValues() {
        ConfigException e = rejected("sync.mode", "upsertt");
        assertTrue(e.getMessage().contains("upsertt"), e.getMessage());
        assertTrue(e.getMessage().contains("upsert, update"), e.getMessage());
        String error = errors(DEFAULTS, "sync.mode", "upsertt").get(0);
        assertTrue(error.contains("upsert") && error.contains("update"), error);
    }

    @Test
    void anUnknownKeySourceIsRejectedNamingTheValidValues() {
        ConfigException e = rejected("key.source", "foo");
        assertTrue(e.getMessage().contains("record_key, record_value"), e.getMessage());
    }

    @Test
    void otherEnumsAreCheckedToo() {
        rejected("fields.unmapped", "ignore");
        rejected("string.overflow", "cut");
        rejected("retry.exhausted.action", "retry");
        rejected("behavior.on.null.values", "skip");
        rejected("http.tls.truststore.type", "PEM");
    }

    @Test
    void syncModesAreLimitedToWhatTheDestinationSupports() {
        ConfigException e = rejected("sync.mode", "append");
        assertTrue(e.getMessage().contains("upsert, update"), e.getMessage());
        assertFalse(e.getMessage().contains("insert"), e.getMessage());
        assertEquals(SyncMode.UPDATE, config("sync.mode", " UPDATE ").syncMode());
    }

    @Test
    void recommendedValuesAreTheSupportedOnes() {
        for (ConfigValue v : def(DEFAULTS).validate(Map.of())) {
            if (v.name().equals("sync.mode")) {
                assertEquals(List.of("upsert", "update"), v.recommendedValues());
            }
            if (v.name().equals("key.source")) {
                assertEquals(List.of("record_key", "record_value"), v.recommendedValues());
            }
        }
    }

    @Test
    void deletesAreRefusedWhereTheDestinationCannotDelete() {
        DestinationDefaults noDeletes = DestinationDefaults.builder().deletes(false).build();
        assertThrows(ConfigException.class, () -> config(noDeletes, "behavior.on.null.values", "delete"));
        assertFalse(errors(noDeletes, "behavior.on.null.values", "delete").isEmpty());
        assertEquals(NullValueBehavior.FAIL, config(noDeletes, "behavior.on.null.values", "fail").nullValueBehavior());
    }

    @Test
    void batchSizeAboveTheDestinationsCapIsRejected() {
        ConfigException e = rejected("batch.max.records", "501");
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        rejected("batch.max.records", "0");
        rejected("batch.max.bytes", Long.toString(2L * 1024 * 1024 + 1));
        rejected("string.max.length", "1001");
        rejected("max.in.flight.requests", "0");
        rejected("rate.limit.requests", "-1");
        rejected("retry.timeout.ms", "-2");
        rejected("retry.backoff.ms", "0");
    }

    @Test
    void aProxyMustBeAnHttpUrl() {
        rejected("http.proxy.url", "proxy:3128");
        rejected("http.proxy.url", "socks5://proxy:1080");
        assertEquals("https://p.example", config("http.proxy.url", "https://p.example").httpProxyUrl());
    }

    @Test
    void fieldMappingEntriesNeedAColon() {
        ConfigException e = rejected("field.mapping", "first_name:firstname,lastname");
        assertTrue(e.getMessage().contains("lastname"), e.getMessage());
        assertTrue(e.getMessage().contains("source:destination_field"), e.getMessage());
        rejected("field.mapping", "a:");
        rejected("field.mapping", ":b");
    }

    @Test
    void duplicatedFieldMappingEntriesAreRejected() {
        ConfigException e = rejected("field.mapping", "a:b,a:c");
        assertTrue(e.getMessage().contains("'a' appears more than once"), e.getMessage());
    }

    @Test
    void emptyFieldMappingEntriesAreSkipped() {
        assertEquals(Map.of("a", "b", "c", "d"), config("field.mapping", "a:b,,c:d").fieldMapping());
    }

    @Test
    void fieldTypesWithAnUnknownTypeAreRejected() {
        ConfigException e = rejected("field.types", "signup:date,seen:datetime");
        assertTrue(e.getMessage().contains("datetime"), e.getMessage());
        assertTrue(e.getMessage().contains("timestamp"), "names the valid types: " + e.getMessage());
        rejected("field.types", "signup");
        rejected("field.types", "a:long,a:double");
    }

    @Test
    void enumSettingParsesAndLists() {
        EnumSetting<SyncMode> modes = EnumSetting.of(SyncMode.class, List.of(SyncMode.UPSERT, SyncMode.APPEND));
        assertEquals(SyncMode.APPEND, modes.parse("sync.mode", " Append "));
        assertThrows(ConfigException.class, () -> modes.parse("sync.mode", "update"));
        assertThrows(ConfigException.class, () -> modes.parse("sync.mode", null));
        assertEquals("upsert, append", modes.toString());
        assertEquals("record_value", EnumSetting.text(KeySource.RECORD_VALUE));
    }

    @Test
    void destinationDefaultsAreImmutable() {
        DestinationDefaults d = DestinationDefaults.builder().syncModes(SyncMode.INSERT, SyncMode.UPSERT).build();
        assertEquals(SyncMode.INSERT, d.defaultSyncMode());
        assertEquals(java.util.Set.of(SyncMode.INSERT, SyncMode.UPSERT), d.syncModes());
        assertThrows(UnsupportedOperationException.class, () -> d.syncModes().add(SyncMode.APPEND));
        assertEquals(SyncMode.INSERT, config(d).syncMode());
        assertEquals(SyncMode.UPSERT, config(d, "sync.mode", "upsert").syncMode());
    }
}
