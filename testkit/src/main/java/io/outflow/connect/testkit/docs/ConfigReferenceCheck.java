package io.outflow.connect.testkit.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps docs/config/&lt;connector&gt;.md equal to what the connector's ConfigDef renders: a connector's test calls
 * {@link #assertUpToDate} and fails when the committed reference drifts. With {@code -Doutflow.docs.update=true}
 * it writes the file instead.
 */
public final class ConfigReferenceCheck {
    private ConfigReferenceCheck() {
    }

    public static void assertUpToDate(String connectorName, String rendered) throws IOException {
        Path root = Path.of(System.getProperty("outflow.project.root", "."));
        Path file = root.resolve("docs/config/" + connectorName + ".md");
        if (Boolean.getBoolean("outflow.docs.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file) : "";
        if (!committed.equals(rendered)) {
            throw new AssertionError(file + " does not match the connector's configuration. Regenerate it with "
                    + "'mvn test -Doutflow.docs.update=true' and commit the result.");
        }
    }
}
