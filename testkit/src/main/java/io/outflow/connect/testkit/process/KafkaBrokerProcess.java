package io.outflow.connect.testkit.process;

import io.outflow.connect.testkit.connect.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) started as a process from a runtime's jars:
 * storage formatted with a fresh cluster id, replication factors of 1, listening on loopback.
 */
public final class KafkaBrokerProcess implements AutoCloseable {
    private final JavaProcess process;
    private final int port;

    private KafkaBrokerProcess(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Formats storage under {@code dir} and starts the broker; returns once it answers an Admin client. */
    public static KafkaBrokerProcess start(KafkaRuntime runtime, Path dir, int port, int controllerPort,
                                           Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC"));
        jvm.addAll(runtime.loggingOptions(dir, "WARN"));
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            JavaProcess.run("kafka-storage", runtime.classpath(), jvm, "kafka.tools.StorageTool",
                    List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()),
                    dir.resolve("storage-format.log"), 60);
        }
        JavaProcess process = JavaProcess.start("kafka-broker", runtime.classpath(), jvm, "kafka.Kafka",
                List.of(properties.toString()), dir.resolve("broker.log"));
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port);
        try {
            Await.until("the Kafka broker on port " + port + " to answer", timeout, broker::answers);
        } catch (AssertionError e) {
            broker.close();
            throw new IOException("The Kafka broker did not start; see " + process.logFile(), e);
        }
        return broker;
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new AssertionError("the broker process exited; see " + process.logFile());
        }
        if (!Ports.listening(port)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
