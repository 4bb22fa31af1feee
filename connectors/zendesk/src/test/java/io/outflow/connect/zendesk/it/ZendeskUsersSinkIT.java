package io.outflow.connect.zendesk.it;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConnectorStatus;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.zendesk.ZendeskFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.outflow.connect.zendesk.it.ZendeskItSupport.TIMEOUT;
import static io.outflow.connect.zendesk.it.ZendeskItSupport.customField;
import static io.outflow.connect.zendesk.it.ZendeskItSupport.fastFake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Zendesk connector writing users on a real Connect worker to the testkit's Zendesk fake: bulk jobs followed to
 * their results, final state per user, faults, bad records, deletes, a restart with jobs still queued, the job
 * queue limit, the rate limit and bulk import switched off.
 */
class ZendeskUsersSinkIT {
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
        return ZendeskItSupport.config(run, fake, "users", tasks);
    }

    private static UpdateStream stream(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "u" + i,
                (key, n) -> Map.of("name", "User " + key + " v" + n, "email", key + "@example.com", "seq", n));
    }

    private void awaitFinalState(UpdateStream stream) {
        Await.until("Zendesk holds each user's last value", TIMEOUT, () -> {
            Map<String, Map<String, Object>> users = fake.users();
            for (Map.Entry<String, Map<String, Object>> expected : stream.lastValues().entrySet()) {
                Map<String, Object> user = users.get(expected.getKey());
                Object seq = customField(user, "user_fields", "seq");
                if (!(seq instanceof Number) || ((Number) seq).intValue() != (Integer) expected.getValue().get("seq")
                        || !expected.getValue().get("name").equals(user.get("name"))) {
                    return false;
                }
            }
            return true;
        });
        assertEquals(stream.lastValues().size(), fake.users().size(), "no other users");
    }

    @Test
    void manyUpdatesPerUserOverPartitionsAndTasksEndWithEachUsersLastValue() {
        fake = fastFake().build().start();
        SinkRun run = SinkRun.create(cluster, "zd-users", 4);
        UpdateStream stream = stream(1000, 5, 1);
        run.start(config(run, fake, 2), TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        assertTrue(fake.requestLog().countRoute("GET " + ZendeskFake.JOB_STATUSES_PATH + "/{id}") > 0,
                "jobs were followed");
        run.delete();
    }

    @Test
    void seededFaultsAndFailingJobsReachTheSameFinalStateWithAnEmptyDlq() {
        fake = fastFake()
                .faults(FaultPlan.builder().http500(0.04).http503(0.04).rateLimited(0.03).retryAfterSeconds(1)
                        .slow(0.02).slowDelayMs(1500).dropBeforeApply(0.03).dropAfterApply(0.03).build())
                .jobFailureProbability(0.1)
                .seed(7)
                .build().start();
        SinkRun run = SinkRun.create(cluster, "zd-faults", 4);
        UpdateStream stream = stream(400, 3, 2);
        Map<String, String> config = config(run, fake, 2);
        config.put("batch.max.records", "5"); // many jobs, so many faults
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        assertTrue(fake.faults().counts().values().stream().mapToLong(Long::longValue).sum() >= 10,
                "faults were injected: " + fake.faults().counts());
        assertTrue(fake.jobCounts().getOrDefault("failed", 0L) > 0, "some jobs failed and were redone");
        run.delete();
    }

    @Test
    void badRecordsGoToTheDlqWithZendesksReasonAndEveryOtherUserArrives() {
        fake = fastFake().build().start();
        SinkRun run = SinkRun.create(cluster, "zd-bad", 2);
        run.start(config(run, fake, 1), TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(ProducerRecordSpec.json("good" + i, Map.of("name", "Good " + i, "email",
                    "good" + i + "@example.com", "plan", "pro")));
        }
        records.add(ProducerRecordSpec.json("bad-email", Map.of("name", "Bad Email", "email", "not-an-email")));
        records.add(ProducerRecordSpec.json("bad-role", Map.of("name", "Bad Role", "email", "r@example.com",
                "role", "boss")));
        records.add(ProducerRecordSpec.json("no-name", Map.of("email", "n@example.com")));
        records.add(ProducerRecordSpec.json("bad-map", Map.of("name", "Bad Map", "address", Map.of("city", "x"))));
        records.add(ProducerRecordSpec.json(null, Map.of("name", "No Key")));
        run.produce(records);

        Map<String, String> reasons = run.deadLetterReasons(5, TIMEOUT);
        assertEquals(Set.of("bad-email", "bad-role", "no-name", "bad-map", "<null>"), reasons.keySet());
        assertTrue(reasons.get("bad-email").contains("UserUpdateError") && reasons.get("bad-email")
                .contains("Email:"), reasons.get("bad-email"));
        assertTrue(reasons.get("bad-role").contains("UserUpdateError") && reasons.get("bad-role").contains("Role:"),
                reasons.get("bad-role"));
        assertTrue(reasons.get("no-name").contains("Name: cannot be blank"), reasons.get("no-name"));
        assertTrue(reasons.get("bad-map").contains("field 'address'"), reasons.get("bad-map"));
        assertTrue(reasons.get("<null>").contains("no key"), reasons.get("<null>"));

        Await.until("every good user arrives", TIMEOUT, () -> fake.users().size() == 30);
        assertEquals("pro", customField(fake.user("good7").orElseThrow(), "user_fields", "plan"));
        run.awaitOffsetsAtEnd(TIMEOUT);
        run.delete();
    }

    @Test
    void tombstonesDeleteUsersByExternalId() {
        fake = fastFake().build().start();
        SinkRun run = SinkRun.create(cluster, "zd-delete", 1);
        Map<String, String> config = config(run, fake, 1);
        config.put("behavior.on.null.values", "delete");
        run.start(config, TIMEOUT);
        run.produce(List.of(
                ProducerRecordSpec.json("a", Map.of("name", "A", "email", "a@example.com")),
                ProducerRecordSpec.json("b", Map.of("name", "B", "email", "b@example.com"))));
        Await.until("both arrive", TIMEOUT, () -> fake.users().size() == 2);
        run.produce(List.of(ProducerRecordSpec.tombstone("a"), ProducerRecordSpec.tombstone("x")));
        Await.until("a is deleted", TIMEOUT, () -> fake.users().keySet().equals(Set.of("b")));
        assertTrue(fake.deletedUserKeys().contains("a"));
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        run.delete();
    }

    @Test
    void aTaskRestartWhileJobsAreStillQueuedLosesNothing() {
        fake = fastFake().jobDelay(Duration.ofMillis(1500)).build().start();
        SinkRun run = SinkRun.create(cluster, "zd-restart", 4);
        UpdateStream stream = stream(300, 4, 3);
        Map<String, String> config = config(run, fake, 2);
        config.put("batch.max.records", "25");
        // The stopping task does not wait for its jobs: their results are never read, and the records are sent
        // again by the restarted task (offsets waited for the results).
        config.put("close.timeout.ms", "100");
        run.start(config, TIMEOUT);
        int half = stream.size() / 2;
        run.produce(stream.head(half));
        Await.until("jobs are queued", TIMEOUT, () -> fake.jobCounts().getOrDefault("queued", 0L) > 0);
        cluster.restartTask(run.name(), 0);
        run.produce(stream.tail(half));
        cluster.awaitConnectorRunning(run.name(), 2, TIMEOUT);

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        run.delete();
    }

    @Test
    void aFullJobQueueIsWaitedForNotAnError() {
        fake = fastFake().maxQueuedJobs(2).jobDelay(Duration.ofMillis(200)).build().start();
        SinkRun run = SinkRun.create(cluster, "zd-queue", 2);
        UpdateStream stream = stream(100, 2, 4);
        Map<String, String> config = config(run, fake, 2);
        config.put("batch.max.records", "10");
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT);
        assertTrue(run.deadLetterQueueEmpty(), "the DLQ is empty");
        assertTrue(fake.jobQueueFullCount() > 0, "the job queue was full at times");
        run.delete();
    }

    @Test
    void aSmallRateWindowIsRespectedWithFewRateLimitAnswers() {
        fake = fastFake().rateLimit(30, 3000).build().start();
        SinkRun run = SinkRun.create(cluster, "zd-rate", 2);
        Map<String, String> config = config(run, fake, 1);
        config.put("rate.limit.requests", "30");
        config.put("rate.limit.window.ms", "3000");
        config.put("batch.max.records", "10");
        UpdateStream stream = stream(300, 1, 5);
        run.start(config, TIMEOUT);
        run.produce(stream.records());

        awaitFinalState(stream);
        run.awaitOffsetsAtEnd(TIMEOUT); // every job's result was read, not only applied
        long requests = fake.requestLog().count(r -> !r.inspection());
        long limited = fake.tooManyRequestsCount();
        assertTrue(requests >= 60, "needed at least 60 requests, saw " + requests);
        assertTrue(limited * 20 < requests, limited + " of " + requests + " requests answered 429");
        run.delete();
    }

    @Test
    void bulkImportSwitchedOffFailsTheTaskSayingZendeskMustEnableIt() {
        fake = fastFake().bulkImportEnabled(false).build().start();
        SinkRun run = SinkRun.create(cluster, "zd-bulk-off", 1);
        run.start(config(run, fake, 1), TIMEOUT);
        run.produce(List.of(ProducerRecordSpec.json("a", Map.of("name", "A"))));

        ConnectorStatus status = cluster.awaitStatus(run.name(), "the task fails", s -> s.firstFailedTask().isPresent(),
                TIMEOUT);
        String trace = status.firstFailedTask().orElseThrow().trace();
        assertTrue(trace.contains("bulk user import must be enabled by Zendesk"), trace);
        assertTrue(fake.users().isEmpty());
        run.delete();
    }
}
