package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Per-item validation that causes partial success: a present {@code email} must be a string containing "@",
 * a present {@code score} a number in [0, 100]. "Present" includes JSON null, which is therefore rejected.
 */
final class ItemRules {

    private ItemRules() {
    }

    static Optional<ItemError> check(ObjectNode fields) {
        if (fields.has("email")) {
            JsonNode email = fields.get("email");
            if (!email.isTextual() || !email.textValue().contains("@")) {
                return Optional.of(ItemError.invalidEmail());
            }
        }
        if (fields.has("score")) {
            JsonNode score = fields.get("score");
            if (!score.isNumber() || score.doubleValue() < 0 || score.doubleValue() > 100) {
                return Optional.of(ItemError.outOfRange());
            }
        }
        return Optional.empty();
    }
}
