package io.outflow.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a connector's configuration definition as the Markdown reference in docs/config/: every key with its
 * type, default, valid values, importance and documentation, grouped and ordered as the ConfigDef says. Each
 * connector's build checks the committed copy against this rendering, so the reference cannot drift.
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    public static String render(String title, String intro, ConfigDef def) {
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        for (String group : def.groups()) {
            groups.put(group, new ArrayList<>());
        }
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            groups.computeIfAbsent(key.group == null ? "Other" : key.group, g -> new ArrayList<>()).add(key);
        }
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n").append(intro).append("\n\n")
                .append("<!-- Generated from the connector's ConfigDef by ConfigReference; the build fails when this "
                        + "file drifts. Regenerate with: mvn test -Doutflow.docs.update=true -->\n");
        for (Map.Entry<String, List<ConfigDef.ConfigKey>> group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            group.getValue().sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup));
            md.append("\n## ").append(group.getKey()).append("\n");
            for (ConfigDef.ConfigKey key : group.getValue()) {
                md.append("\n### `").append(key.name).append("`\n\n")
                        .append(key.documentation == null ? "" : key.documentation.trim()).append("\n\n")
                        .append("| Type | Default | Valid values | Importance |\n|---|---|---|---|\n")
                        .append("| ").append(key.type.name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(defaultText(key))
                        .append(" | ").append(key.validator == null ? "" : escape(key.validator.toString()))
                        .append(" | ").append(key.importance.name().toLowerCase(Locale.ROOT))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return key.defaultValue == null ? "" : "[hidden]";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "";
        }
        String text = value instanceof List ? String.join(",", castList(value)) : value.toString();
        return text.isEmpty() ? "\"\"" : "`" + escape(text) + "`";
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        List<String> out = new ArrayList<>();
        ((List<Object>) value).forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
