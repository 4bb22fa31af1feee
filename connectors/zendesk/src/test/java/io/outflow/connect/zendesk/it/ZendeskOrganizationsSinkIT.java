package io.outflow.connect.zendesk.it;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.zendesk.ZendeskFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.outflow.connect.zendesk.it.ZendeskItSupport.TIMEOUT;
import static io.outflow.connect.zendesk.it.ZendeskItSupport.customField;
import static io.outflow.connect.zendesk.it.ZendeskItSupport.fastFake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Zendesk connector writing organizations on a real Connect worker: one create_or_update per record (the
 * engine's single-record mode), refusals in the DLQ with Zendesk's reason, tombstones through destroy_many jobs.
 */
class ZendeskOrganizationsSinkIT {
    private static ConnectTestCluster cluster;
    private ZendeskFake fake;

    @BeforeAll
    static void startCluster() {
        cluster = ConnectTestCluster.startDefault();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    private static Map<String, String> config(SinkRun run, ZendeskFake fake, int tasks) {
        return ZendeskItSupport.config(run, fake, "organizations", tasks);
    }

    @Test
    void manyUpdatesPerOrganizationEndWithEachOnesLastValue() {
        fake = fastFake().build().start();
        SinkRun run = SinkRun.create(cluster, "zd-orgs", 4);
        UpdateStream stream = UpdateStream.generate(60, 3, 11, i -> "org" + i,
                (key, n) -> Map.of("name", "Org " + key + " v" + n, "seq", n));
        run.start(config(run, fake, 2), TIMEOUT);
        run.produce(stream.records());

        Await.until("Zendesk holds each organization's last value", TIMEOUT, () -> {
            Map<String, Map<String, Object>> organizations = fake.organizations();
            return stream.lastValues().entrySet().stream().allMatch(expected -> {
                Map<String, Object> organization = organizations.get(expected.getKey());
                Object seq = customField(organization, "organization_fields", "seq");
                return seq instanceof Number && ((Number) seq).intValue() == (Integer) expected.getValue().get("seq")
                        && expected.getValue().get("name").equals(organization.get("name"));
            });
        });
        assertEquals(60, fake.organizations().size(), "no other organizations");
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        assertTrue(fake.requestLog().countRoute("POST " + ZendeskFake.ORGANIZATIONS_CREATE_OR_UPDATE_PATH) >= 60);
        run.delete();
    }

    @Test
    void refusedOrganizationsGoToTheDlqWithZendesksReason() {
        fake = fastFake().build().start();
        SinkRun run = SinkRun.create(cluster, "zd-orgs-bad", 1);
        run.start(config(run, fake, 1), TIMEOUT);
        run.produce(List.of(ProducerRecordSpec.json("first", Map.of("name", "Acme"))));
        Await.until("the first Acme arrives", TIMEOUT, () -> fake.organization("first").isPresent());
        run.produce(List.of(
                ProducerRecordSpec.json("second", Map.of("name", "Acme")),
                ProducerRecordSpec.json("nameless", Map.of("seq", 1)),
                ProducerRecordSpec.json("fine", Map.of("name", "Globex"))));

        Map<String, String> reasons = run.deadLetterReasons(2, TIMEOUT);
        assertEquals(Set.of("second", "nameless"), reasons.keySet());
        assertTrue(reasons.get("second").contains("RecordInvalid") && reasons.get("second")
                .contains("has already been taken") && reasons.get("second").contains("field 'name'"),
                reasons.get("second"));
        assertTrue(reasons.get("nameless").contains("Name: cannot be blank"), reasons.get("nameless"));
        Await.until("the good one arrives", TIMEOUT, () -> fake.organization("fine").isPresent());
        run.awaitOffsetsAtEnd(TIMEOUT);
        run.delete();
    }

    @Test
    void tombstonesDeleteOrganizationsByExternalId() {
        fake = fastFake().build().start();
        SinkRun run = SinkRun.create(cluster, "zd-orgs-delete", 1);
        Map<String, String> config = config(run, fake, 1);
        config.put("behavior.on.null.values", "delete");
        run.start(config, TIMEOUT);
        run.produce(List.of(
                ProducerRecordSpec.json("a", Map.of("name", "A")),
                ProducerRecordSpec.json("b", Map.of("name", "B"))));
        Await.until("both arrive", TIMEOUT, () -> fake.organizations().size() == 2);
        run.produce(List.of(ProducerRecordSpec.tombstone("a")));
        Await.until("a is deleted", TIMEOUT, () -> fake.organizations().keySet().equals(Set.of("b")));
        assertTrue(fake.deletedOrganizationKeys().contains("a"));
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        run.delete();
    }
}
