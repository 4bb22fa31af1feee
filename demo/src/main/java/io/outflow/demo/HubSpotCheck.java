package io.outflow.demo;

import io.outflow.connect.testkit.hubspot.HubSpotFake;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HubSpot contacts: matched on the email in key.field (stored lower-cased); the mapped fields only
 * (fields.unmapped=drop). HubSpot refuses a contact without a valid email.
 */
final class HubSpotCheck extends DestinationCheck {
    /** The sandbox's rule for the email property, as HubSpot's INVALID_EMAIL. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final HubSpotFake hubspot;
    private final String objectType;
    private final String keyField;

    HubSpotCheck(String connector, Map<String, String> config, HubSpotFake hubspot) {
        super("HubSpot", connector, config);
        this.hubspot = hubspot;
        this.objectType = config("hubspot.object.type", "contacts");
        this.keyField = config("key.field", "email");
    }

    @Override
    long applied() {
        return hubspot.totalApplied();
    }

    @Override
    Optional<String> refusal(ModelRow row) {
        String email = row.text(keyField);
        if (email == null || email.isBlank()) {
            return Optional.of("no " + keyField + ": HubSpot matches contacts on it");
        }
        if (!EMAIL.matcher(email).matches()) {
            return Optional.of(keyField + " '" + email + "' is not an email address");
        }
        return Optional.empty();
    }

    @Override
    Map<String, Object> expected(ModelRow row) {
        Map<String, Object> expected = new LinkedHashMap<>();
        mapping().forEach((source, target) -> expected.put(target, row.get(source)));
        return expected;
    }

    @Override
    Optional<Map<String, Object>> held(ModelRow row) {
        String key = row.text(keyField);
        if (key == null) {
            return Optional.empty();
        }
        Map<String, String> types = fieldTypes();
        return hubspot.object(objectType, key.toLowerCase(Locale.ROOT)).map(properties -> {
            Map<String, Object> held = new LinkedHashMap<>(properties);
            // Date properties hold epoch milliseconds at midnight UTC.
            mapping().forEach((source, target) -> {
                if ("date".equals(types.get(source))) {
                    held.computeIfPresent(target, (name, value) -> Values.asDate(value));
                }
            });
            return held;
        });
    }
}
