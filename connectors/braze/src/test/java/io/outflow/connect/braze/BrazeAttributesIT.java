package io.outflow.connect.braze;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Braze connector in attributes mode on a real Connect worker, delivering to the testkit's Braze fake: final
 * attributes per user across partitions and tasks, faults, bad records in the DLQ, deletes, update-only mode and
 * Braze's rate-limit headers.
 */
class BrazeAttributesIT {
    private static final Logger log = LoggerFactory.getLogger(BrazeAttributesIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String REASON = "__connect.errors.exception.message";

    private static ConnectTestCluster cluster;
    private BrazeFake braze;

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
        if (braze != null) {
            braze.close();
        }
    }

    /** A fresh topic, DLQ topic and connector name for each test. */
    private static final class Run {
        final String name = "braze-attributes-" + RUN.incrementAndGet();
        final String topic = name + "-in";
        final String dlq = name + "-dlq";
    }

    private Run setUp(int partitions) {
        Run run = new Run();
        cluster.createTopic(run.topic, partitions);
        cluster.createTopic(run.dlq, 1);
        return run;
    }

    private Map<String, String> config(Run run, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", BrazeSinkConnector.class.getName());
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", run.topic);
        config.put("braze.api.url", braze.baseUrl());
        config.put("braze.api.key", BrazeFake.DEFAULT_API_KEY);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", run.dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put("linger.ms", "20");
        config.put("retry.backoff.ms", "20");
        config.put("retry.backoff.max.ms", "300");
        config.put("http.response.timeout.ms", "1000");
        return config;
    }

    private static UpdateStream stream(int users, int updatesPerUser, long seed) {
        return UpdateStream.generate(users, updatesPerUser, seed, i -> "user-" + i,
                (user, n) -> Map.of("seq", n, "plan", "plan-" + n));
    }

    private void awaitFinalState(UpdateStream stream) {
        Await.until("Braze holds each user's last attributes", TIMEOUT, () -> {
            Map<String, Map<String, Object>> users = braze.users();
            return stream.lastValues().entrySet().stream().allMatch(expected -> {
                Map<String, Object> actual = users.get(expected.getKey());
                return actual != null && expected.getValue().get("seq").equals(((Number) actual.get("seq")).intValue())
                        && expected.getValue().get("plan").equals(actual.get("plan"));
            });
        });
        assertEquals(stream.lastValues().keySet(), braze.users().keySet(), "no other users");
    }

    private void assertDlqEmpty(Run run) {
        assertTrue(cluster.dlqRecords(run.dlq, 0, Duration.ofSeconds(2)).isEmpty(), "the DLQ is empty");
    }

    private static Map<String, String> reasonsByKey(List<ConsumedRecord> dead) {
        return dead.stream().collect(Collectors.toMap(r -> r.key() == null ? "<null>" : r.key(),
                r -> String.valueOf(r.header(REASON))));
    }

    @Test
    void manyUpdatesPerUserOverPartitionsAndTasksEndWithEachUsersLastAttributes() {
        braze = BrazeFake.builder().build().start();
        Run run = setUp(4);
        UpdateStream stream = stream(300, 5, 1);
        cluster.configureConnector(run.name, config(run, 2));
        cluster.awaitConnectorRunning(run.name, 2, TIMEOUT);
        cluster.produceJson(run.topic, stream.records());

        awaitFinalState(stream);
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        assertDlqEmpty(run);
        assertEquals(0, braze.counts().objectErrors());
        cluster.deleteConnector(run.name);
    }

    @Test
    void seededFaultsReachTheSameFinalStateWithAnEmptyDlq() {
        braze = BrazeFake.builder()
                .faults(FaultPlan.builder().http500(0.05).http503(0.05).rateLimited(0.04)
                        .rateLimitedWithoutRetryAfter(0.02).slow(0.02).slowDelayMs(1500)
                        .dropBeforeApply(0.03).dropAfterApply(0.03).build())
                .seed(7)
                .build().start();
        Run run = setUp(4);
        UpdateStream stream = stream(200, 4, 2);
        Map<String, String> config = config(run, 2);
        config.put("batch.max.records", "10"); // many requests, so many faults
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 2, TIMEOUT);
        cluster.produceJson(run.topic, stream.records());

        awaitFinalState(stream);
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        assertDlqEmpty(run);
        assertTrue(braze.faults().totalInjected() > 0, "faults were injected");
        cluster.deleteConnector(run.name);
    }

    @Test
    void badRecordsGoToTheDlqWithTheirReasonAndEverythingElseArrives() {
        braze = BrazeFake.builder().build().start();
        Run run = setUp(1);
        cluster.configureConnector(run.name, config(run, 1));
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(ProducerRecordSpec.json("good-" + i, Map.of("plan", "pro", "tags", List.of("a", "b"))));
        }
        records.add(ProducerRecordSpec.json(null, Map.of("plan", "pro")));
        records.add(ProducerRecordSpec.json("long-string", Map.of("note", "secret-" + "x".repeat(300))));
        records.add(ProducerRecordSpec.json("long-name", Map.of("n".repeat(300), "v")));
        // Braze allows 25 array items by default; only Braze knows the attribute's limit, so its error decides.
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tags.add("tag-" + i);
        }
        records.add(ProducerRecordSpec.json("too-many-tags", Map.of("tags", tags)));
        cluster.produceJson(run.topic, records);

        Map<String, String> reasons = reasonsByKey(cluster.dlqRecords(run.dlq, 4, TIMEOUT));
        assertEquals(Set.of("<null>", "long-string", "long-name", "too-many-tags"), reasons.keySet());
        assertTrue(reasons.get("<null>").contains("no key"), reasons.get("<null>"));
        assertTrue(reasons.get("long-string").contains("field 'note'")
                && reasons.get("long-string").contains("string.overflow=reject"), reasons.get("long-string"));
        assertFalse(reasons.get("long-string").contains("secret-"), "the reason never shows the value");
        assertTrue(reasons.get("long-name").contains("at most 255"), reasons.get("long-name"));
        assertTrue(reasons.get("too-many-tags").contains("Braze refused the record")
                && reasons.get("too-many-tags").contains("more than 25 items"), reasons.get("too-many-tags"));

        Await.until("every good record arrives", TIMEOUT, () -> braze.users().size() == 30);
        assertEquals(List.of("a", "b"), braze.user("good-7").orElseThrow().get("tags"));
        assertFalse(braze.users().containsKey("too-many-tags"), "an object Braze refused changes nothing");
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        assertEquals(4, cluster.dlqRecords(run.dlq, 4, Duration.ofSeconds(2)).size(), "exactly those four");
        cluster.deleteConnector(run.name);
    }

    @Test
    void tombstonesDeleteUsers() {
        braze = BrazeFake.builder().build().start();
        Run run = setUp(2);
        Map<String, String> config = config(run, 1);
        config.put("behavior.on.null.values", "delete");
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);
        cluster.produceJson(run.topic, List.of(
                ProducerRecordSpec.json("a", Map.of("plan", "pro")),
                ProducerRecordSpec.json("b", Map.of("plan", "pro")),
                ProducerRecordSpec.json("c", Map.of("plan", "pro"))));
        Await.until("three users", TIMEOUT, () -> braze.users().size() == 3);
        cluster.produceJson(run.topic, List.of(ProducerRecordSpec.tombstone("a"), ProducerRecordSpec.tombstone("c"),
                ProducerRecordSpec.tombstone("never-existed")));

        Await.until("a and c are deleted", TIMEOUT, () -> braze.users().keySet().equals(Set.of("b")));
        Await.until("every delete was sent", TIMEOUT,
                () -> Set.copyOf(braze.deletedIds()).equals(Set.of("a", "c", "never-existed")));
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        assertDlqEmpty(run);
        cluster.deleteConnector(run.name);
    }

    @Test
    void updateOnlyModeNeverCreatesUsers() throws Exception {
        braze = BrazeFake.builder().build().start();
        track("{\"attributes\":[{\"external_id\":\"known\",\"plan\":\"free\"}]}");
        Run run = setUp(1);
        Map<String, String> config = config(run, 1);
        config.put("sync.mode", "update");
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);
        cluster.produceJson(run.topic, List.of(
                ProducerRecordSpec.json("known", Map.of("plan", "pro")),
                ProducerRecordSpec.json("unknown", Map.of("plan", "pro"))));

        Map<String, String> reasons = reasonsByKey(cluster.dlqRecords(run.dlq, 1, TIMEOUT));
        assertEquals(Set.of("unknown"), reasons.keySet());
        assertTrue(reasons.get("unknown").contains("user not found"), reasons.get("unknown"));
        Await.until("the known user is updated", TIMEOUT,
                () -> "pro".equals(braze.user("known").orElseThrow().get("plan")));
        assertEquals(Set.of("known"), braze.users().keySet());
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        cluster.deleteConnector(run.name);
    }

    @Test
    void brazesRateLimitHeadersHoldRequestsBackSoFewAnswer429() {
        braze = BrazeFake.builder().rateLimit(10, 1000).build().start();
        Run run = setUp(2);
        Map<String, String> config = config(run, 1);
        config.put("rate.limit.requests", "0"); // only Braze's X-RateLimit-* headers pace the connector
        config.put("batch.max.records", "5");
        UpdateStream stream = stream(150, 1, 3);
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);
        cluster.produceJson(run.topic, stream.records());

        awaitFinalState(stream);
        long requests = braze.requestLog().countRoute("POST " + BrazeFake.TRACK_PATH);
        long limited = braze.rateLimitedCount();
        log.info("{} track requests, {} answered 429 by the rate limit", requests, limited);
        assertTrue(requests >= 30, "needed at least 30 requests, saw " + requests);
        assertTrue(limited * 4 < requests, limited + " of " + requests + " requests answered 429");
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        assertDlqEmpty(run);
        cluster.deleteConnector(run.name);
    }

    @Test
    void a429WaitsUntilTheWindowResets() throws Exception {
        braze = BrazeFake.builder().rateLimit(20, 3000).build().start();
        for (int i = 0; i < 20; i++) {
            track("{\"attributes\":[{\"external_id\":\"other-client\",\"n\":" + i + "}]}"); // another client
        }
        Run run = setUp(1);
        Map<String, String> config = config(run, 1);
        config.put("batch.max.records", "5");
        config.put("max.in.flight.requests", "1");
        UpdateStream stream = stream(20, 1, 4);
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);
        cluster.produceJson(run.topic, stream.records());

        Await.until("every user arrives", TIMEOUT, () -> braze.users().keySet().containsAll(stream.lastValues().keySet()));
        long limited = braze.rateLimitedCount();
        log.info("{} answered 429 while another client held the window", limited);
        // Backoff alone (20 to 300 ms) would knock about ten times during the 3-s window; the reset says when.
        assertTrue(limited >= 1 && limited <= 3, limited + " requests answered 429");
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        assertDlqEmpty(run);
        cluster.deleteConnector(run.name);
    }

    /** Creates users directly in the fake, as another Braze client would. */
    private void track(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(braze.baseUrl() + BrazeFake.TRACK_PATH))
                .header("Authorization", "Bearer " + BrazeFake.DEFAULT_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }
}
