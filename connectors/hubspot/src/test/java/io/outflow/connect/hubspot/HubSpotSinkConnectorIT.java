package io.outflow.connect.hubspot;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import io.outflow.connect.testkit.hubspot.HubSpotLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HubSpot connector on a real Connect worker against the HubSpot fake. */
class HubSpotSinkConnectorIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String CONTACTS = "contacts";

    private static ConnectTestCluster cluster;
    private HubSpotFake hubspot;

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
        if (hubspot != null) {
            hubspot.close();
        }
    }

    private Map<String, String> config(SinkRun run, int tasks) {
        Map<String, String> config = run.baseConfig(HubSpotSinkConnector.class.getName(), tasks);
        config.put("hubspot.api.url", hubspot.baseUrl());
        config.put("hubspot.access.token", HubSpotFake.DEFAULT_ACCESS_TOKEN);
        config.put("hubspot.object.type", CONTACTS);
        config.put("hubspot.id.property", "email");
        return config;
    }

    private static UpdateStream contacts(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "user" + i + "@example.com",
                (email, n) -> Map.of("email", email, "firstname", "v" + n, "outflow_seq", n));
    }

    /** HubSpot holds exactly the stream's keys, each with its last produced value. */
    private void awaitFinalState(UpdateStream stream) {
        Await.until("HubSpot holds each contact's last value", TIMEOUT, () -> {
            Map<String, Map<String, String>> held = hubspot.objects(CONTACTS);
            for (Map.Entry<String, Map<String, Object>> expected : stream.lastValues().entrySet()) {
                Map<String, String> contact = held.get(expected.getKey());
                if (contact == null || !String.valueOf(expected.getValue().get("outflow_seq"))
                        .equals(contact.get("outflow_seq"))) {
                    return false;
                }
            }
            return true;
        });
        assertEquals(stream.lastValues().keySet(), hubspot.objects(CONTACTS).keySet(), "exactly these contacts");
    }

    @Test
    void tenThousandUpdatesOverAThousandContactsEndWithEachContactsLastValue() {
        hubspot = HubSpotFake.builder().build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 4);
        UpdateStream stream = contacts(1000, 10, 11);
        run.start(config(run, 2), TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        run.delete();
    }

    @Test
    void seededFaultsGiveTheSameFinalStateAndAnEmptyDlq() {
        hubspot = HubSpotFake.builder()
                .faults(FaultPlan.builder().http500(0.05).http503(0.05).rateLimited(0.05)
                        .rateLimitedWithoutRetryAfter(0.05).slow(0.02).slowDelayMs(1500)
                        .dropBeforeApply(0.02).dropAfterApply(0.02).build())
                .seed(13)
                .build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 4);
        UpdateStream stream = contacts(400, 5, 12);
        Map<String, String> config = config(run, 2);
        config.put("batch.max.records", "10"); // more requests, more faults
        config.put("rate.limit.requests", "0"); // the faults, not the budget, are the point here
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        assertTrue(hubspot.faults().counts().values().stream().mapToLong(Long::longValue).sum() >= 5,
                "faults were injected: " + hubspot.faults().counts());
        run.delete();
    }

    @Test
    void badRecordsEndInTheDlqWithAReasonAPersonCanActOn() {
        hubspot = HubSpotFake.builder().dateProperties(Set.of("renewal_date")).build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 2);
        Map<String, String> config = config(run, 1);
        config.put("key.source", "record_value");
        config.put("key.field", "email");
        config.put("field.types", "renewal_date:date");
        run.start(config, TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(ProducerRecordSpec.json("good" + i, Map.of("email", "good" + i + "@example.com",
                    "renewal_date", "2026-03-01")));
        }
        records.add(ProducerRecordSpec.json("no-email", Map.of("firstname", "Nobody")));
        records.add(ProducerRecordSpec.json("invalid-email", Map.of("email", "not an email")));
        records.add(ProducerRecordSpec.json("wrong-type", Map.of("email", "w@example.com", "renewal_date",
                "next tuesday")));
        records.add(ProducerRecordSpec.of("malformed", "{\"email\": "));
        run.produce(records);

        Map<String, String> reasons = run.deadLetterReasons(4, TIMEOUT);
        assertEquals(Set.of("no-email", "invalid-email", "wrong-type", "malformed"), reasons.keySet());
        assertTrue(reasons.get("no-email").contains("field 'email'") && reasons.get("no-email").contains("missing"),
                reasons.get("no-email"));
        assertTrue(reasons.get("invalid-email").contains("HubSpot refused the record: HTTP 207 VALIDATION_ERROR"),
                reasons.get("invalid-email"));
        assertTrue(reasons.get("wrong-type").contains("field 'renewal_date'"), reasons.get("wrong-type"));
        assertFalse(reasons.get("wrong-type").contains("next tuesday"), "the reason never shows the value");

        Await.until("every good contact arrives", TIMEOUT, () -> hubspot.objects(CONTACTS).size() == 30);
        assertEquals("1772323200000", hubspot.object(CONTACTS, "good3@example.com").orElseThrow()
                .get("renewal_date"), "a date is epoch ms at midnight UTC");
        run.awaitOffsetsAtEnd(TIMEOUT);
        run.delete();
    }

    @Test
    void tombstonesArchiveTheContactsTheyName() {
        hubspot = HubSpotFake.builder().build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 1);
        Map<String, String> config = config(run, 1);
        config.put("behavior.on.null.values", "delete");
        run.start(config, TIMEOUT);
        run.produce(List.of(
                ProducerRecordSpec.json("a@example.com", Map.of("firstname", "A")),
                ProducerRecordSpec.json("b@example.com", Map.of("firstname", "B"))));
        Await.until("both contacts exist", TIMEOUT, () -> hubspot.objects(CONTACTS).size() == 2);
        String idOfA = hubspot.internalId(CONTACTS, "a@example.com").orElseThrow();

        run.produce(List.of(ProducerRecordSpec.tombstone("a@example.com"),
                ProducerRecordSpec.tombstone("never-existed@example.com")));
        Await.until("a is archived", TIMEOUT, () -> hubspot.objects(CONTACTS).keySet()
                .equals(Set.of("b@example.com")));
        assertTrue(hubspot.archivedIds().contains(idOfA));
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "an unknown key counts as deleted");
        run.delete();
    }

    @Test
    void aTaskRestartMidStreamLosesNothingAndLeavesNoOlderValue() {
        hubspot = HubSpotFake.builder().latencyMs(20).build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 4);
        UpdateStream stream = contacts(500, 6, 14);
        Map<String, String> config = config(run, 2);
        config.put("rate.limit.requests", "0");
        run.start(config, TIMEOUT);
        int half = stream.size() / 2;
        run.produce(stream.head(half));
        Await.until("some contacts written", TIMEOUT, () -> hubspot.totalApplied() > 200);
        cluster.restartTask(run.name(), 1);
        run.produce(stream.tail(half));

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        run.delete();
    }

    @Test
    void aSmallRateWindowIsUsedWithFewerThanOnePercent429s() {
        hubspot = HubSpotFake.builder().rateLimit(20, 2000).build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 2);
        Map<String, String> config = config(run, 2);
        config.put("rate.limit.requests", "20");
        config.put("rate.limit.window.ms", "2000");
        config.put("batch.max.records", "10");
        UpdateStream stream = contacts(2500, 1, 15);
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        long requests = hubspot.requestLog().countRoute("POST " + HubSpotFake.UPSERT_PATH);
        long limited = hubspot.rateLimited(HubSpotLimit.TEN_SECONDLY_ROLLING);
        assertTrue(requests >= 250, "needed a few hundred requests, saw " + requests);
        assertTrue(limited * 100 < requests, limited + " of " + requests + " requests answered 429");
        run.delete();
    }

    @Test
    void anOAuthAccessTokenThatExpiresMidRunIsRefreshedAndNothingIsLost() {
        hubspot = HubSpotFake.builder().oauthClient("client-1", "client-secret", "refresh-1").latencyMs(10)
                .build().start();
        SinkRun run = SinkRun.create(cluster, "hubspot", 2);
        Map<String, String> config = config(run, 1);
        config.remove("hubspot.access.token");
        config.put("hubspot.auth.type", "oauth");
        config.put("hubspot.oauth.client.id", "client-1");
        config.put("hubspot.oauth.client.secret", "client-secret");
        config.put("hubspot.oauth.refresh.token", "refresh-1");
        config.put("hubspot.oauth.token.url", hubspot.baseUrl() + HubSpotFake.TOKEN_PATH);
        config.put("rate.limit.requests", "0");
        config.put("batch.max.records", "20");
        UpdateStream stream = contacts(600, 2, 16);
        run.start(config, TIMEOUT);
        run.produce(stream.head(600));
        Await.until("some contacts written", TIMEOUT, () -> hubspot.totalApplied() > 100);
        hubspot.expireAccessTokens();
        run.produce(stream.tail(600));

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(hubspot.accessTokensIssued() >= 2, "a new access token was fetched");
        assertTrue(run.deadLetterQueueEmpty(), "nothing dead-lettered");
        run.delete();
    }

    @Test
    void theDailyLimitPausesWithoutDeadLetteringAndResumesWhenItIsBack() {
        hubspot = HubSpotFake.builder().build().start();
        hubspot.exhaustDailyLimit(true);
        SinkRun run = SinkRun.create(cluster, "hubspot", 1);
        Map<String, String> config = config(run, 1);
        config.put("hubspot.daily.limit.probe.ms", "1000");
        UpdateStream stream = contacts(50, 1, 17);
        run.start(config, TIMEOUT);
        run.produce(stream.records());
        Await.until("HubSpot answered DAILY", TIMEOUT, () -> hubspot.rateLimited(HubSpotLimit.DAILY) >= 2);
        assertTrue(hubspot.objects(CONTACTS).isEmpty());

        hubspot.exhaustDailyLimit(false);
        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "a used-up quota dead-letters nothing");
        run.delete();
    }
}
