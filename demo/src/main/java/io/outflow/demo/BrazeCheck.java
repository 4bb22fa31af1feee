package io.outflow.demo;

import io.outflow.connect.testkit.braze.BrazeFake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Braze user attributes: matched on external id (the record key, the customer id); every model column is an
 * attribute (fields.unmapped keeps them), renamed by field.mapping. Strings longer than string.max.length are
 * refused when string.overflow=reject.
 */
final class BrazeCheck extends DestinationCheck {
    private final BrazeFake braze;
    private final int maxLength;
    private final boolean reject;

    BrazeCheck(String connector, Map<String, String> config, BrazeFake braze) {
        super("Braze", connector, config);
        this.braze = braze;
        this.maxLength = Integer.parseInt(config("string.max.length", "255"));
        this.reject = !"truncate".equals(config("string.overflow", "reject"));
    }

    @Override
    long applied() {
        return braze.counts().attributesProcessed();
    }

    @Override
    Optional<String> refusal(ModelRow row) {
        if (!reject) {
            return Optional.empty();
        }
        for (Map.Entry<String, Object> column : row.values().entrySet()) {
            if (column.getValue() instanceof String && ((String) column.getValue()).length() > maxLength) {
                return Optional.of(column.getKey() + " is " + ((String) column.getValue()).length()
                        + " characters; Braze takes " + maxLength);
            }
        }
        return Optional.empty();
    }

    @Override
    Map<String, Object> expected(ModelRow row) {
        Map<String, String> renames = mapping();
        Map<String, Object> expected = new LinkedHashMap<>();
        row.values().forEach((column, value) -> expected.put(renames.getOrDefault(column, column), value));
        return expected;
    }

    @Override
    Optional<Map<String, Object>> held(ModelRow row) {
        return braze.user(row.customerId()).map(DestinationCheck::flatten);
    }
}
