package io.outflow.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One validator and recommender for an enum-valued key: the values users write are the enum's names in lower case
 * ({@code RECORD_KEY} is {@code record_key}); anything else is an error, never a silent default.
 */
public final class EnumSetting<E extends Enum<E>> implements ConfigDef.Validator, ConfigDef.Recommender {
    private final Class<E> type;
    private final List<E> allowed;

    private EnumSetting(Class<E> type, Collection<E> allowed) {
        this.type = type;
        this.allowed = List.copyOf(allowed);
    }

    public static <E extends Enum<E>> EnumSetting<E> of(Class<E> type) {
        return new EnumSetting<>(type, Arrays.asList(type.getEnumConstants()));
    }

    /** Only some of the enum's values are valid here (e.g. the sync modes a destination supports). */
    public static <E extends Enum<E>> EnumSetting<E> of(Class<E> type, Collection<E> allowed) {
        return new EnumSetting<>(type, allowed);
    }

    public static String text(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public E parse(String name, String value) {
        if (value != null) {
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (E e : allowed) {
                if (e.name().equals(wanted)) {
                    return e;
                }
            }
        }
        throw new ConfigException(name, value, "must be one of " + texts());
    }

    @Override
    public void ensureValid(String name, Object value) {
        parse(name, value == null ? null : value.toString());
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return new ArrayList<>(texts());
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
    }

    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (E e : allowed) {
            out.add(text(e));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(", ", texts());
    }

    Class<E> type() {
        return type;
    }
}
