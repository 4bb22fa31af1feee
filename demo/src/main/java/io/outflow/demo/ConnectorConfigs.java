package io.outflow.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector's configuration as the demo submits it: the user-facing example from {@code config-examples/} with
 * the demo's local override ({@code local-overrides/<name>.json} on the classpath) merged over it, key by key.
 * {@code {{name}}} placeholders in the override are filled in from the run (ports, topic, secrets file).
 */
public final class ConnectorConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z.]+)}}");
    private static final TypeReference<LinkedHashMap<String, String>> FLAT = new TypeReference<>() {
    };

    /** The merged configuration and the keys the override set. */
    public record Merged(String name, Map<String, String> config, List<String> overriddenKeys) {
    }

    private ConnectorConfigs() {
    }

    /**
     * @param examplesDir  the project's config-examples directory
     * @param name         the example's file name without .json, also the connector's name
     * @param placeholders values for the override's {{...}} placeholders
     */
    public static Merged load(Path examplesDir, String name, Map<String, String> placeholders) {
        Map<String, String> example = readExample(examplesDir.resolve(name + ".json"));
        Map<String, String> override = readOverride(name);
        Map<String, String> merged = new LinkedHashMap<>(example);
        List<String> overridden = new ArrayList<>();
        override.forEach((key, value) -> {
            merged.put(key, fill(value, placeholders));
            overridden.add(key);
        });
        return new Merged(name, merged, overridden);
    }

    static Map<String, String> readExample(Path file) {
        try {
            return JSON.readValue(file.toFile(), FLAT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration example " + file, e);
        }
    }

    static Map<String, String> readOverride(String name) {
        String resource = "local-overrides/" + name + ".json";
        try {
            return JSON.readValue(Warehouse.readResource(resource), FLAT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static String fill(String value, Map<String, String> placeholders) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = placeholders.get(m.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("Unknown placeholder {{" + m.group(1) + "}} in a local override");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the example file exists (the demo names three). */
    public static boolean exists(Path examplesDir, String name) {
        return Files.isRegularFile(examplesDir.resolve(name + ".json"));
    }
}
