package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.Optional;

/** A Braze user alias, {@code {"alias_name":..,"alias_label":..}} (braze-docs {@code user_alias_object.md}). */
public record UserAlias(String aliasName, String aliasLabel) {

    /** Both fields must be non-empty strings. */
    static Optional<UserAlias> parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode name = node.get("alias_name");
        JsonNode label = node.get("alias_label");
        if (!nonEmptyText(name) || !nonEmptyText(label)) {
            return Optional.empty();
        }
        return Optional.of(new UserAlias(name.textValue(), label.textValue()));
    }

    private static boolean nonEmptyText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty();
    }

    ObjectNode toJson() {
        return Json.object().put("alias_name", aliasName).put("alias_label", aliasLabel);
    }

    /** {@code label:name}, how {@link BrazeFake#deletedIds()} lists a deleted alias. */
    @Override
    public String toString() {
        return aliasLabel + ":" + aliasName;
    }
}
