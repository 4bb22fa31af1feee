package io.outflow.connect.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Kafka version's jars, as the runtime modules under assembly/runtimes resolve them from Maven Central into
 * {@code target/classpath.txt}. Kafka 4.x logs through log4j2, 3.x through reload4j (log4j 1).
 */
public final class KafkaRuntime {
    private final String version;
    private final String classpath;

    private KafkaRuntime(String version, String classpath) {
        this.version = version;
        this.classpath = classpath;
    }

    /** Reads a runtime module's classpath file. */
    public static KafkaRuntime fromClasspathFile(String version, Path classpathFile) {
        try {
            String classpath = Files.readString(classpathFile).trim();
            if (classpath.isEmpty()) {
                throw new IllegalStateException(classpathFile + " is empty");
            }
            return new KafkaRuntime(version, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka " + version + " classpath " + classpathFile
                    + "; build assembly/runtimes first (mvn install)", e);
        }
    }

    /** The runtime under {@code <projectRoot>/assembly/runtimes/kafka-<version>}. */
    public static KafkaRuntime of(Path projectRoot, String version) {
        return fromClasspathFile(version, projectRoot.resolve("assembly/runtimes/kafka-" + version + "/target/classpath.txt"));
    }

    public String version() {
        return version;
    }

    public String classpath() {
        return classpath;
    }

    public boolean usesLog4j2() {
        return !version.startsWith("3.");
    }

    /** JVM options that point the process's logging at a config written into {@code dir}. */
    java.util.List<String> loggingOptions(Path dir, String rootLevel) throws IOException {
        if (usesLog4j2()) {
            Path config = dir.resolve("log4j2.properties");
            Files.writeString(config, String.join("\n",
                    "status = warn",
                    "appender.out.type = Console",
                    "appender.out.name = out",
                    "appender.out.layout.type = PatternLayout",
                    "appender.out.layout.pattern = [%d] %p %X{connector.context}%m (%c:%L)%n",
                    "rootLogger.level = " + rootLevel,
                    "rootLogger.appenderRef.out.ref = out",
                    "logger.outflow.name = io.outflow",
                    "logger.outflow.level = INFO",
                    ""));
            return java.util.List.of("-Dlog4j2.configurationFile=" + config.toUri());
        }
        Path config = dir.resolve("log4j.properties");
        Files.writeString(config, String.join("\n",
                "log4j.rootLogger=" + rootLevel + ", stdout",
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %X{connector.context}%m (%c:%L)%n",
                "log4j.logger.io.outflow=INFO",
                ""));
        return java.util.List.of("-Dlog4j.configuration=" + config.toUri());
    }
}
