package io.outflow.connect.common.it;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.items.ItemsApiFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on a real Connect worker, delivering to the testkit's items API: final state per key, faults,
 * bad records in the DLQ, a task restart and a rebalance mid-stream.
 */
class ItemsSinkConnectorIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static ConnectTestCluster cluster;
    private ItemsApiFake fake;

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

    private static Map<String, String> config(SinkRun run, ItemsApiFake fake, int tasks) {
        Map<String, String> config = run.baseConfig("io.outflow.connect.common.testdest.ItemsSinkConnector", tasks);
        config.put("items.api.url", fake.baseUrl());
        config.put("items.token", ItemsApiFake.DEFAULT_TOKEN);
        return config;
    }

    private static UpdateStream stream(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "k" + i,
                (key, n) -> Map.of("seq", n, "email", key + "-" + n + "@example.com"));
    }

    private void awaitFinalState(UpdateStream stream) {
        Await.until("the destination holds each key's last value", TIMEOUT, () -> {
            Map<String, Map<String, Object>> items = fake.items();
            for (Map.Entry<String, Map<String, Object>> expected : stream.lastValues().entrySet()) {
                Map<String, Object> actual = items.get(expected.getKey());
                if (actual == null || !expected.getValue().get("seq").equals(((Number) actual.get("seq")).intValue())) {
                    return false;
                }
            }
            return true;
        });
        assertEquals(stream.lastValues().size(), fake.items().size(), "no other keys");
    }

    private static void assertDlqEmpty(SinkRun run) {
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
    }

    @Test
    void manyUpdatesPerKeyOverPartitionsAndTasksEndWithEachKeysLastValue() throws Exception {
        fake = ItemsApiFake.builder().build().start();
        SinkRun run = SinkRun.create(cluster, "items", 4);
        UpdateStream stream = stream(300, 5, 1);
        run.start(config(run, fake, 2), TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertDlqEmpty(run);
        assertEquals(stream.size(), deliveredOrSuperseded(run), "every record is counted in the task metrics");
        run.delete();
    }

    /** Sums records-delivered-total and records-superseded-total over the tasks' plugin metrics in JMX. */
    private static long deliveredOrSuperseded(SinkRun run) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long total = 0;
        for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:type=plugins,connector="
                + run.name() + ",task=*"), null)) {
            total += ((Number) server.getAttribute(name, "records-delivered-total")).longValue();
            total += ((Number) server.getAttribute(name, "records-superseded-total")).longValue();
        }
        return total;
    }

    @Test
    void seededFaultsReachTheSameFinalStateWithAnEmptyDlq() {
        fake = ItemsApiFake.builder()
                .faults(FaultPlan.builder().http500(0.05).http503(0.05).rateLimited(0.05)
                        .rateLimitedWithoutRetryAfter(0.03).slow(0.02).slowDelayMs(1500)
                        .dropBeforeApply(0.03).dropAfterApply(0.03).build())
                .seed(7)
                .build().start();
        SinkRun run = SinkRun.create(cluster, "items", 4);
        UpdateStream stream = stream(200, 4, 2);
        Map<String, String> config = config(run, fake, 2);
        config.put("batch.max.records", "10"); // many requests, so many faults
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertDlqEmpty(run);
        assertTrue(fake.faults().counts().values().stream().mapToLong(Long::longValue).sum() > 0,
                "faults were injected");
        run.delete();
    }

    @Test
    void badRecordsGoToTheDlqWithTheirReasonAndEverythingElseArrives() {
        fake = ItemsApiFake.builder().build().start();
        SinkRun run = SinkRun.create(cluster, "items", 2);
        Map<String, String> config = config(run, fake, 1);
        config.put("field.types", "signup:date");
        run.start(config, TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(ProducerRecordSpec.json("good" + i, Map.of("email", "g" + i + "@example.com", "score", 10,
                    "signup", "2026-01-15")));
        }
        records.add(ProducerRecordSpec.json(null, Map.of("email", "nokey@example.com")));
        records.add(ProducerRecordSpec.json("bad-email", Map.of("email", "not-an-email")));
        records.add(ProducerRecordSpec.json("bad-score", Map.of("email", "s@example.com", "score", 500)));
        records.add(ProducerRecordSpec.json("bad-date", Map.of("email", "d@example.com", "signup", "15/01/2026")));
        records.add(ProducerRecordSpec.of("bad-json", "{\"email\": oops"));
        run.produce(records);

        Map<String, String> reasons = run.deadLetterReasons(5, TIMEOUT);
        assertEquals(Set.of("<null>", "bad-email", "bad-score", "bad-date", "bad-json"), reasons.keySet());
        assertTrue(reasons.get("<null>").contains("no key"), reasons.get("<null>"));
        assertTrue(reasons.get("bad-email").contains("INVALID_EMAIL") && reasons.get("bad-email").contains("email"),
                reasons.get("bad-email"));
        assertTrue(reasons.get("bad-score").contains("OUT_OF_RANGE"), reasons.get("bad-score"));
        assertTrue(reasons.get("bad-date").contains("field 'signup'"), reasons.get("bad-date"));
        assertTrue(!reasons.get("bad-date").contains("15/01/2026"), "the reason never shows the value");
        assertTrue(reasons.get("bad-json").toLowerCase().contains("convert"), reasons.get("bad-json"));

        Await.until("every good record arrives", TIMEOUT, () -> fake.items().size() == 50);
        assertEquals("2026-01-15", fake.item("good7").orElseThrow().get("signup"));
        run.awaitOffsetsAtEnd(TIMEOUT);
        run.delete();
    }

    @Test
    void tombstonesDeleteWhenConfigured() {
        fake = ItemsApiFake.builder().build().start();
        SinkRun run = SinkRun.create(cluster, "items", 1);
        Map<String, String> config = config(run, fake, 1);
        config.put("behavior.on.null.values", "delete");
        run.start(config, TIMEOUT);
        run.produce(List.of(
                ProducerRecordSpec.json("a", Map.of("seq", 1)),
                ProducerRecordSpec.json("b", Map.of("seq", 1))));
        Await.until("both arrive", TIMEOUT, () -> fake.items().size() == 2);
        run.produce(List.of(ProducerRecordSpec.tombstone("a")));
        Await.until("a is deleted", TIMEOUT, () -> fake.items().keySet().equals(Set.of("b")));
        assertTrue(fake.deletedKeys().contains("a"));
        run.awaitOffsetsAtEnd(TIMEOUT);
        run.delete();
    }

    @Test
    void aTaskRestartMidStreamLosesNothingAndLeavesNothingStale() {
        fake = ItemsApiFake.builder().latencyMs(20).build().start();
        SinkRun run = SinkRun.create(cluster, "items", 4);
        UpdateStream stream = stream(300, 6, 3);
        run.start(config(run, fake, 2), TIMEOUT);
        int half = stream.size() / 2;
        run.produce(stream.head(half));
        Await.until("some records delivered", TIMEOUT, () -> fake.totalApplied() > 100);
        cluster.restartTask(run.name(), 0);
        run.produce(stream.tail(half));
        cluster.awaitConnectorRunning(run.name(), 2, TIMEOUT);

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertDlqEmpty(run);
        run.delete();
    }

    @Test
    void aRebalanceMidStreamLosesNothingAndLeavesNothingStale() {
        fake = ItemsApiFake.builder().latencyMs(20).build().start();
        SinkRun run = SinkRun.create(cluster, "items", 4);
        UpdateStream stream = stream(300, 6, 4);
        run.start(config(run, fake, 2), TIMEOUT);
        int half = stream.size() / 2;
        run.produce(stream.head(half));
        Await.until("some records delivered", TIMEOUT, () -> fake.totalApplied() > 100);
        cluster.addWorker();
        run.produce(stream.tail(half));

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertDlqEmpty(run);
        run.delete();
        cluster.removeWorker();
    }

    @Test
    void asynchronousJobsDeliverWithOffsetsWaitingForTheirResults() {
        fake = ItemsApiFake.builder().jobDelayMs(100).jobFailureProbability(0.3).seed(5).build().start();
        SinkRun run = SinkRun.create(cluster, "items", 2);
        Map<String, String> config = config(run, fake, 1);
        config.put("items.async", "true");
        config.put("batch.max.records", "20"); // enough jobs that some fail
        UpdateStream stream = stream(200, 3, 6);
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertDlqEmpty(run);
        assertTrue(fake.jobCounts().getOrDefault("failed", 0L) > 0, "some jobs failed and were redone");
        run.delete();
    }

    @Test
    void aSmallRateWindowIsRespectedWithFewRateLimitAnswers() {
        fake = ItemsApiFake.builder().rateLimit(20, 2000).build().start();
        SinkRun run = SinkRun.create(cluster, "items", 2);
        Map<String, String> config = config(run, fake, 1);
        config.put("rate.limit.requests", "20");
        config.put("rate.limit.window.ms", "2000");
        config.put("batch.max.records", "10");
        UpdateStream stream = stream(600, 1, 8);
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        long requests = fake.requestLog().countRoute("POST " + ItemsApiFake.BATCH_PATH);
        long limited = fake.requestLog().count(r -> r.status() == 429);
        assertTrue(requests >= 60, "needed at least 60 requests, saw " + requests);
        assertTrue(limited * 100 < requests, limited + " of " + requests + " requests answered 429");
        run.delete();
    }
}
