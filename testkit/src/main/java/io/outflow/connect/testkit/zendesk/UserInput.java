package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** One entry of {"users":[..]}, with its position in the request (the {@code index} of its result). */
record UserInput(int index, ObjectNode fields) {

    /** The external_id as sent; numbers are taken as their text, null or empty as absent. */
    Optional<String> externalId() {
        return text("external_id");
    }

    Optional<String> email() {
        return text("email");
    }

    private Optional<String> text(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
