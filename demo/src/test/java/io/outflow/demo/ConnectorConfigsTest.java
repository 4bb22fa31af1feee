package io.outflow.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's connectors are the config-examples with the local overrides merged over them. */
class ConnectorConfigsTest {
    private static final Map<String, String> PLACEHOLDERS = Map.of("topic", "t", "hubspot.url", "http://127.0.0.1:1",
            "zendesk.url", "http://127.0.0.1:2", "zendesk.email", "agent@example.com", "braze.url", "http://127.0.0.1:3",
            "secrets.file", "/tmp/run/secrets/outflow-secrets.properties");

    private static Path examples() {
        return Path.of(System.getProperty("outflow.project.root", "..")).resolve("config-examples");
    }

    @Test
    void anOverrideReplacesOnlyItsKeysAndFillsItsPlaceholders() {
        ConnectorConfigs.Merged merged = ConnectorConfigs.load(examples(), "hubspot-contacts", PLACEHOLDERS);
        Map<String, String> example = ConnectorConfigs.readExample(examples().resolve("hubspot-contacts.json"));

        Map<String, String> config = merged.config();
        assertEquals("t", config.get("topics"));
        assertEquals("http://127.0.0.1:1", config.get("hubspot.api.url"));
        assertEquals("${file:/tmp/run/secrets/outflow-secrets.properties:hubspot.access.token}",
                config.get("hubspot.access.token"));
        assertEquals("t.hubspot-dlq", config.get("errors.deadletterqueue.topic.name"));
        assertEquals("1", config.get("errors.deadletterqueue.topic.replication.factor"));
        example.forEach((key, value) -> {
            if (!merged.overriddenKeys().contains(key)) {
                assertEquals(value, config.get(key), key + " comes from the example unchanged");
            }
        });
    }

    @Test
    void everyDemoConnectorKeepsItsCredentialsInTheFileConfigProvider() {
        for (String name : Demo.CONNECTORS) {
            Map<String, String> config = ConnectorConfigs.load(examples(), name, PLACEHOLDERS).config();
            long secrets = config.values().stream()
                    .filter(v -> v.startsWith("${file:/tmp/run/secrets/outflow-secrets.properties:")).count();
            assertEquals(1, secrets, name + " reads its credential from the generated secrets file");
            assertTrue(config.values().stream().noneMatch(v -> v.contains("{{")), name + " has no placeholder left");
        }
    }

    @Test
    void theExamplesMapTheModelsColumns() {
        Set<String> columns;
        try (Warehouse warehouse = Warehouse.inMemory()) {
            warehouse.seed();
            columns = warehouse.runModel().get(0).values().keySet();
        }
        for (String name : Demo.CONNECTORS) {
            Map<String, String> config = ConnectorConfigs.readExample(examples().resolve(name + ".json"));
            for (String pair : config.getOrDefault("field.mapping", "").split(",")) {
                String source = pair.split(":")[0].strip();
                assertTrue(columns.contains(source), name + " maps '" + source + "', a column of the model " + columns);
            }
            String keyField = config.get("key.field");
            if (keyField != null) {
                assertTrue(columns.contains(keyField), name + " reads its key from the model's " + keyField);
            }
        }
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ConnectorConfigs.fill("{{nope}}", PLACEHOLDERS));
    }
}
