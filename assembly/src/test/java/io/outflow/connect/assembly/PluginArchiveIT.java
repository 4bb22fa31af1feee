package io.outflow.connect.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each archive follows the Confluent Hub component format and carries its checksum. */
class PluginArchiveIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the worker provides; a plugin that carried its own copy could clash with it. */
    private static final List<String> PROVIDED = List.of("connect-api", "kafka-clients", "slf4j-api", "connect-json",
            "connect-runtime", "log4j");

    private static Path plugins() {
        return Path.of(System.getProperty("outflow.plugins", "target/plugins"));
    }

    @TestFactory
    Stream<DynamicTest> everyArchive() throws IOException {
        List<Path> zips;
        try (Stream<Path> files = Files.list(plugins())) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().collect(Collectors.toList());
        }
        assertFalse(zips.isEmpty(), "no plugin archives in " + plugins());
        return zips.stream().map(zip -> DynamicTest.dynamicTest(zip.getFileName().toString(), () -> check(zip)));
    }

    private void check(Path zip) throws Exception {
        String version = System.getProperty("outflow.version");
        String root = zip.getFileName().toString().replace(".zip", "");
        assertTrue(root.startsWith("outflow-") && root.endsWith("-" + version), root);
        String name = root.substring("outflow-".length(), root.length() - version.length() - 1);

        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Set<String> roots = archive.stream().map(e -> e.getName().split("/")[0]).collect(Collectors.toSet());
            assertEquals(Set.of(root), roots, "one root directory <owner>-<name>-<version>/");
            JsonNode manifest = JSON.readTree(read(archive, root + "/manifest.json"));
            for (String field : List.of("name", "version", "title", "description", "component_types", "license",
                    "features", "documentation_url")) {
                assertFalse(manifest.path(field).isMissingNode() || manifest.path(field).asText().contains("${"),
                        "manifest.json has " + field);
            }
            assertEquals(name, manifest.path("name").asText());
            assertEquals(version, manifest.path("version").asText());
            assertEquals("outflow", manifest.path("owner").path("username").asText());
            assertEquals("sink", manifest.path("component_types").get(0).asText());

            List<String> libs = archive.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(root + "/lib/") && n.endsWith(".jar")).collect(Collectors.toList());
            assertTrue(libs.stream().anyMatch(n -> n.contains("/outflow-" + name + "-")), "the connector's jar");
            assertTrue(libs.stream().anyMatch(n -> n.contains("/outflow-common-")), "the engine's jar");
            for (String lib : libs) {
                String jar = lib.substring(lib.lastIndexOf('/') + 1);
                assertTrue(PROVIDED.stream().noneMatch(jar::startsWith), jar + " is provided by the worker");
            }
            assertTrue(archive.getEntry(root + "/doc/README.md") != null, "doc/README.md");
            assertTrue(archive.getEntry(root + "/doc/LICENSE") != null, "doc/LICENSE");
            assertTrue(archive.stream().anyMatch(e -> e.getName().startsWith(root + "/etc/" + name + "-")
                    && e.getName().endsWith(".json")), "etc/ holds the example configurations");
        }

        String checksum = Files.readString(Path.of(zip + ".sha256")).trim();
        assertEquals(sha256(zip) + "  " + zip.getFileName(), checksum, "the .sha256 beside the archive matches");
    }

    private static byte[] read(ZipFile archive, String entry) throws IOException {
        ZipEntry e = archive.getEntry(entry);
        assertTrue(e != null, entry + " exists");
        try (InputStream in = archive.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }
}
