package io.outflow.connect.hubspot;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotSinkConnectorTest {
    private static Map<String, List<String>> errors(Map<String, String> props) {
        return new HubSpotSinkConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", HubSpotSinkConnector.class.getName());
        props.put("topics", "contacts");
        return props;
    }

    @Test
    void aPrivateAppNeedsItsToken() {
        Map<String, List<String>> errors = errors(base());
        assertTrue(errors.containsKey(HubSpotConfig.ACCESS_TOKEN_CONFIG), errors.toString());
    }

    @Test
    void oauthWithoutARefreshTokenIsReportedOnThatKey() {
        Map<String, String> props = base();
        props.put(HubSpotConfig.AUTH_TYPE_CONFIG, "oauth");
        props.put(HubSpotConfig.OAUTH_CLIENT_ID_CONFIG, "client");
        props.put(HubSpotConfig.OAUTH_CLIENT_SECRET_CONFIG, "secret");
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of(HubSpotConfig.OAUTH_REFRESH_TOKEN_CONFIG), List.copyOf(errors.keySet()));
    }

    @Test
    void aValidConfigurationHasNoErrors() {
        Map<String, String> props = base();
        props.put(HubSpotConfig.ACCESS_TOKEN_CONFIG, "pat-123");
        assertTrue(errors(props).isEmpty());
    }

    @Test
    void theBatchCapIsHubSpots100() {
        Map<String, String> props = base();
        props.put(HubSpotConfig.ACCESS_TOKEN_CONFIG, "pat-123");
        props.put("batch.max.records", "101");
        assertTrue(errors(props).containsKey("batch.max.records"));
        props.put("batch.max.records", "50");
        assertTrue(errors(props).isEmpty());
    }

    @Test
    void anObjectTypeMustBeAPathSegment() {
        Map<String, String> props = base();
        props.put(HubSpotConfig.ACCESS_TOKEN_CONFIG, "pat-123");
        props.put(HubSpotConfig.OBJECT_TYPE_CONFIG, "contacts/../owners");
        assertTrue(errors(props).containsKey(HubSpotConfig.OBJECT_TYPE_CONFIG));
        props.put(HubSpotConfig.OBJECT_TYPE_CONFIG, "2-3508482");
        assertTrue(errors(props).isEmpty());
    }
}
