package io.outflow.connect.testkit.process;

import io.outflow.connect.testkit.connect.Await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distributed-mode Kafka Connect worker started as a process from a runtime's jars, with {@code plugin.path}
 * pointing at unpacked plugin archives: real plugin isolation, exactly as in a user's cluster.
 */
public final class ConnectWorkerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JavaProcess process;
    private final int restPort;
    private final Path dir;

    private ConnectWorkerProcess(JavaProcess process, int restPort, Path dir) {
        this.process = process;
        this.restPort = restPort;
        this.dir = dir;
    }

    /** Builds a worker. */
    public static Builder builder(KafkaRuntime runtime, Path dir, String bootstrapServers) {
        return new Builder(runtime, dir, bootstrapServers);
    }

    public String restUrl() {
        return "http://localhost:" + restPort;
    }

    public JavaProcess process() {
        return process;
    }

    /** The worker's log so far. */
    public String log() throws IOException {
        return Files.readString(process.logFile());
    }

    /** SIGKILL, as in a crash. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean restAnswers() {
        if (!process.isAlive()) {
            throw new AssertionError("the Connect worker exited; see " + process.logFile());
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl() + "/connectors"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Worker settings; the defaults suit a single-broker local cluster. */
    public static final class Builder {
        private final KafkaRuntime runtime;
        private final Path dir;
        private final Map<String, String> props = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC"));
        private int restPort = Ports.free();

        private Builder(KafkaRuntime runtime, Path dir, String bootstrapServers) {
            this.runtime = runtime;
            this.dir = dir;
            props.put("bootstrap.servers", bootstrapServers);
            props.put("group.id", "outflow-connect");
            props.put("config.storage.topic", "outflow-connect-configs");
            props.put("offset.storage.topic", "outflow-connect-offsets");
            props.put("status.storage.topic", "outflow-connect-status");
            props.put("config.storage.replication.factor", "1");
            props.put("offset.storage.replication.factor", "1");
            props.put("status.storage.replication.factor", "1");
            props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("value.converter.schemas.enable", "false");
            props.put("offset.flush.interval.ms", "1000");
            props.put("plugin.discovery", "service_load");
            props.put("scheduled.rebalance.max.delay.ms", "5000");
        }

        /** Where plugins are installed (directories of unpacked archives). */
        public Builder pluginPath(Path pluginPath) {
            props.put("plugin.path", pluginPath.toAbsolutePath().toString());
            return this;
        }

        public Builder groupId(String groupId) {
            props.put("group.id", groupId);
            props.put("config.storage.topic", groupId + "-configs");
            props.put("offset.storage.topic", groupId + "-offsets");
            props.put("status.storage.topic", groupId + "-status");
            return this;
        }

        public Builder restPort(int port) {
            this.restPort = port;
            return this;
        }

        public Builder property(String key, String value) {
            props.put(key, value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** Starts the worker; returns once its REST API answers. */
        public ConnectWorkerProcess start(Duration timeout) throws IOException {
            Files.createDirectories(dir);
            props.put("listeners", "http://localhost:" + restPort);
            StringBuilder text = new StringBuilder();
            props.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Path properties = dir.resolve("connect-distributed.properties");
            Files.writeString(properties, text.toString());
            List<String> jvm = new ArrayList<>(jvmArgs);
            jvm.addAll(runtime.loggingOptions(dir, "WARN"));
            JavaProcess process = JavaProcess.start("connect-worker-" + restPort, runtime.classpath(), jvm,
                    "org.apache.kafka.connect.cli.ConnectDistributed", List.of(properties.toString()),
                    dir.resolve("worker.log"));
            ConnectWorkerProcess worker = new ConnectWorkerProcess(process, restPort, dir);
            try {
                Await.until("the Connect worker's REST API on port " + restPort, timeout, worker::restAnswers);
            } catch (AssertionError e) {
                worker.close();
                throw new IOException("The Connect worker did not start; see " + process.logFile(), e);
            }
            return worker;
        }
    }
}
