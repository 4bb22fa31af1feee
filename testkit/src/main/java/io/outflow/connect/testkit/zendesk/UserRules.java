package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-user checks of create_or_update_many: a user failing one gets a "Failed" result and is not applied; the
 * other users of the job still are. Each check names its source; the {@code details} wording is ours (the facts
 * give none), phrased like Zendesk's RecordInvalid descriptions ("Name: has already been taken").
 */
final class UserRules {

    /** Spec, UserForAdmin.role: "Possible values are "end-user", "agent", or "admin"". */
    static final Set<String> ROLES = Set.of("end-user", "agent", "admin");

    /** A plausible address: something@domain.tld, no spaces. Zendesk's own rule is not published. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    /** Custom user field keys accepted in user_fields; null accepts every key. */
    private final Set<String> knownUserFields;

    UserRules(Set<String> knownUserFields) {
        this.knownUserFields = knownUserFields == null ? null : Set.copyOf(knownUserFields);
    }

    /** The problem with this user, if any; {@code creating} is true when no existing user matched. */
    Optional<String> check(UserInput input, boolean creating) {
        if (input.externalId().isEmpty() && input.email().isEmpty()) {
            // Spec: "Each individual user object can identify an existing user by email or by external_id".
            // A user with neither could only ever be created again, so the fake refuses it (the docs are silent).
            return Optional.of("User: an email or an external_id is needed to identify the user");
        }
        JsonNode email = input.fields().get("email");
        if (email != null && !email.isNull() && !(email.isTextual() && EMAIL.matcher(email.textValue()).matches())) {
            return Optional.of("Email: " + email.asText() + " is not properly formatted");
        }
        JsonNode role = input.fields().get("role");
        if (role != null && !(role.isTextual() && ROLES.contains(role.textValue()))) {
            return Optional.of("Role: " + role.asText() + " is not one of end-user, agent, admin");
        }
        Optional<String> userFields = checkUserFields(input.fields().get("user_fields"));
        if (userFields.isPresent()) {
            return userFields;
        }
        JsonNode name = input.fields().get("name");
        if (creating && (name == null || !name.isTextual() || name.textValue().isBlank())) {
            // Spec, UserCreateInput: "required: name" (and UserForAdmin requires name).
            return Optional.of("Name: cannot be blank");
        }
        return Optional.empty();
    }

    private Optional<String> checkUserFields(JsonNode userFields) {
        if (userFields == null || userFields.isNull()) {
            return Optional.empty();
        }
        if (!userFields.isObject()) {
            return Optional.of("User fields: must be an object");
        }
        if (knownUserFields == null) {
            return Optional.empty();
        }
        for (Iterator<String> keys = userFields.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!knownUserFields.contains(key)) {
                return Optional.of("User fields: " + key + " is not a custom user field of this account");
            }
        }
        return Optional.empty();
    }
}
