package io.outflow.connect.braze;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Operation;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration: Braze's defaults, and each invalid combination reported on the key to change. */
class BrazeSinkConnectorTest {
    private static Map<String, List<String>> errors(Map<String, String> props) {
        return new BrazeSinkConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", BrazeSinkConnector.class.getName());
        props.put("topics", "users");
        props.put(BrazeConfig.API_URL_CONFIG, "https://rest.iad-01.braze.com");
        props.put(BrazeConfig.API_KEY_CONFIG, "key");
        return props;
    }

    private static Map<String, String> events() {
        Map<String, String> props = base();
        props.put(BrazeConfig.RECORD_TYPE_CONFIG, "events");
        props.put("sync.mode", "append");
        return props;
    }

    @Test
    void aValidConfigurationHasNoErrors() {
        assertEquals(Map.of(), errors(base()));
        assertEquals(Map.of(), errors(events()));
        Map<String, String> update = base();
        update.put("sync.mode", "update");
        update.put("behavior.on.null.values", "delete");
        assertEquals(Map.of(), errors(update));
    }

    @Test
    void theRestEndpointAndTheKeyAreRequired() {
        Map<String, String> props = base();
        props.remove(BrazeConfig.API_URL_CONFIG);
        assertTrue(errors(props).containsKey(BrazeConfig.API_URL_CONFIG));
        props = base();
        props.remove(BrazeConfig.API_KEY_CONFIG);
        assertEquals(List.of(BrazeConfig.API_KEY_CONFIG), List.copyOf(errors(props).keySet()));
        props = base();
        props.put(BrazeConfig.API_URL_CONFIG, "rest.iad-01.braze.com");
        assertTrue(errors(props).containsKey(BrazeConfig.API_URL_CONFIG));
    }

    @Test
    void brazesDefaultsAreTheCommonKeysDefaults() {
        OutflowSinkConfig config = new OutflowSinkConfig(BrazeConfig.def(), base());
        assertEquals(75, config.batchMaxRecords());
        assertEquals(3000, config.rateLimitRequests());
        assertEquals(3000, config.rateLimitWindowMs());
        assertEquals(255, config.stringMaxLength());
        assertEquals("upsert", config.getString("sync.mode"));
    }

    @Test
    void theBatchCapIs75AndGoesDownTo50() {
        Map<String, String> props = base();
        props.put("batch.max.records", "76");
        assertTrue(errors(props).containsKey("batch.max.records"));
        props.put("batch.max.records", "50");
        assertEquals(Map.of(), errors(props));
    }

    @Test
    void eventsNeedAppendAndUpdateOnlyIsForAttributes() {
        Map<String, String> props = events();
        props.put("sync.mode", "upsert");
        assertEquals(List.of("sync.mode"), List.copyOf(errors(props).keySet()));
        props.put("sync.mode", "update");
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of("sync.mode"), List.copyOf(errors.keySet()));
        assertTrue(errors.get("sync.mode").get(0).contains("_update_existing_only"), errors.toString());

        Map<String, String> attributes = base();
        attributes.put("sync.mode", "append");
        assertEquals(List.of("sync.mode"), List.copyOf(errors(attributes).keySet()));
    }

    @Test
    void eventsAndPurchasesCannotBeDeleted() {
        Map<String, String> props = events();
        props.put("behavior.on.null.values", "delete");
        assertEquals(List.of("behavior.on.null.values"), List.copyOf(errors(props).keySet()));
        props.put(BrazeConfig.RECORD_TYPE_CONFIG, "purchases");
        props.put("sync.mode", "upsert");
        Map<String, List<String>> errors = errors(props);
        assertTrue(errors.containsKey("behavior.on.null.values"), errors.toString());
        assertTrue(errors.containsKey("sync.mode"), errors.toString());
    }

    @Test
    void anAliasNeedsItsLabel() {
        Map<String, String> props = base();
        props.put(BrazeConfig.IDENTIFIER_CONFIG, "user_alias");
        assertEquals(List.of(BrazeConfig.ALIAS_LABEL_CONFIG), List.copyOf(errors(props).keySet()));
        props.put(BrazeConfig.ALIAS_LABEL_CONFIG, "warehouse_id");
        assertEquals(Map.of(), errors(props));
    }

    @Test
    void emailPrioritizationTakesBrazesValuesOnly() {
        Map<String, String> props = base();
        props.put(BrazeConfig.EMAIL_PRIORITIZATION_CONFIG, "identified,unidentified");
        assertTrue(errors(props).containsKey(BrazeConfig.EMAIL_PRIORITIZATION_CONFIG));
        props.put(BrazeConfig.EMAIL_PRIORITIZATION_CONFIG, "newest");
        assertTrue(errors(props).containsKey(BrazeConfig.EMAIL_PRIORITIZATION_CONFIG));
        props.put(BrazeConfig.EMAIL_PRIORITIZATION_CONFIG, "unidentified,most_recently_updated");
        assertEquals(Map.of(), errors(props));
    }

    @Test
    void startRefusesAnInvalidConfigurationNamingTheKey() {
        Map<String, String> props = events();
        props.put("sync.mode", "update");
        ConfigException e = assertThrows(ConfigException.class, () -> new BrazeSinkConnector().start(props));
        assertTrue(e.getMessage().contains("sync.mode"), e.getMessage());
    }

    @Test
    void theDestinationFollowsTheRecordType() {
        Destination attributes = BrazeDestination.create(new OutflowSinkConfig(BrazeConfig.def(), base()), null);
        Operation write = attributes.writeOperation();
        assertEquals("attributes", write.name());
        assertTrue(write.keyed());
        assertEquals(75, write.maxBatchRecords());
        assertEquals(50, attributes.deleteOperation().orElseThrow().maxBatchRecords());
        assertEquals("https://rest.iad-01.braze.com", attributes.baseUrl());

        Map<String, String> props = events();
        props.put("batch.max.records", "50");
        props.put(BrazeConfig.API_URL_CONFIG, "https://rest.iad-01.braze.com/");
        Destination events = BrazeDestination.create(new OutflowSinkConfig(BrazeConfig.def(), props), null);
        assertFalse(events.writeOperation().keyed());
        assertEquals(50, events.writeOperation().maxBatchRecords());
        assertTrue(events.deleteOperation().isEmpty());
        assertEquals("https://rest.iad-01.braze.com", events.baseUrl());
    }
}
