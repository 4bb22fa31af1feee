package io.outflow.connect.assembly;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.RecordProducer;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The archives installed into Kafka Connect from Kafka's own container image (apache/kafka), with a broker from the
 * same image: the setup many platform teams run. Needs a Docker engine, hence opt-in (-Pdocker).
 */
@Tag("docker")
class DockerPluginInstallIT {
    private static final String IMAGE = "apache/kafka:4.1.1";

    @Test
    void theArchiveWorksInKafkasContainerImage() {
        Path pluginPath = Path.of(System.getProperty("outflow.plugin.path"));
        try (HubSpotFake hubspot = HubSpotFake.builder().build().start();
             Network network = Network.newNetwork();
             KafkaContainer kafka = new KafkaContainer(IMAGE).withNetwork(network).withListener("kafka:19092")) {
            kafka.start();
            Testcontainers.exposeHostPorts(hubspot.port());
            try (GenericContainer<?> connect = new GenericContainer<>(IMAGE)
                    .withNetwork(network)
                    .withCopyFileToContainer(MountableFile.forHostPath(pluginPath), "/opt/outflow/plugins")
                    .withCopyToContainer(org.testcontainers.images.builder.Transferable.of(String.join("\n",
                            "bootstrap.servers=kafka:19092", "group.id=outflow-docker",
                            "config.storage.topic=c", "offset.storage.topic=o", "status.storage.topic=s",
                            "config.storage.replication.factor=1", "offset.storage.replication.factor=1",
                            "status.storage.replication.factor=1",
                            "key.converter=org.apache.kafka.connect.storage.StringConverter",
                            "value.converter=org.apache.kafka.connect.json.JsonConverter",
                            "value.converter.schemas.enable=false", "offset.flush.interval.ms=1000",
                            "plugin.path=/opt/outflow/plugins", "listeners=http://0.0.0.0:8083", "")),
                            "/tmp/connect.properties")
                    .withCommand("/opt/kafka/bin/connect-distributed.sh", "/tmp/connect.properties")
                    .withExposedPorts(8083)
                    .waitingFor(Wait.forHttp("/connectors").forPort(8083).withStartupTimeout(Duration.ofMinutes(2)))) {
                connect.start();
                ConnectRestClient rest = ConnectRestClient.at("http://" + connect.getHost() + ":"
                        + connect.getMappedPort(8083));
                assertEquals(201, rest.put("/connectors/hubspot/config", Map.of(
                        "connector.class", "io.outflow.connect.hubspot.HubSpotSinkConnector",
                        "topics", "scores",
                        "hubspot.api.url", "http://host.testcontainers.internal:" + hubspot.port(),
                        "hubspot.access.token", HubSpotFake.DEFAULT_ACCESS_TOKEN)).status());
                List<ProducerRecordSpec> records = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    records.add(ProducerRecordSpec.json("u" + i + "@example.com", Map.of("firstname", "U" + i)));
                }
                try (RecordProducer producer = RecordProducer.to(kafka.getBootstrapServers())) {
                    producer.send("scores", records);
                }
                Await.until("HubSpot holds the 50 contacts", Duration.ofMinutes(2),
                        () -> hubspot.objects("contacts").size() == 50);
            }
        }
    }
}
