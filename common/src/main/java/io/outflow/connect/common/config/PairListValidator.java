package io.outflow.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Validates and parses lists of {@code name:value} pairs, as in {@code field.mapping} and {@code field.types}. */
public final class PairListValidator implements ConfigDef.Validator {
    private final String valueMeaning;
    private final Consumer<String> valueCheck;
    private final boolean uniqueValues;

    /**
     * @param valueMeaning what the right-hand side is, for error messages (e.g. "destination field")
     * @param valueCheck   throws IllegalArgumentException for a right-hand side that is not allowed
     */
    public PairListValidator(String valueMeaning, Consumer<String> valueCheck) {
        this(valueMeaning, valueCheck, false);
    }

    /** @param uniqueValues whether two entries may not share a right-hand side (two fields onto one) */
    public PairListValidator(String valueMeaning, Consumer<String> valueCheck, boolean uniqueValues) {
        this.valueMeaning = valueMeaning;
        this.valueCheck = valueCheck;
        this.uniqueValues = uniqueValues;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) value;
        parse(name, entries);
    }

    /** Parses entries into an ordered map; throws a ConfigException naming the entry at fault. */
    public Map<String, String> parse(String name, List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new ConfigException(name, entry, "each entry must be source:" + valueMeaning.replace(' ', '_'));
            }
            String left = trimmed.substring(0, colon).trim();
            String right = trimmed.substring(colon + 1).trim();
            try {
                valueCheck.accept(right);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, entry, e.getMessage());
            }
            if (out.put(left, right) != null) {
                throw new ConfigException(name, entry, "'" + left + "' appears more than once");
            }
            if (uniqueValues && java.util.Collections.frequency(out.values(), right) > 1) {
                throw new ConfigException(name, entry, "two fields map to '" + right + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "comma-separated source:" + valueMeaning.replace(' ', '_') + " pairs";
    }
}
