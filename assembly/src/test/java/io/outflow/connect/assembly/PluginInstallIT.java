package io.outflow.connect.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.RecordProducer;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import io.outflow.connect.testkit.process.ConnectWorkerProcess;
import io.outflow.connect.testkit.process.KafkaBrokerProcess;
import io.outflow.connect.testkit.process.KafkaRuntime;
import io.outflow.connect.testkit.process.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test that proves the archives work: they are unpacked into plugin.path of a real Connect worker started as a
 * process (real plugin isolation, as in a user's cluster), a connector is created through REST, and records reach
 * the destination. Run on a Kafka 4.3.1 worker and on a 3.9.1 worker, so "Connect 3.6+" is tested.
 */
class PluginInstallIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static Path root;
    private static Path work;
    private static KafkaBrokerProcess broker;
    private static HubSpotFake hubspot;

    @BeforeAll
    static void startBroker() throws Exception {
        root = Path.of(System.getProperty("outflow.project.root", "..")).toAbsolutePath();
        work = Files.createTempDirectory("outflow-install-it");
        broker = KafkaBrokerProcess.start(KafkaRuntime.of(root, "4.3.1"), work.resolve("broker"), Ports.free(),
                Ports.free(), TIMEOUT);
        hubspot = HubSpotFake.builder().build().start();
    }

    @AfterAll
    static void stop() {
        if (hubspot != null) {
            hubspot.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "Kafka Connect {0}")
    @ValueSource(strings = {"4.3.1", "3.9.1"})
    void theInstalledArchiveDeliversRecords(String kafkaVersion) throws Exception {
        String label = kafkaVersion.replace('.', '-');
        Path pluginPath = Path.of(System.getProperty("outflow.plugin.path"));
        try (ConnectWorkerProcess worker = ConnectWorkerProcess.builder(KafkaRuntime.of(root, kafkaVersion),
                        work.resolve("worker-" + label), broker.bootstrapServers())
                .groupId("outflow-install-" + label)
                .pluginPath(pluginPath)
                .start(TIMEOUT)) {
            ConnectRestClient rest = ConnectRestClient.at(worker.restUrl());
            JsonNode plugins = rest.get("/connector-plugins").body();
            assertTrue(hasPlugin(plugins, "io.outflow.connect.hubspot.HubSpotSinkConnector"),
                    "the worker found the HubSpot plugin in plugin.path: " + plugins);

            String topic = "scores-" + label;
            createTopic(topic, 2);
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", "io.outflow.connect.hubspot.HubSpotSinkConnector");
            config.put("tasks.max", "2");
            config.put("topics", topic);
            config.put("hubspot.api.url", hubspot.baseUrl());
            config.put("hubspot.access.token", HubSpotFake.DEFAULT_ACCESS_TOKEN);
            config.put("hubspot.object.type", "contacts");
            config.put("linger.ms", "20");
            assertEquals(201, rest.put("/connectors/hubspot-" + label + "/config", config).status());

            UpdateStream stream = UpdateStream.generate(200, 3, 21, i -> label + "-user" + i + "@example.com",
                    (email, n) -> Map.of("firstname", "v" + n));
            try (RecordProducer producer = RecordProducer.to(broker.bootstrapServers())) {
                producer.send(topic, stream.records());
            }
            Await.until("HubSpot holds every contact's last value", TIMEOUT, () -> {
                Map<String, Map<String, String>> contacts = hubspot.objects("contacts");
                return stream.lastValues().entrySet().stream().allMatch(e -> contacts.containsKey(e.getKey())
                        && e.getValue().get("firstname").equals(contacts.get(e.getKey()).get("firstname")));
            });
            JsonNode status = rest.get("/connectors/hubspot-" + label + "/status").body();
            assertEquals("RUNNING", status.path("connector").path("state").asText(), status.toString());
            status.path("tasks").forEach(t -> assertEquals("RUNNING", t.path("state").asText(), t.toString()));

            if (kafkaVersion.startsWith("3.")) {
                assertTrue(worker.log().contains("no plugin metrics"),
                        "a 3.x worker falls back to JMX metrics with one clear log line");
            }
            rest.delete("/connectors/hubspot-" + label);
        }
    }

    private static boolean hasPlugin(JsonNode plugins, String className) {
        List<String> classes = new ArrayList<>();
        plugins.forEach(p -> classes.add(p.path("class").asText()));
        return classes.contains(className);
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }
}
