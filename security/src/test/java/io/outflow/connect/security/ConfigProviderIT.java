package io.outflow.connect.security;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConnectorStatus;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security check (c) of issue 7, for every connector: the credential comes from a file through the worker's
 * {@code FileConfigProvider} ({@code config.providers=file}); records are delivered with it, and the literal
 * credential is in neither the configuration the REST API returns ({@code GET /connectors/{name}/config},
 * {@code GET /connectors/{name}}, {@code GET /connectors/{name}/tasks}) nor the worker's config topic in Kafka.
 */
@ExtendWith(SharedCluster.class)
class ConfigProviderIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> everyConnector() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Target target : Target.values()) {
            tests.add(DynamicTest.dynamicTest(target.id + ": " + target.secretKey + " from a file through "
                    + "FileConfigProvider", () -> check(target)));
        }
        return tests.stream();
    }

    private static void check(Target target) throws Exception {
        ConnectTestCluster cluster = SharedCluster.get();
        String secret = "SECRET-SENTINEL-" + UUID.randomUUID().toString().replace("-", "");
        Path secrets = dir.resolve(target.id + "-secrets.properties");
        Files.writeString(secrets, target.id + ".credential=" + secret + "\n", StandardCharsets.UTF_8);
        String reference = "${file:" + secrets + ":" + target.id + ".credential}";

        try (Target.Fake fake = target.start(new Target.Options().secret(secret))) {
            SinkRun run = SinkRun.create(cluster, target.id + "-provider", 1);
            Map<String, String> config = target.config(run, fake, reference);
            assertEquals(reference, config.get(target.secretKey));
            run.start(config, TIMEOUT);
            List<String> keys = List.of("p1@example.com", "p2@example.com", "p3@example.com");
            List<ProducerRecordSpec> records = new ArrayList<>();
            for (String key : keys) {
                records.add(ProducerRecordSpec.json(key, target.goodValue("through the provider " + key)));
            }
            run.produce(records);
            Await.until("the records arrive with the credential read from the file", TIMEOUT, () -> {
                cluster.connectorStatus(run.name()).flatMap(ConnectorStatus::firstFailedTask).ifPresent(task -> {
                    throw new AssertionError("the task failed: " + BadInputMatrixIT.head(task.trace()));
                });
                return keys.stream().allMatch(k -> fake.stored(k).isPresent());
            });

            ConnectRestClient rest = ConnectRestClient.at(cluster.restUrl());
            for (String path : List.of("/connectors/" + run.name() + "/config", "/connectors/" + run.name(),
                    "/connectors/" + run.name() + "/tasks")) {
                ConnectRestClient.Reply reply = rest.get(path);
                assertEquals(200, reply.status(), path);
                assertFalse(reply.rawBody().contains(secret), () -> "GET " + path + " shows the credential: "
                        + reply.rawBody());
            }
            String returned = rest.get("/connectors/" + run.name() + "/config").body().path(target.secretKey).asText();
            assertEquals(reference, returned, "the REST API returns the reference, not the value");

            String configTopic;
            try (org.apache.kafka.clients.admin.Admin admin = cluster.kafka().createAdminClient()) {
                configTopic = admin.listTopics().names().get().stream()
                        .filter(name -> name.startsWith("connect-config-topic")).findFirst().orElseThrow();
            }
            int searched = 0;
            for (ConsumerRecord<byte[], byte[]> record : cluster.kafka().consumeAll(TIMEOUT.toMillis(), configTopic)) {
                String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                if (text.contains(run.name()) || (record.key() != null
                        && new String(record.key(), StandardCharsets.UTF_8).contains(run.name()))) {
                    searched++;
                }
                assertFalse(text.contains(secret), () -> "the config topic holds the credential: "
                        + new String(record.key(), StandardCharsets.UTF_8));
            }
            assertTrue(searched > 0, "the connector's configuration records were among those searched");
            run.delete();
        }
    }
}
