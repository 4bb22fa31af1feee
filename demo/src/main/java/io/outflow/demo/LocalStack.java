package io.outflow.demo;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import io.outflow.connect.testkit.process.ConnectWorkerProcess;
import io.outflow.connect.testkit.process.KafkaBrokerProcess;
import io.outflow.connect.testkit.process.KafkaRuntime;
import io.outflow.connect.testkit.process.Ports;
import io.outflow.connect.testkit.sandbox.Sandbox;
import io.outflow.connect.testkit.zendesk.ZendeskFake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The demo's running pieces: the sandbox destinations in this JVM, a single-node KRaft broker and a distributed
 * Connect worker as processes from the Kafka runtime's Maven jars, with the built plugin archives on plugin.path and
 * the FileConfigProvider declared. Closing stops the worker, then the broker, then the sandbox; it is idempotent and
 * safe from a shutdown hook. The processes' ids go to {@code processes} in the run directory, so demo.sh can make
 * sure none outlives the demo even if this JVM is killed.
 */
final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    static final String SECRETS_FILE_NAME = "outflow-secrets.properties";

    private final Path workDir;
    private Sandbox sandbox;
    private KafkaBrokerProcess broker;
    private ConnectWorkerProcess worker;
    private Path secretsFile;
    private boolean closed;
    /** Set (without the lock) as soon as a stop is requested, so nothing new starts meanwhile. */
    private volatile boolean stopping;

    LocalStack(Path workDir) {
        this.workDir = workDir;
    }

    /** Starts the sandbox destinations on free ports. */
    synchronized Sandbox startSandbox() {
        ensureOpen();
        sandbox = Sandbox.start(0, 0, 0);
        return sandbox;
    }

    /** Writes the sandbox credentials where the worker's FileConfigProvider reads them (and only there). */
    synchronized Path writeSecrets() throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("secrets"));
        secretsFile = dir.resolve(SECRETS_FILE_NAME);
        String text = String.join("\n",
                "# The sandbox destinations' dummy credentials, read by the Connect worker's FileConfigProvider",
                "# for the ${file:...} placeholders of the connector configurations.",
                "hubspot.access.token=" + HubSpotFake.DEFAULT_ACCESS_TOKEN,
                "zendesk.api.token=" + ZendeskFake.DEFAULT_API_TOKEN,
                "braze.api.key=" + BrazeFake.DEFAULT_API_KEY,
                "");
        Files.writeString(secretsFile, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.setPosixFilePermissions(secretsFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("No POSIX permissions for {}", secretsFile);
        }
        return secretsFile;
    }

    synchronized KafkaBrokerProcess startBroker(KafkaRuntime runtime) throws IOException, InterruptedException {
        ensureOpen();
        broker = KafkaBrokerProcess.start(runtime, workDir.resolve("broker"), Ports.free(), Ports.free(),
                START_TIMEOUT);
        recordProcess("kafka-broker", broker.process().pid());
        return broker;
    }

    /** Starts a worker whose plugin.path holds the unpacked plugin archives. */
    synchronized ConnectWorkerProcess startWorker(KafkaRuntime runtime, Path pluginPath) throws IOException {
        ensureOpen();
        ConnectWorkerProcess.Builder builder = ConnectWorkerProcess.builder(runtime, workDir.resolve("worker"),
                        broker.bootstrapServers())
                .groupId("outflow-demo")
                .pluginPath(pluginPath)
                .property("config.providers", "file")
                .property("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        if (secretsFile != null) {
            builder.property("config.providers.file.param.allowed.paths", secretsFile.getParent().toString());
        }
        worker = builder.start(START_TIMEOUT);
        recordProcess("connect-worker", worker.process().pid());
        return worker;
    }

    private void recordProcess(String name, long pid) throws IOException {
        Files.writeString(workDir.resolve("processes"), pid + " " + name + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Called first by the shutdown hook: anything starting now fails instead of starting a process. */
    void requestStop() {
        stopping = true;
    }

    private void ensureOpen() {
        if (closed || stopping) {
            throw new IllegalStateException("the demo is stopping");
        }
    }

    boolean isStopping() {
        return stopping || closed;
    }

    /** Stops the worker (SIGTERM, then SIGKILL after 15 s), the broker, then the sandbox. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        if (worker != null) {
            log.info("Stopping the Connect worker");
            quietly(worker::close);
        }
        if (broker != null) {
            log.info("Stopping the Kafka broker");
            quietly(broker::close);
        }
        if (sandbox != null) {
            log.info("Stopping the sandbox");
            quietly(sandbox::close);
        }
    }

    private static void quietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("Stopping failed: {}", e.toString());
        }
    }
}
