package io.outflow.connect.zendesk;

import io.outflow.connect.common.config.OutflowSinkConfig;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZendeskSinkConnectorTest {
    private static Map<String, List<String>> errors(Map<String, String> props) {
        return new ZendeskSinkConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", ZendeskSinkConnector.class.getName());
        props.put("topics", "users");
        return props;
    }

    private static Map<String, String> valid() {
        Map<String, String> props = base();
        props.put(ZendeskConfig.SUBDOMAIN_CONFIG, "acme");
        props.put(ZendeskConfig.EMAIL_CONFIG, "agent@acme.com");
        props.put(ZendeskConfig.API_TOKEN_CONFIG, "token");
        return props;
    }

    @Test
    void aValidConfigurationHasNoErrors() {
        assertEquals(Map.of(), errors(valid()));
    }

    @Test
    void anEmptyConfigurationNamesTheSubdomainTheEmailAndTheToken() {
        Map<String, List<String>> errors = errors(base());
        assertEquals(List.of(ZendeskConfig.API_TOKEN_CONFIG, ZendeskConfig.EMAIL_CONFIG,
                ZendeskConfig.SUBDOMAIN_CONFIG), errors.keySet().stream().sorted().toList(), errors.toString());
    }

    @Test
    void anApiUrlReplacesTheSubdomain() {
        Map<String, String> props = valid();
        props.remove(ZendeskConfig.SUBDOMAIN_CONFIG);
        props.put(ZendeskConfig.API_URL_CONFIG, "http://localhost:8080");
        assertEquals(Map.of(), errors(props));
        assertEquals("http://localhost:8080", ZendeskConfig.baseUrl(new OutflowSinkConfig(ZendeskConfig.def(),
                props)));
        assertEquals("https://acme.zendesk.com", ZendeskConfig.baseUrl(new OutflowSinkConfig(ZendeskConfig.def(),
                valid())));
    }

    @Test
    void aSubdomainIsNotAUrl() {
        Map<String, String> props = valid();
        props.put(ZendeskConfig.SUBDOMAIN_CONFIG, "https://acme.zendesk.com");
        assertTrue(errors(props).containsKey(ZendeskConfig.SUBDOMAIN_CONFIG));
    }

    @Test
    void oauthNeedsItsTokenButNoEmail() {
        Map<String, String> props = base();
        props.put(ZendeskConfig.SUBDOMAIN_CONFIG, "acme");
        props.put(ZendeskConfig.AUTH_TYPE_CONFIG, "oauth");
        assertEquals(List.of(ZendeskConfig.OAUTH_TOKEN_CONFIG), List.copyOf(errors(props).keySet()));
        props.put(ZendeskConfig.OAUTH_TOKEN_CONFIG, "oauth-token");
        assertEquals(Map.of(), errors(props));
    }

    @Test
    void anApiTokenNeedsAnEmailAddress() {
        Map<String, String> props = valid();
        props.put(ZendeskConfig.EMAIL_CONFIG, "agent");
        assertEquals(List.of(ZendeskConfig.EMAIL_CONFIG), List.copyOf(errors(props).keySet()));
    }

    @Test
    void organizationsCannotBeMatchedOnEmail() {
        Map<String, String> props = valid();
        props.put(ZendeskConfig.OBJECT_TYPE_CONFIG, "organizations");
        props.put(ZendeskConfig.MATCH_KEY_CONFIG, "email");
        assertEquals(List.of(ZendeskConfig.MATCH_KEY_CONFIG), List.copyOf(errors(props).keySet()));
    }

    @Test
    void usersMatchedOnEmailCannotBeDeleted() {
        Map<String, String> props = valid();
        props.put(ZendeskConfig.MATCH_KEY_CONFIG, "email");
        assertEquals(Map.of(), errors(props));
        props.put("behavior.on.null.values", "delete");
        assertEquals(List.of("behavior.on.null.values"), List.copyOf(errors(props).keySet()));
    }

    @Test
    void theBatchCapIsZendesks100AndPollsCannotShrink() {
        Map<String, String> props = valid();
        props.put("batch.max.records", "101");
        assertTrue(errors(props).containsKey("batch.max.records"));
        props.put("batch.max.records", "100");
        props.put(ZendeskConfig.JOB_POLL_MS_CONFIG, "5000");
        props.put(ZendeskConfig.JOB_POLL_MAX_MS_CONFIG, "1000");
        assertEquals(List.of(ZendeskConfig.JOB_POLL_MAX_MS_CONFIG), List.copyOf(errors(props).keySet()));
    }

    @Test
    void defaultsFollowZendesksLimits() {
        OutflowSinkConfig config = new OutflowSinkConfig(ZendeskConfig.def(), valid());
        assertEquals(200, config.rateLimitRequests());
        assertEquals(60_000, config.rateLimitWindowMs());
        assertEquals(100, config.batchMaxRecords());
        assertTrue(2 * config.maxInFlightRequests() <= ZendeskConfig.ACCOUNT_JOB_LIMIT
                && 6 * config.maxInFlightRequests() <= ZendeskConfig.ACCOUNT_JOB_LIMIT,
                "up to 6 tasks stay within the 30-job account limit");
    }
}
