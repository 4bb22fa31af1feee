package io.outflow.connect.reliability;

import io.outflow.connect.reliability.destination.DestinationUnderTest;
import io.outflow.connect.reliability.destination.FakeOptions;
import io.outflow.connect.reliability.env.ConnectEnv;
import io.outflow.connect.reliability.env.EmbeddedEnv;
import io.outflow.connect.reliability.env.ProcessEnv;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.DownMode;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.Json;
import io.outflow.connect.testkit.process.ConnectWorkerProcess;
import io.outflow.connect.testkit.process.Ports;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault matrix's scenarios, each written once against {@link DestinationUnderTest} and run for every connector
 * by the test classes ({@link FaultMatrixIT}, {@link SlowFaultMatrixIT}, {@link ProcessFaultMatrixIT}). Each runs a
 * stream of updates over many keys across partitions, states its expected outcome in its comment and asserts it.
 * <p>
 * Recoverable scenarios end in {@link Scenario#assertRecovered}: the destination holds each key's last value (every
 * event), the DLQ holds exactly the invalid records, committed offsets reach the end, the connector runs, and
 * duplicate deliveries stay within the scenario's bound. Unrecoverable ones first check the task failure and the
 * committed offsets, then fix the cause, restart the tasks through REST and end the same way.
 */
final class Scenarios {
    /** 300 keys × 3 updates = 900 records over 3 partitions, 2 tasks, batches of 10. */
    static final int KEYS = 300;
    static final int UPDATES = 3;

    private static final AtomicInteger GROUPS = new AtomicInteger();

    private Scenarios() {
    }

    // ------------------------------------------------------------------ HTTP faults

    /**
     * 30% of requests answered 500 or 503, and three records the destination refuses mixed into the stream.
     * Expected: every key's last value, exactly the three invalid records in the DLQ, no duplicate (a 5xx applies
     * nothing).
     */
    static void http5xxBursts(ConnectEnv env, DestinationUnderTest destination) {
        FaultPlan plan = FaultPlan.builder().http500(0.15).http503(0.15).build();
        try (Scenario s = Scenario.begin(env, "5xx-bursts", destination, FakeOptions.defaults().faults(plan).seed(5))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 1);
            List<ProducerRecordSpec> invalid = destination.invalidRecords(3);
            s.start(s.config());
            s.produce(interleave(stream.records(), invalid));

            s.assertRecovered(stream, keys(invalid), () -> 0, "3 invalid records dead-lettered");
            assertTrue(s.fake().faults().count(FaultKind.HTTP_500) + s.fake().faults().count(FaultKind.HTTP_503) >= 10,
                    "5xx were injected: " + s.faultSummary());
        }
    }

    /**
     * Every request answered 429 for at least 3 s (and at least 4 times: every batch in flight), then the storm
     * stops. retry.timeout.ms is 2 s, shorter than the storm: waiting for a rate limit is not retrying. Expected:
     * everything delivered, nothing dead-lettered, no duplicate, the task never fails.
     */
    static void rateLimitStorm(ConnectEnv env, DestinationUnderTest destination, boolean withRetryAfter) {
        FaultKind kind = withRetryAfter ? FaultKind.HTTP_429_RETRY_AFTER : FaultKind.HTTP_429_NO_RETRY_AFTER;
        FaultPlan storm = FaultPlan.builder().probability(kind, 1.0).retryAfterSeconds(1).build();
        String name = withRetryAfter ? "429-storm-retry-after" : "429-storm-no-retry-after";
        try (Scenario s = Scenario.begin(env, name, destination, FakeOptions.defaults())) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 2);
            Map<String, String> config = s.config();
            config.put("retry.timeout.ms", "2000");
            s.start(config);
            s.fake().faults().plan(storm);
            long stormStart = System.nanoTime();
            s.produce(stream.records());
            Await.until("a storm of at least 3 s and 4 answers 429", Scenario.TIMEOUT,
                    () -> s.fake().faults().count(kind) >= 4
                            && System.nanoTime() - stormStart >= Duration.ofSeconds(3).toNanos());
            s.fake().faults().plan(FaultPlan.none());
            long answers = s.fake().faults().count(kind);
            long stormSeconds = Duration.ofNanos(System.nanoTime() - stormStart).toSeconds();

            s.assertRecovered(stream, Set.of(), () -> 0, answers + " answers 429 over " + stormSeconds
                    + " s, retry.timeout.ms=2000");
        }
    }

    /**
     * 15% of requests answered after 1.5 s, past the connector's 0.5 s response timeout: the fake applies them
     * after the connector gave up on the answer and sent the batch again. Expected: every key's last value,
     * duplicates bounded by the records sent again after a timeout.
     */
    static void responsesSlowerThanTheResponseTimeout(ConnectEnv env, DestinationUnderTest destination) {
        FaultPlan plan = FaultPlan.builder().slow(0.15).slowDelayMs(1500).build();
        try (Scenario s = Scenario.begin(env, "slow-responses", destination, FakeOptions.defaults().faults(plan)
                .seed(7))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 3);
            Map<String, String> config = s.config();
            config.put("http.response.timeout.ms", "500");
            s.start(config);
            s.produce(stream.records());

            s.assertRecovered(stream, Set.of(), s::duplicateBoundFromFaults, "response timeout 0.5 s");
            assertTrue(s.fake().faults().count(FaultKind.SLOW) >= 5, "slow answers: " + s.faultSummary());
        }
    }

    /**
     * The deterministic case of the scenario above, for upserts: the first update of 20 keys is answered after 1.5 s
     * (past the 0.5 s response timeout) and applied then; the connector sends it again, and after that the keys'
     * second update, well before the first request is applied. Expected (README, "No older value overwrites a newer
     * one"): every key ends with its second value.
     */
    static void timedOutRequestAppliedLate(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "timed-out-request-applied-late", destination, FakeOptions.defaults())) {
            UpdateStream stream = destination.stream(20, 2, 16);
            List<ProducerRecordSpec> first = withSeq(stream.records(), 0);
            List<ProducerRecordSpec> second = withSeq(stream.records(), 1);
            Map<String, String> config = s.config();
            config.put("http.response.timeout.ms", "500");
            s.start(config);
            s.fake().faults().plan(FaultPlan.builder().slow(1.0).slowDelayMs(1500).build());
            s.produce(first);
            Await.until("a first update's request is held by the destination", Scenario.TIMEOUT,
                    () -> s.fake().faults().count(FaultKind.SLOW) >= 1);
            s.fake().faults().plan(FaultPlan.none());
            s.produce(second);

            s.assertRecovered(stream, Set.of(), s::duplicateBoundFromFaults, "first attempt answered after 1.5 s, "
                    + "response timeout 0.5 s");
        }
    }

    private static List<ProducerRecordSpec> withSeq(List<ProducerRecordSpec> records, int seq) {
        return records.stream().filter(r -> Json.parse(r.value()).path("seq").asInt() == seq).toList();
    }

    /**
     * 10% of connections closed before the request is applied, 10% after it is applied (the answer is lost).
     * Expected: every key's last value; duplicates only from the requests applied then dropped.
     */
    static void connectionsResetMidRequest(ConnectEnv env, DestinationUnderTest destination) {
        FaultPlan plan = FaultPlan.builder().dropBeforeApply(0.1).dropAfterApply(0.1).build();
        try (Scenario s = Scenario.begin(env, "connection-resets", destination, FakeOptions.defaults().faults(plan)
                .seed(11))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 4);
            s.start(s.config());
            s.produce(stream.records());

            s.assertRecovered(stream, Set.of(), s::duplicateBoundFromFaults, "");
            assertTrue(s.fake().faults().count(FaultKind.DROP_AFTER_APPLY) >= 3, "drops: " + s.faultSummary());
        }
    }

    /**
     * The API URL points at a port nothing listens on any more (the fake's socket closed after half the stream),
     * with retry.timeout.ms=3000. Expected: every task fails after about 3 s with a message saying it gave up, why
     * (no answer) and what to do; nothing past what was delivered is committed. Then the host listens again on that
     * port, the tasks are restarted through REST, and everything arrives.
     */
    static void unreachableHost(ConnectEnv env, DestinationUnderTest destination) {
        int port = Ports.free();
        try (Scenario s = Scenario.begin(env, "unreachable-host", destination, FakeOptions.defaults().port(port))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 12);
            int half = stream.size() / 2;
            Map<String, String> config = s.config();
            config.put("retry.timeout.ms", "3000");
            config.put("retry.backoff.max.ms", "500");
            s.start(config);
            s.produce(stream.head(half));
            s.awaitDelivered(stream.head(half));
            s.awaitOffsetsAtEnd();

            s.fake().goOffline();
            long offline = System.nanoTime();
            s.produce(stream.tail(half));
            ConnectorState failed = s.awaitAllTasksFailed();
            double failedAfter = (System.nanoTime() - offline) / 1e9;
            for (ConnectorState.Task task : failed.tasks()) {
                assertTrue(task.trace().contains("Giving up on a batch")
                                && task.trace().contains("retry.timeout.ms=3000")
                                && task.trace().contains("no answer from")
                                && task.trace().contains("restart the task"),
                        "the failure says why and what to do:\n" + task.trace());
            }
            long committed = s.assertCommittedOnlyWhatWasDelivered();
            assertTrue(committed < stream.size(), "records after the host went away were not all committed");
            Map<TopicPartition, Long> atFailure = s.committed();

            s.fake().comeOnline();
            s.restartFailedTasks();
            s.assertRecovered(stream, Set.of(), () -> s.recordsFrom(atFailure), String.format(
                    "tasks failed %.1f s after the host went away: %s", failedAfter,
                    message(failed.tasks().get(0).trace())));
        }
    }

    /**
     * The destination drops every connection for longer than three times retry.backoff.max.ms (500 ms), then comes
     * back (retry.timeout.ms keeps its default, 15 minutes). Expected: nothing fails, every key's last value, no
     * duplicate (nothing was applied while down).
     */
    static void destinationDownThenBack(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "down-then-back", destination, FakeOptions.defaults())) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 13);
            int half = stream.size() / 2;
            Map<String, String> config = s.config();
            config.put("retry.backoff.ms", "50");
            config.put("retry.backoff.max.ms", "500");
            s.start(config);
            s.produce(stream.head(half));
            Await.until("some records delivered", Scenario.TIMEOUT, () -> s.tally(stream.head(half)).writes() >= 20);

            s.fake().faults().goDown(DownMode.DROP_CONNECTION);
            long down = System.nanoTime();
            s.produce(stream.tail(half));
            Await.until("down for more than 3 × retry.backoff.max.ms", Scenario.TIMEOUT,
                    () -> System.nanoTime() - down >= Duration.ofMillis(2000).toNanos()
                            && s.fake().faults().count(FaultKind.DOWN) >= 5);
            s.fake().faults().comeBack();
            double downSeconds = (System.nanoTime() - down) / 1e9;

            s.assertRecovered(stream, Set.of(), s::duplicateBoundFromFaults, String.format(
                    "down %.1f s (retry.backoff.max.ms=500), %d requests refused", downSeconds,
                    s.fake().faults().count(FaultKind.DOWN)));
        }
    }

    // ------------------------------------------------------------------ credentials

    /** OAuth access tokens expire mid-run. Expected: a 401, one refresh, nothing lost, no duplicate. */
    static void oauthAccessTokensExpireMidRun(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "oauth-expiry", destination, FakeOptions.defaults().oauth(true))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 5);
            int half = stream.size() / 2;
            s.start(s.config());
            s.produce(stream.head(half));
            s.awaitDelivered(stream.head(half));
            long before = s.fake().accessTokensIssued();
            s.fake().expireRefreshedCredentials();
            s.produce(stream.tail(half));

            s.assertRecovered(stream, Set.of(), () -> 0, "access tokens issued "
                    + s.fake().accessTokensIssued());
            assertTrue(s.fake().accessTokensIssued() > before, "a new access token was fetched");
        }
    }

    /**
     * A static credential (private app token, API token, REST API key) is revoked mid-run. Expected: every task
     * fails with a message naming the credential key; nothing past what was delivered is committed. The credential
     * is allowed again, the tasks are restarted through REST, and everything arrives.
     */
    static void staticCredentialRevokedMidRun(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "credential-revoked", destination, FakeOptions.defaults())) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 6);
            int half = stream.size() / 2;
            s.start(s.config());
            s.produce(stream.head(half));
            s.awaitDelivered(stream.head(half));
            s.awaitOffsetsAtEnd();
            s.fake().revokeCredentials();
            s.produce(stream.tail(half));

            ConnectorState failed = s.awaitAllTasksFailed();
            for (ConnectorState.Task task : failed.tasks()) {
                assertTrue(task.trace().contains("refused the credentials")
                                && task.trace().contains(destination.credentialKey()),
                        "the failure names the credential key " + destination.credentialKey() + ":\n" + task.trace());
            }
            long committed = s.assertCommittedOnlyWhatWasDelivered();
            assertTrue(committed < stream.size(), "the records after the revocation were not all committed");
            Map<TopicPartition, Long> atFailure = s.committed();

            s.fake().restoreCredentials();
            s.restartFailedTasks();
            s.assertRecovered(stream, Set.of(), () -> s.recordsFrom(atFailure),
                    "tasks failed: " + message(failed.tasks().get(0).trace()));
        }
    }

    // ------------------------------------------------------------------ the connector's lifecycle

    /**
     * Paused mid-stream (PUT /pause), the rest of the stream produced while paused. Expected: what was taken
     * before the pause settles and is committed, nothing newer is delivered while paused; resumed (PUT /resume),
     * everything arrives, no duplicate.
     */
    static void pauseAndResume(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "pause-resume", destination, FakeOptions.defaults())) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 7);
            int half = stream.size() / 2;
            s.start(s.config());
            s.produce(stream.head(half));
            s.pause();
            Map<TopicPartition, Long> headEnd = s.endOffsets();
            s.produce(stream.tail(half));
            s.awaitOffsets(headEnd, "the records produced before the pause");
            assertNothingBeyond(s, stream.head(half));

            s.resume();
            s.assertRecovered(stream, Set.of(), () -> 0, "");
        }
    }

    /**
     * Task 0 restarted through REST (POST /connectors/{name}/tasks/0/restart) mid-stream. Expected: everything
     * arrives; duplicates at most the records not committed when the task restarted.
     */
    static void taskRestartThroughRest(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "task-restart", destination, FakeOptions.defaults().latencyMs(20))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 8);
            int half = stream.size() / 2;
            s.start(s.config());
            s.produce(stream.head(half));
            Await.until("some records delivered", Scenario.TIMEOUT, () -> s.tally(stream.head(half)).writes() >= 30);
            Map<TopicPartition, Long> before = s.committed();
            s.restartTask(0);
            s.produce(stream.tail(half));
            s.awaitRunning();

            s.assertRecovered(stream, Set.of(), () -> s.recordsFrom(before), "");
        }
    }

    /**
     * After everything is delivered: PUT /stop, DELETE /offsets, PUT /resume. Expected: every record is delivered
     * again; upserts end in the same state (idempotent), every event is recorded exactly once more.
     */
    static void offsetsResetThroughRest(ConnectEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "offsets-reset", destination, FakeOptions.defaults())) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 9);
            s.start(s.config());
            s.produce(stream.records());
            s.awaitDelivered(stream);
            s.awaitOffsetsAtEnd();
            Map<String, Integer> writesBefore = s.fake().writes();
            Tally first = s.tally(stream);

            s.stop();
            s.resetOffsets();
            s.resume();
            Await.until("every key or event delivered again", Scenario.TIMEOUT, () -> {
                Map<String, Integer> now = s.fake().writes();
                return writesBefore.entrySet().stream()
                        .allMatch(e -> now.getOrDefault(e.getKey(), 0) > e.getValue());
            });
            Tally tally = s.assertRecovered(stream, Set.of(), () -> stream.size() + first.duplicates(),
                    "all " + stream.size() + " records replayed");
            if (!destination.keyed()) {
                assertEquals(stream.size() + first.duplicates(), tally.duplicates(),
                        "the replay records every event exactly once more");
            }
        }
    }

    /**
     * A second worker joins the Connect cluster mid-stream: the connector's 3 tasks are spread over both workers
     * (tasks stop on one and start on the other, partitions move). Expected: everything arrives; duplicates at most
     * the records not committed when the worker joined.
     */
    static void secondWorkerJoins(EmbeddedEnv env, DestinationUnderTest destination) {
        try (Scenario s = Scenario.begin(env, "worker-joins", destination, FakeOptions.defaults().latencyMs(20))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 10);
            int half = stream.size() / 2;
            Map<String, String> config = s.config();
            config.put("tasks.max", "3"); // with the connector, 4 units: 2 move to the new worker
            s.start(config);
            s.produce(stream.head(half));
            Await.until("some records delivered", Scenario.TIMEOUT, () -> s.tally(stream.head(half)).writes() >= 30);
            Map<TopicPartition, Long> before = s.committed();
            env.cluster().addWorker();
            s.produce(stream.tail(half));
            s.awaitState("tasks running on 2 workers", state -> state.running(3) && state.workers() == 2);

            s.assertRecovered(stream, Set.of(), () -> s.recordsFrom(before), "3 tasks, 2 workers");
        } finally {
            if (env.cluster().workerCount() > 1) {
                env.cluster().removeWorker();
            }
        }
    }

    /**
     * The worker process is killed with SIGKILL mid-stream (no task stops, no offset is committed, requests are cut
     * off); the rest of the stream is produced while it is dead; a new worker process starts in its place. Expected:
     * everything arrives; duplicates at most the records not committed when the worker died.
     */
    static void workerKilled(ProcessEnv env, DestinationUnderTest destination) throws IOException {
        String group = "reliability-kill-" + GROUPS.incrementAndGet();
        ConnectWorkerProcess worker = env.startWorker(group, Scenario.TIMEOUT);
        try (Scenario s = Scenario.begin(env, "worker-sigkill", destination, FakeOptions.defaults().latencyMs(100))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 14);
            int half = stream.size() / 2;
            s.start(s.config());
            s.produce(stream.head(half));
            Await.until("some records delivered", Scenario.TIMEOUT, () -> s.tally(stream.head(half)).writes() >= 30);
            Map<TopicPartition, Long> before = s.committed();
            env.kill(worker);
            long killedWrites = s.tally(stream).writes();
            s.produce(stream.tail(half));
            env.startWorker(group, Scenario.TIMEOUT);
            s.awaitRunning();

            s.assertRecovered(stream, Set.of(), () -> s.recordsFrom(before), "killed after " + killedWrites
                    + " writes");
        } finally {
            env.stopWorkers();
        }
    }

    /**
     * Zendesk jobs take 3 s; the worker is killed with SIGKILL while jobs it queued are still pending, so their
     * results are never read (and their records never committed); a new worker starts and sends those records
     * again. The dead worker's jobs still complete, before the new ones (Zendesk runs an account's jobs in order).
     * Expected: every user ends with its last value; duplicates at most the records not committed.
     */
    static void asyncJobsPendingWhenTheWorkerDies(ProcessEnv env, DestinationUnderTest destination)
            throws IOException {
        String group = "reliability-jobs-" + GROUPS.incrementAndGet();
        ConnectWorkerProcess worker = env.startWorker(group, Scenario.TIMEOUT);
        try (Scenario s = Scenario.begin(env, "jobs-pending-sigkill", destination, FakeOptions.defaults()
                .jobDelay(Duration.ofSeconds(3)))) {
            UpdateStream stream = destination.stream(KEYS, UPDATES, 15);
            int half = stream.size() / 2;
            s.start(s.config());
            s.produce(stream.head(half));
            Await.until("jobs queued", Scenario.TIMEOUT, () -> pending(s) >= 4);
            Map<TopicPartition, Long> before = s.committed();
            env.kill(worker);
            long pendingAtKill = pending(s);
            assertTrue(pendingAtKill > 0, "jobs were pending when the worker died: " + s.fake().jobCounts());
            s.produce(stream.tail(half));
            env.startWorker(group, Scenario.TIMEOUT);
            s.awaitRunning();

            s.assertRecovered(stream, Set.of(), () -> s.recordsFrom(before), pendingAtKill
                    + " jobs pending at the kill");
        } finally {
            env.stopWorkers();
        }
    }

    private static long pending(Scenario s) {
        Map<String, Long> jobs = s.fake().jobCounts();
        return jobs.getOrDefault("queued", 0L) + jobs.getOrDefault("working", 0L);
    }

    // ------------------------------------------------------------------ helpers

    /** No key holds a value newer than these records' (no event beyond them is recorded). */
    static void assertNothingBeyond(Scenario s, List<ProducerRecordSpec> produced) {
        Map<String, Integer> maxSeq = new HashMap<>();
        Set<String> events = produced.stream().map(r -> Json.parse(r.value()).path("event_id").asText())
                .collect(Collectors.toSet());
        produced.forEach(r -> maxSeq.merge(r.key(), Json.parse(r.value()).path("seq").asInt(), Math::max));
        List<String> beyond = s.fake().held().entrySet().stream()
                .filter(e -> maxSeq.containsKey(e.getKey()) ? e.getValue() > maxSeq.get(e.getKey())
                        : !events.contains(e.getKey()))
                .map(Map.Entry::getKey).limit(5).toList();
        assertTrue(beyond.isEmpty(), "delivered while paused: " + beyond);
    }

    /** The invalid records spread evenly through the stream. */
    static List<ProducerRecordSpec> interleave(List<ProducerRecordSpec> records, List<ProducerRecordSpec> invalid) {
        List<ProducerRecordSpec> all = new ArrayList<>(records);
        for (int i = 0; i < invalid.size(); i++) {
            all.add((int) ((long) (i + 1) * records.size() / (invalid.size() + 1)) + i, invalid.get(i));
        }
        return all;
    }

    static Set<String> keys(List<ProducerRecordSpec> records) {
        return records.stream().map(ProducerRecordSpec::key).collect(Collectors.toSet());
    }

    /** The task's failure message: the deepest "Caused by" of its trace, without the exception class. */
    static String message(String trace) {
        String line = trace.lines().findFirst().orElse(trace);
        for (String l : trace.lines().toList()) {
            if (l.startsWith("Caused by: ")) {
                line = l.substring("Caused by: ".length());
            }
        }
        int colon = line.indexOf(": ");
        return colon < 0 ? line : line.substring(colon + 2);
    }
}
