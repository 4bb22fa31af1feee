package io.outflow.connect.reliability;

import io.outflow.connect.reliability.destination.DestinationUnderTest;
import io.outflow.connect.reliability.destination.FakeDestination;
import io.outflow.connect.reliability.destination.FakeOptions;
import io.outflow.connect.reliability.env.ConnectEnv;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.Json;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scenario run for one destination: its fake, a fresh input topic (3 partitions), DLQ topic and connector
 * (2 tasks) on an environment, the REST operations the scenarios perform, and the checks they end with.
 */
final class Scenario implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scenario.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String REASON = "__connect.errors.exception.message";

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final int PARTITIONS = 3;
    static final int TASKS = 2;
    static final int BATCH = 10;

    private final ConnectEnv env;
    private final String scenario;
    private final DestinationUnderTest destination;
    private final FakeDestination fake;
    private final String name;
    private final String topic;
    private final String dlq;
    private final long startNanos = System.nanoTime();
    private int tasks = TASKS;
    private int batch = BATCH;

    private Scenario(ConnectEnv env, String scenario, DestinationUnderTest destination, FakeOptions options) {
        this.env = env;
        this.scenario = scenario;
        this.destination = destination;
        this.name = destination.name() + "-" + scenario + "-" + COUNT.incrementAndGet();
        this.topic = name + "-in";
        this.dlq = name + "-dlq";
        env.createTopic(topic, PARTITIONS);
        env.createTopic(dlq, 1);
        this.fake = destination.start(options);
    }

    /** Starts the destination's fake and creates the scenario's topics. */
    static Scenario begin(ConnectEnv env, String scenario, DestinationUnderTest destination, FakeOptions options) {
        log.info("=== {} for {}", scenario, destination.name());
        return new Scenario(env, scenario, destination, options);
    }

    FakeDestination fake() {
        return fake;
    }

    /**
     * What every scenario starts from: 2 tasks, a DLQ with context headers, errors.tolerance=all, batches of 10 (2 in
     * flight per task), short backoffs and timeouts, the connector's own rate limit off; plus the keys pointing at
     * the fake.
     */
    Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", destination.connectorClass());
        config.put("tasks.max", Integer.toString(TASKS));
        config.put("topics", topic);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put("batch.max.records", Integer.toString(BATCH));
        // Few batches in flight, so a key's next update often waits for the one in flight: ordering under retries.
        config.put("max.in.flight.requests", "2");
        config.put("linger.ms", "20");
        config.put("retry.backoff.ms", "20");
        config.put("retry.backoff.max.ms", "300");
        config.put("http.response.timeout.ms", "2000");
        // A request that got no answer may be applied late; its keys stay reserved this long (the production
        // default is a minute). Longer than any late answer the scenarios inject.
        config.put("retry.unanswered.fence.ms", "4000");
        config.put("rate.limit.requests", "0");
        config.putAll(fake.connectorConfig());
        return config;
    }

    /** Creates the connector with the configuration and waits until it and its tasks run. */
    void start(Map<String, String> config) {
        tasks = Integer.parseInt(config.get("tasks.max"));
        batch = Integer.parseInt(config.getOrDefault("batch.max.records", Integer.toString(BATCH)));
        ConnectRestClient.Reply reply = env.rest().put("/connectors/" + name + "/config", config);
        assertTrue(reply.status() == 201 || reply.status() == 200, "create " + name + ": " + reply.rawBody());
        awaitRunning();
        awaitConsumersAssigned();
    }

    /**
     * Waits until the tasks' consumer group is stable with every task a member and every partition assigned, so a
     * scenario's records are not caught in the start-up rebalance (tasks join one after the other), which would add
     * duplicates of its own (records delivered but not committed when partitions move).
     */
    void awaitConsumersAssigned() {
        String group = ConnectEnv.sinkGroupId(name);
        Await.until(name + ": consumer group stable with " + tasks + " members", TIMEOUT, () -> {
            ConsumerGroupDescription description;
            try {
                description = env.admin().describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                        .get(group);
            } catch (Exception e) {
                throw new IllegalStateException("describe " + group, e);
            }
            Set<TopicPartition> assigned = new HashSet<>();
            description.members().forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
            return description.groupState() == GroupState.STABLE && description.members().size() == tasks
                    && assigned.size() == PARTITIONS;
        });
    }

    int batchSize() {
        return batch;
    }

    void produce(List<ProducerRecordSpec> records) {
        env.produce(topic, records);
    }

    // ------------------------------------------------------------------ what the destination holds

    Tally tally(UpdateStream stream) {
        return tally(stream.records());
    }

    /** What the destination holds against what these records (in produced order) say it must hold. */
    Tally tally(List<ProducerRecordSpec> records) {
        Map<String, Integer> held = fake.held();
        Map<String, Integer> writes = fake.writes();
        List<String> examples = new ArrayList<>();
        int missing = 0;
        int stale = 0;
        int unexpected = 0;
        long duplicates = 0;
        int expectedCount;
        if (destination.keyed()) {
            Map<String, Integer> produced = new HashMap<>();
            Map<String, Integer> last = new LinkedHashMap<>();
            for (ProducerRecordSpec record : records) {
                produced.merge(record.key(), 1, Integer::sum);
                last.put(record.key(), Json.parse(record.value()).path("seq").asInt());
            }
            expectedCount = last.size();
            for (Map.Entry<String, Integer> expected : last.entrySet()) {
                Integer holds = held.get(expected.getKey());
                if (holds == null) {
                    missing++;
                    example(examples, expected.getKey() + " missing");
                } else if (!holds.equals(expected.getValue())) {
                    stale++;
                    example(examples, expected.getKey() + " holds seq " + holds + " not " + expected.getValue()
                            + " (" + writes.getOrDefault(expected.getKey(), 0) + " writes applied)");
                }
            }
            for (String key : held.keySet()) {
                if (!last.containsKey(key)) {
                    unexpected++;
                    example(examples, key + " unexpected");
                }
            }
            for (Map.Entry<String, Integer> w : writes.entrySet()) {
                duplicates += Math.max(0, w.getValue() - produced.getOrDefault(w.getKey(), 0));
            }
        } else {
            Set<String> expected = eventIds(records);
            expectedCount = expected.size();
            for (String id : expected) {
                if (!held.containsKey(id)) {
                    missing++;
                    example(examples, id + " missing");
                }
            }
            for (Map.Entry<String, Integer> h : held.entrySet()) {
                if (!expected.contains(h.getKey())) {
                    unexpected++;
                    example(examples, h.getKey() + " unexpected");
                }
                duplicates += h.getValue() - 1;
            }
        }
        long totalWrites = writes.values().stream().mapToLong(Integer::longValue).sum();
        return new Tally(expectedCount, missing, stale, unexpected, records.size(), totalWrites, duplicates,
                List.copyOf(examples));
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }

    private static Set<String> eventIds(List<ProducerRecordSpec> records) {
        return records.stream().map(r -> Json.parse(r.value()).path("event_id").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waits until the destination holds exactly what the stream says; fails at once if a task fails. */
    void awaitDelivered(UpdateStream stream) {
        awaitDelivered(stream.records());
    }

    void awaitDelivered(List<ProducerRecordSpec> records) {
        try {
            Await.until(name + ": the destination holds what was produced", TIMEOUT, () -> {
                failIfATaskFailed();
                return tally(records).complete();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " — " + tally(records) + "; faults " + faultSummary(), e);
        }
    }

    private void failIfATaskFailed() {
        ConnectorState state;
        try {
            state = state();
        } catch (RuntimeException e) {
            return; // the REST API is busy (a rebalance): look again next time
        }
        state.tasks().stream().filter(ConnectorState.Task::failed).findFirst().ifPresent(task -> {
            throw new AssertionError("task " + name + "-" + task.id() + " FAILED:\n" + task.trace());
        });
    }

    // ------------------------------------------------------------------ offsets

    Map<TopicPartition, Long> committed() {
        return env.committedOffsets(name);
    }

    Map<TopicPartition, Long> endOffsets() {
        return env.endOffsets(topic);
    }

    /** Waits until the connector committed, on every partition, the end offset the topic has now. */
    void awaitOffsetsAtEnd() {
        awaitOffsets(endOffsets(), "the end of " + topic);
    }

    /** Waits until the committed offsets reach {@code target} on every partition. */
    void awaitOffsets(Map<TopicPartition, Long> target, String description) {
        Await.until(name + " committed up to " + description + " " + target, TIMEOUT, () -> {
            failIfATaskFailed();
            Map<TopicPartition, Long> committed = committed();
            return target.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
        });
    }

    /** Records at or after the given committed offsets: what a restart may deliver again. */
    long recordsFrom(Map<TopicPartition, Long> committed) {
        return endOffsets().entrySet().stream()
                .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum();
    }

    /**
     * Nothing is committed past what was delivered. Append: every input record below a committed offset is recorded
     * by the destination. Keyed: a record counts as done when it was delivered or replaced by a newer record of its
     * key (which carries its change, docs/engine.md), so every key whose records are all below the committed offsets
     * holds its last value or a newer one; a key with a record at or after a committed offset is read again after a
     * restart. Returns how many records are committed, so a scenario can check that the failure stopped the commits.
     */
    long assertCommittedOnlyWhatWasDelivered() {
        Map<TopicPartition, Long> committed = committed();
        long total = endOffsets().values().stream().mapToLong(Long::longValue).sum();
        List<ConsumedRecord> records = env.read(topic, (int) total, TIMEOUT);
        Map<String, Integer> held = fake.held();
        long committedRecords = 0;
        Map<String, ConsumedRecord> lastOfKey = new HashMap<>();
        Set<String> replayed = new HashSet<>();
        List<String> undelivered = new ArrayList<>();
        for (ConsumedRecord record : records) {
            long offset = committed.getOrDefault(new TopicPartition(topic, record.partition()), 0L);
            if (record.offset() >= offset) {
                replayed.add(record.key());
                continue;
            }
            committedRecords++;
            lastOfKey.put(record.key(), record);
            if (!destination.keyed() && !held.containsKey(Json.parse(record.value()).path("event_id").asText())
                    && undelivered.size() < 5) {
                undelivered.add(record.key() + "@" + record.partition() + ":" + record.offset());
            }
        }
        if (destination.keyed()) {
            for (ConsumedRecord last : lastOfKey.values()) {
                if (!replayed.contains(last.key())
                        && held.getOrDefault(last.key(), -1) < Json.parse(last.value()).path("seq").asInt()
                        && undelivered.size() < 5) {
                    undelivered.add(last.key() + "@" + last.partition() + ":" + last.offset());
                }
            }
        }
        assertTrue(undelivered.isEmpty(), "committed but never delivered: " + undelivered + " (committed "
                + committed + ")");
        return committedRecords;
    }

    // ------------------------------------------------------------------ dead letters

    /** The DLQ holds exactly records with these keys (each once), whose reasons name the destination. */
    Map<String, String> assertDeadLetters(Set<String> keys) {
        long count = env.endOffsets(dlq).values().stream().mapToLong(Long::longValue).sum();
        if (keys.isEmpty()) {
            assertEquals(0, count, "the DLQ of " + name + " is empty");
            return Map.of();
        }
        List<ConsumedRecord> dead = env.read(dlq, (int) count, TIMEOUT);
        Map<String, String> reasons = new LinkedHashMap<>();
        dead.forEach(r -> reasons.merge(String.valueOf(r.key()), String.valueOf(r.header(REASON)),
                (a, b) -> a + " | " + b));
        assertEquals(keys, reasons.keySet(), "the DLQ holds exactly the invalid records");
        assertEquals(keys.size(), dead.size(), "each invalid record dead-lettered once: " + reasons);
        return reasons;
    }

    // ------------------------------------------------------------------ the connector through REST

    ConnectorState state() {
        ConnectRestClient.Reply reply = env.rest().get("/connectors/" + name + "/status");
        if (reply.status() != 200 || reply.body() == null) {
            throw new IllegalStateException("status of " + name + ": HTTP " + reply.status() + " " + reply.rawBody());
        }
        return ConnectorState.fromJson(reply.body());
    }

    ConnectorState awaitState(String description, Predicate<ConnectorState> condition) {
        return Await.untilPresent(name + ": " + description, TIMEOUT,
                () -> Optional.of(state()).filter(condition));
    }

    void awaitRunning() {
        awaitState("RUNNING with " + tasks + " tasks", s -> {
            if ("FAILED".equals(s.state())) {
                throw new AssertionError("connector " + name + " FAILED");
            }
            failIfATaskFailed();
            return s.running(tasks);
        });
    }

    ConnectorState awaitAllTasksFailed() {
        return awaitState("every task FAILED", s -> s.allTasksFailed(tasks));
    }

    /** POST /connectors/{name}/restart?includeTasks=true&onlyFailed=true, then waits until all run. */
    void restartFailedTasks() {
        ConnectRestClient.Reply reply = env.rest().post("/connectors/" + name
                + "/restart?includeTasks=true&onlyFailed=true");
        assertTrue(reply.status() == 202 || reply.status() == 204, "restart: HTTP " + reply.status() + " "
                + reply.rawBody());
        // The status shows the old FAILED state until the restarted tasks report: wait for RUNNING, not for a change.
        awaitState("RUNNING again with " + tasks + " tasks after the restart", s -> s.running(tasks));
    }

    /** POST /connectors/{name}/tasks/{id}/restart. */
    void restartTask(int id) {
        ConnectRestClient.Reply reply = env.rest().post("/connectors/" + name + "/tasks/" + id + "/restart");
        assertTrue(reply.status() == 204 || reply.status() == 202, "restart task: HTTP " + reply.status() + " "
                + reply.rawBody());
    }

    void pause() {
        expect(202, env.rest().put("/connectors/" + name + "/pause", Map.of()), "pause");
        awaitState("PAUSED", s -> s.paused(tasks));
    }

    void resume() {
        expect(202, env.rest().put("/connectors/" + name + "/resume", Map.of()), "resume");
        awaitRunning();
    }

    /** PUT /connectors/{name}/stop: the connector and its tasks stop, the configuration stays. */
    void stop() {
        expect(202, env.rest().put("/connectors/" + name + "/stop", Map.of()), "stop");
        awaitState("STOPPED", s -> "STOPPED".equals(s.state()) && s.tasks().isEmpty());
    }

    /** DELETE /connectors/{name}/offsets on the stopped connector (retried while the group still has members). */
    void resetOffsets() {
        Await.until(name + ": DELETE /offsets answered 200", TIMEOUT, () -> {
            ConnectRestClient.Reply reply = env.rest().delete("/connectors/" + name + "/offsets");
            if (reply.status() != 200) {
                log.info("DELETE /connectors/{}/offsets: HTTP {} {}", name, reply.status(), reply.rawBody());
            }
            return reply.status() == 200;
        });
        Await.until(name + ": no committed offsets", TIMEOUT, () -> committed().isEmpty());
    }

    private static void expect(int status, ConnectRestClient.Reply reply, String what) {
        assertTrue(reply.status() / 100 == status / 100, what + ": HTTP " + reply.status() + " " + reply.rawBody());
    }

    // ------------------------------------------------------------------ the end of a scenario

    /**
     * The outcome of every recoverable scenario: the destination holds what the stream produced, the DLQ holds
     * exactly {@code deadLetterKeys}, committed offsets reach the end, the connector still runs, and duplicate
     * deliveries stay within the bound. Records the measured result.
     * <p>
     * Committed offsets at the end mean every record is done (delivered, replaced by a newer record of its key, or
     * dead-lettered); once the fake has also finished the requests it was made slow, the destination's state is
     * final and is checked once, so a wrong final state fails at once instead of being waited for.
     */
    Tally assertRecovered(UpdateStream stream, Set<String> deadLetterKeys, LongSupplier bound, String notes) {
        awaitOffsetsAtEnd();
        awaitFakeIdle();
        Tally tally = tally(stream);
        assertTrue(tally.complete(), "the destination's final state: " + tally + "; faults " + faultSummary());
        assertDeadLetters(deadLetterKeys);
        long duplicateBound = bound.getAsLong();
        assertTrue(tally.duplicates() <= duplicateBound, tally.duplicates() + " duplicates, bound "
                + duplicateBound + ": " + tally + "; faults " + faultSummary() + "; " + diagnostics());
        assertTrue(state().running(tasks), "still running: " + state());
        finish(tally, duplicateBound, notes);
        return tally;
    }

    /**
     * Waits until the fake has finished every request it was made slow (it logs a request once handled): a slow
     * request the connector gave up on is applied late, and the final state is only final after it.
     */
    void awaitFakeIdle() {
        Await.until(name + ": the fake handled every slow request", TIMEOUT,
                () -> fake.requestLog().count(e -> e.fault() == FaultKind.SLOW) >= fake.faults().count(FaultKind.SLOW));
    }

    /** Records the scenario's result (it passed). */
    void finish(Tally tally, long duplicateBound, String notes) {
        String faults = faultSummary();
        Results.record(scenario, destination.name(), (System.nanoTime() - startNanos) / 1e9, tally, duplicateBound,
                notes + (faults.isEmpty() ? "" : (notes.isEmpty() ? "" : "; ") + "faults " + faults));
    }

    /**
     * Requests a correct client may have had applied twice: applied, then the connection dropped, or applied after
     * the client's response timeout.
     */
    long requestsAppliedWithoutAnswer() {
        return fake.faults().appliedThenDropped() + fake.faults().count(FaultKind.SLOW);
    }

    /** The duplicates the injected faults can cause: each request applied without an answer, a batch's worth. */
    long duplicateBoundFromFaults() {
        return requestsAppliedWithoutAnswer() * batch;
    }

    String faultSummary() {
        return fake.faults().counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
                + (fake.faults().appliedThenDropped() > 0 ? " appliedThenDropped=" + fake.faults().appliedThenDropped()
                : "");
    }

    /** The fake's requests by route, status and fault, and the tasks' metrics: for failure messages. */
    String diagnostics() {
        return "requests " + fake.requestLog().summary() + "; task metrics " + env.taskMetrics(name);
    }

    /** Deletes the connector and stops the fake. */
    @Override
    public void close() {
        try {
            env.rest().delete("/connectors/" + name);
        } catch (RuntimeException e) {
            log.warn("could not delete connector {}: {}", name, e.toString());
        } finally {
            fake.close();
        }
    }
}
