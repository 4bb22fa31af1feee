package io.outflow.connect.common.task;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.testdest.ItemsConfig;
import io.outflow.connect.common.testdest.ItemsSinkConnector;
import io.outflow.connect.common.testdest.ItemsSinkTask;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutflowSinkConnectorTest {
    private final ItemsSinkConnector connector = new ItemsSinkConnector();

    private static Map<String, String> props(String... keysAndValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "items-sink");
        props.put("connector.class", ItemsSinkConnector.class.getName());
        props.put("topics", "orders");
        props.put(ItemsConfig.API_URL, "http://items.test");
        props.put(ItemsConfig.TOKEN, "secret-token");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    private Map<String, List<String>> errors(Map<String, String> props) {
        Config config = connector.validate(props);
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private void assertOnlyError(Map<String, String> props, String key, String fragment) {
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of(key), List.copyOf(errors.keySet()), errors.toString());
        assertTrue(errors.get(key).stream().anyMatch(m -> m.contains(fragment)), errors.toString());
    }

    @Test
    void aValidConfigurationHasNoErrors() {
        assertEquals(Map.of(), errors(props()));
        assertEquals(Map.of(), errors(props("key.source", "record_value", "key.field", "id")));
        assertEquals(Map.of(), errors(props("behavior.on.null.values", "delete")));
        assertEquals(Map.of(), errors(props("sync.mode", "append", "behavior.on.null.values", "fail")));
    }

    @Test
    void everyKeyIsReported() {
        Config config = connector.validate(props());
        List<String> names = config.configValues().stream().map(ConfigValue::name).collect(Collectors.toList());
        assertTrue(names.contains(ItemsConfig.API_URL));
        assertTrue(names.contains("sync.mode"));
        assertTrue(names.contains("http.tls.truststore.location"));
    }

    @Test
    void requiredKeysAreReportedWithoutCrossChecks() {
        Map<String, String> props = props("key.source", "record_value");
        props.remove(ItemsConfig.TOKEN);
        props.remove(ItemsConfig.API_URL);
        Map<String, List<String>> errors = errors(props);
        assertTrue(errors.containsKey(ItemsConfig.TOKEN), errors.toString());
        assertTrue(errors.containsKey(ItemsConfig.API_URL), errors.toString());
        assertFalse(errors.containsKey("key.field"), "cross-field checks wait until every key parses");
    }

    @Test
    void keyValueSourceWithoutKeyFieldIsAnErrorOnKeyField() {
        assertOnlyError(props("key.source", "record_value"), "key.field", "key.source=record_value");
        assertOnlyError(props("key.source", "record_value", "key.field", "  "), "key.field", "required");
    }

    @Test
    void deletesNeedTheRecordKey() {
        assertOnlyError(props("key.source", "record_value", "key.field", "id", "behavior.on.null.values", "delete"),
                "behavior.on.null.values", "key.source=record_key");
    }

    @Test
    void appendCannotDelete() {
        assertOnlyError(props("sync.mode", "append", "behavior.on.null.values", "delete"),
                "behavior.on.null.values", "append");
    }

    @Test
    void backoffMaxBelowBackoffIsAnErrorOnTheMax() {
        assertOnlyError(props("retry.backoff.ms", "5000", "retry.backoff.max.ms", "1000"),
                "retry.backoff.max.ms", "5000");
        assertEquals(Map.of(), errors(props("retry.backoff.ms", "1000", "retry.backoff.max.ms", "1000")));
    }

    @Test
    void aTrustStoreThatDoesNotExistIsAnErrorOnItsLocation(@TempDir Path dir) throws IOException {
        String missing = dir.resolve("missing.p12").toString();
        assertOnlyError(props("http.tls.truststore.location", missing), "http.tls.truststore.location", missing);

        Path present = Files.write(dir.resolve("ts.p12"), new byte[]{1});
        assertEquals(Map.of(), errors(props("http.tls.truststore.location", present.toString())));
    }

    @Test
    void aKeyThatDoesNotParseIsReportedOnItsOwn() {
        Map<String, List<String>> errors = errors(props("sync.mode", "upsertt", "key.source", "record_value"));
        assertTrue(errors.get("sync.mode").get(0).contains("upsert, append"), errors.toString());
        assertFalse(errors.containsKey("key.field"), errors.toString());
    }

    @Test
    void severalProblemsAreAllReported() {
        Map<String, List<String>> errors = errors(props("key.source", "record_value",
                "behavior.on.null.values", "delete", "retry.backoff.ms", "10", "retry.backoff.max.ms", "5"));
        assertEquals(java.util.Set.of("key.field", "behavior.on.null.values", "retry.backoff.max.ms"),
                errors.keySet());
    }

    @Test
    void taskConfigsTellEachTaskItsShare() {
        Map<String, String> props = props("sync.mode", "append");
        connector.start(props);
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertEquals(3, configs.size());
        for (int i = 0; i < 3; i++) {
            Map<String, String> task = configs.get(i);
            assertEquals("3", task.get(OutflowSinkConfig.TASK_COUNT_CONFIG));
            assertEquals(Integer.toString(i), task.get(OutflowSinkTask.TASK_INDEX_CONFIG));
            assertEquals("append", task.get("sync.mode"));
            assertEquals("http://items.test", task.get(ItemsConfig.API_URL));
            assertEquals(props.size() + 2, task.size());
        }
        assertEquals(1, connector.taskConfigs(1).size());
        connector.stop();
    }

    @Test
    void startRefusesAnInvalidConfigurationNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> connector.start(props("key.source", "record_value")));
        assertTrue(e.getMessage().contains("key.field"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
    }

    @Test
    void connectorBasics() {
        assertEquals(ItemsSinkTask.class, connector.taskClass());
        assertNotNull(connector.version());
        assertNotNull(connector.config().configKeys().get("sync.mode"));
    }
}
