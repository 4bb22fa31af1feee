package io.outflow.connect.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submits every example in config-examples/ to a real worker's validate endpoint, exactly as a user would PUT it:
 * the worker declares the file ConfigProvider and the secrets file the examples point at is in place (at a
 * temporary path the examples' /etc/outflow path is rewritten to).
 */
class ConfigExamplesIT {
    private static final Pattern FILE_SECRET = Pattern.compile("\\$\\{file:(/etc/outflow/[^:}]+):([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConnectTestCluster cluster;
    private static Path secretsDir;

    @BeforeAll
    static void start() throws IOException {
        secretsDir = Files.createTempDirectory("outflow-secrets");
        cluster = ConnectTestCluster.builder()
                .workerProperty("config.providers", "file")
                .workerProperty("config.providers.file.class",
                        "org.apache.kafka.common.config.provider.FileConfigProvider")
                .start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Path examplesDir() {
        return Path.of(System.getProperty("outflow.examples.dir", "."));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsValidOnARealWorker() throws IOException {
        List<Path> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(examplesDir())) {
            files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(examples::add);
        }
        assertFalse(examples.isEmpty(), "no examples found in " + examplesDir().toAbsolutePath());
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(),
                () -> validate(example)));
    }

    private void validate(Path example) throws IOException {
        Map<String, String> config = JSON.readValue(example.toFile(), new TypeReference<Map<String, String>>() { });
        assertTrue(config.containsKey("connector.class"), "an example names its connector.class");
        Map<String, String> submitted = withSecretsInPlace(config);
        // PUT /connectors/{name}/config takes the name from the path; the validate endpoint wants it in the body.
        submitted.putIfAbsent("name", example.getFileName().toString().replace(".json", ""));
        String plugin = config.get("connector.class");
        Map<String, List<String>> errors = cluster.validate(plugin.substring(plugin.lastIndexOf('.') + 1), submitted);
        assertEquals(Map.of(), errors, example.getFileName() + " is valid");
    }

    /** Writes the secrets an example refers to and points its ${file:...} placeholders at them. */
    private static Map<String, String> withSecretsInPlace(Map<String, String> config) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> entry : config.entrySet()) {
            String value = entry.getValue();
            Matcher m = FILE_SECRET.matcher(value);
            StringBuilder rewritten = new StringBuilder();
            while (m.find()) {
                Path file = secretsDir.resolve(Path.of(m.group(1)).getFileName());
                Properties secrets = new Properties();
                if (Files.exists(file)) {
                    try (var in = Files.newInputStream(file)) {
                        secrets.load(in);
                    }
                }
                secrets.setProperty(m.group(2), "example-secret-" + m.group(2));
                try (var writer = Files.newBufferedWriter(file)) {
                    secrets.store(writer, "secrets for the configuration examples");
                }
                m.appendReplacement(rewritten, Matcher.quoteReplacement("${file:" + file + ":" + m.group(2) + "}"));
            }
            m.appendTail(rewritten);
            out.put(entry.getKey(), rewritten.toString());
        }
        return out;
    }
}
