package io.outflow.connect.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.process.ConnectWorkerProcess;
import io.outflow.connect.testkit.process.KafkaBrokerProcess;
import io.outflow.connect.testkit.process.KafkaRuntime;
import io.outflow.connect.testkit.process.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka side of every measurement: one KRaft broker and one distributed-mode Connect worker, each a separate
 * JVM started from the Kafka runtime's jars (assembly/runtimes), the worker with {@code plugin.path} =
 * assembly/target/plugin-path (the built plugin archives, unpacked: real plugin isolation) and JMX on loopback.
 */
final class Cluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final KafkaBrokerProcess broker;
    private final Admin admin;
    private final KafkaRuntime runtime;
    private final Path pluginPath;
    private final Path workDir;
    private ConnectWorkerProcess worker;
    private ConnectRestClient rest;
    private JmxProbe jmx;
    private int workers;

    private Cluster(KafkaBrokerProcess broker, Admin admin, KafkaRuntime runtime, Path pluginPath, Path workDir) {
        this.broker = broker;
        this.admin = admin;
        this.runtime = runtime;
        this.pluginPath = pluginPath;
        this.workDir = workDir;
    }

    static Cluster start(Options options) throws Exception {
        Path pluginPath = options.projectRoot.resolve("assembly/target/plugin-path");
        for (Vendor vendor : options.vendors) {
            String dir = "outflow-" + vendor.name().toLowerCase(java.util.Locale.ROOT) + "-";
            try (var entries = Files.list(pluginPath)) {
                if (entries.noneMatch(p -> p.getFileName().toString().startsWith(dir))) {
                    throw new IllegalStateException("no " + dir + "* plugin in " + pluginPath
                            + "; build it first (benchmarks/run.sh --rebuild, or mvn -DskipTests package)");
                }
            }
        }
        KafkaRuntime runtime = KafkaRuntime.of(options.projectRoot, options.kafkaVersion);
        Path work = options.workDir;
        deleteRecursively(work.resolve("broker"));
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(runtime, work.resolve("broker"), Ports.free(),
                Ports.free(), START_TIMEOUT);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        Cluster cluster = new Cluster(broker, admin, runtime, pluginPath, work);
        try {
            cluster.startWorker();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts a Connect worker (the previous one stopped), its REST client and its JMX connection. */
    private void startWorker() throws IOException {
        startWorker(List.of());
    }

    private void startWorker(List<String> extraJvmArgs) throws IOException {
        int jmxPort = Ports.free();
        Path dir = workDir.resolve("worker" + (workers == 0 ? "" : "-" + workers));
        workers++;
        deleteRecursively(dir);
        ConnectWorkerProcess.Builder builder = ConnectWorkerProcess.builder(runtime, dir, broker.bootstrapServers())
                .groupId("outflow-bench")
                .pluginPath(pluginPath)
                // Commit every second (the default is 60 s): preCommit's cost belongs in the measurements.
                .property("offset.flush.interval.ms", "1000")
                // No heap shrinking after the explicit collections the memory measurement asks for, so RSS
                // samples are not disturbed by them.
                .jvmArg("-XX:MaxHeapFreeRatio=100");
        JmxProbe.jvmArgs(jmxPort).forEach(builder::jvmArg);
        extraJvmArgs.forEach(builder::jvmArg);
        worker = builder.start(START_TIMEOUT);
        rest = ConnectRestClient.at(worker.restUrl());
        jmx = JmxProbe.connect(jmxPort);
    }

    /** A fresh worker JVM (same group; no connector is left on it), e.g. so memory is measured from a clean start. */
    void restartWorker() throws IOException {
        restartWorker(List.of());
    }

    /** {@link #restartWorker()} with JVM options of its own, e.g. a fixed heap. */
    void restartWorker(List<String> extraJvmArgs) throws IOException {
        if (jmx != null) {
            jmx.close();
        }
        if (worker != null) {
            worker.close();
        }
        startWorker(extraJvmArgs);
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    long workerPid() {
        return worker.process().pid();
    }

    Path workerLog() {
        return worker.process().logFile();
    }

    JmxProbe jmx() {
        return jmx;
    }

    void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }

    boolean topicExists(String topic) throws Exception {
        return admin.listTopics().names().get().contains(topic);
    }

    /** Creates a connector and waits until it and all its tasks run. */
    void startConnector(String name, Map<String, String> config, int tasks) {
        ConnectRestClient.Reply reply = rest.put("/connectors/" + name + "/config", config);
        if (reply.status() != 201 && reply.status() != 200) {
            throw new IllegalStateException("creating connector " + name + " failed: " + reply.status() + " "
                    + reply.rawBody());
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String state = state(name, tasks);
            if (state.equals("RUNNING")) {
                return;
            }
            if (state.startsWith("FAILED")) {
                throw new IllegalStateException("connector " + name + " failed: " + state);
            }
            sleep(200);
        }
        throw new IllegalStateException("connector " + name + " did not start all " + tasks + " tasks: "
                + rest.get("/connectors/" + name + "/status").rawBody());
    }

    /** "RUNNING" when the connector and {@code tasks} tasks run; "FAILED: trace" when any failed; else "STARTING". */
    String state(String name, int tasks) {
        ConnectRestClient.Reply reply = rest.get("/connectors/" + name + "/status");
        if (reply.status() != 200 || reply.body() == null) {
            return "STARTING";
        }
        JsonNode body = reply.body();
        if ("FAILED".equals(body.path("connector").path("state").asText())) {
            return "FAILED: " + body.path("connector").path("trace").asText();
        }
        int running = 0;
        for (JsonNode task : body.path("tasks")) {
            String state = task.path("state").asText();
            if ("FAILED".equals(state)) {
                return "FAILED: " + firstLines(task.path("trace").asText(), 6);
            }
            if ("RUNNING".equals(state)) {
                running++;
            }
        }
        return running >= tasks && "RUNNING".equals(body.path("connector").path("state").asText())
                ? "RUNNING" : "STARTING";
    }

    /**
     * Waits until the sink connector's consumer group ({@code connect-<name>}) is stable with {@code members}
     * members that all have partitions: before that, tasks joining one by one rebalance the group and a window
     * would measure the rebalances.
     */
    void awaitGroupStable(String name, int members, Duration timeout) throws Exception {
        String group = "connect-" + name;
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            if (description != null && description.groupState() == org.apache.kafka.common.GroupState.STABLE
                    && description.members().size() == members
                    && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                return;
            }
            checkNotFailed(name);
            sleep(250);
        }
        throw new IllegalStateException("the consumer group " + group + " did not settle with " + members
                + " members in " + timeout.toSeconds() + " s");
    }

    /** Throws if the connector or one of its tasks failed (a measurement must not wait for a dead task). */
    void checkNotFailed(String name) {
        String state = state(name, 0);
        if (state.startsWith("FAILED")) {
            throw new IllegalStateException("connector " + name + " failed: " + state);
        }
    }

    /** Deletes a connector and waits until the worker has stopped its tasks, so the next measurement runs alone. */
    void deleteConnector(String name) {
        rest.delete("/connectors/" + name);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode list = rest.get("/connectors").body();
            boolean present = false;
            if (list != null) {
                for (JsonNode n : list) {
                    present |= n.asText().equals(name);
                }
            }
            if (!present && Double.isNaN(jmx.taskMetricSum(name, "records-delivered-total"))) {
                sleep(500);
                return;
            }
            sleep(200);
        }
    }

    Set<String> connectors() {
        Set<String> out = new java.util.TreeSet<>();
        JsonNode list = rest.get("/connectors").body();
        if (list != null) {
            list.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String firstLines(String text, int n) {
        String[] lines = text.split("\n");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, lines.length); i++) {
            out.add(lines[i]);
        }
        return String.join("\n", out);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public void close() {
        try {
            if (rest != null) {
                for (String name : connectors()) {
                    rest.delete("/connectors/" + name);
                }
            }
        } catch (RuntimeException e) {
            // the worker is gone already
        }
        if (jmx != null) {
            jmx.close();
        }
        admin.close(Duration.ofSeconds(5));
        if (worker != null) {
            worker.close();
        }
        broker.close();
    }
}
