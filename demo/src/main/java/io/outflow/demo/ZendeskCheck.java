package io.outflow.demo;

import io.outflow.connect.testkit.zendesk.ZendeskFake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zendesk users: matched on external id (the record key, the customer id); mapped fields only (fields.unmapped=drop),
 * Zendesk's standard user properties top-level and the others as custom user fields. Zendesk refuses a malformed email
 * and a new user without a name.
 */
final class ZendeskCheck extends DestinationCheck {
    /** The sandbox's rule, as Zendesk's "Email: ... is not properly formatted". */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    /** Standard user properties among the demo's mapped fields; everything else goes to user_fields. */
    private static final Set<String> STANDARD = Set.of("name", "email", "phone", "role", "organization",
            "organization_id", "tags", "notes", "details", "time_zone", "locale", "external_id");

    private final ZendeskFake zendesk;

    ZendeskCheck(String connector, Map<String, String> config, ZendeskFake zendesk) {
        super("Zendesk", connector, config);
        this.zendesk = zendesk;
    }

    @Override
    long applied() {
        return zendesk.writeCounts().values().stream().mapToLong(Integer::longValue).sum();
    }

    @Override
    Optional<String> refusal(ModelRow row) {
        String emailField = sourceOf("email");
        String email = emailField == null ? null : row.text(emailField);
        if (email != null && !EMAIL.matcher(email).matches()) {
            return Optional.of("email '" + email + "' is not properly formatted");
        }
        String nameField = sourceOf("name");
        if (nameField == null || row.text(nameField) == null || row.text(nameField).isBlank()) {
            return Optional.of("a new user needs a name");
        }
        return Optional.empty();
    }

    private String sourceOf(String target) {
        return mapping().entrySet().stream().filter(e -> e.getValue().equals(target)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    @Override
    Map<String, Object> expected(ModelRow row) {
        Map<String, Object> expected = new LinkedHashMap<>();
        mapping().forEach((source, target) -> {
            String path = target.equals("organization") ? "organization.name"
                    : STANDARD.contains(target) ? target : "user_fields." + target;
            expected.put(path, row.get(source));
        });
        return expected;
    }

    @Override
    Optional<Map<String, Object>> held(ModelRow row) {
        return zendesk.user(row.customerId()).map(DestinationCheck::flatten);
    }
}
