package io.outflow.connect.braze;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.RetryExhaustedAction;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.engine.Backoff;
import io.outflow.connect.common.engine.DeliveryEngine;
import io.outflow.connect.common.engine.EngineListener;
import io.outflow.connect.common.engine.EngineMetrics;
import io.outflow.connect.common.engine.EngineSettings;
import io.outflow.connect.common.engine.ExecutorScheduler;
import io.outflow.connect.common.engine.PendingRecord;
import io.outflow.connect.common.engine.RateBudget;
import io.outflow.connect.common.http.HttpTransport;
import io.outflow.connect.common.offset.OffsetTracker;
import io.outflow.connect.testkit.connect.Await;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine with the Braze destination and scripted answers: what a partial success, a refusal and a 5XX mean
 * for which objects are sent again. Braze never deduplicates events, so an object it accepted must never be resent.
 */
class BrazeOnTheEngineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Scripted transport = new Scripted();
    private final Outcomes outcomes = new Outcomes();
    private final OffsetTracker tracker = new OffsetTracker();
    private ExecutorScheduler scheduler;
    private Operation write;
    private DeliveryEngine engine;

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private void start(String recordType) {
        Map<String, String> props = new HashMap<>();
        props.put(BrazeConfig.API_URL_CONFIG, "https://rest.test.braze.com");
        props.put(BrazeConfig.API_KEY_CONFIG, "key");
        props.put(BrazeConfig.RECORD_TYPE_CONFIG, recordType);
        props.put("sync.mode", "events".equals(recordType) ? "append" : "upsert");
        Destination braze = BrazeDestination.create(new OutflowSinkConfig(BrazeConfig.def(), props), transport);
        write = braze.writeOperation();
        scheduler = new ExecutorScheduler("braze-engine-test", Map.of());
        engine = new DeliveryEngine(braze, transport, scheduler, RateBudget.unlimited(),
                new Backoff(1, 10, () -> 0.5), new EngineSettings(0, 4, 60_000, RetryExhaustedAction.FAIL, 60_000),
                outcomes, EngineMetrics.NONE);
    }

    private PendingRecord record(long offset, String user, Map<String, Object> fields) {
        SinkRecord sink = new SinkRecord("t", 0, null, user, null, fields, offset);
        return new PendingRecord(sink, tracker.track(new TopicPartition("t", 0), offset), write,
                write.prepare(user, fields), write.keyed() ? user : null);
    }

    private List<PendingRecord> events(int n) {
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", "renewed");
            fields.put("time", "2026-01-15T10:00:00Z");
            fields.put("seq", (long) i);
            records.add(record(i, "u" + i, fields));
        }
        return records;
    }

    private void awaitSettled(int records) {
        Await.until(records + " records settled", TIMEOUT, () -> outcomes.settled() == records);
        assertEquals(null, outcomes.fatal);
    }

    @Test
    void aPartialSuccessIsOneRequestAndOnlyTheNamedObjectIsDeadLettered() {
        start("events");
        transport.answer(201, "{\"message\":\"success\",\"events_processed\":2,\"errors\":[{\"type\":"
                + "\"'time' is not valid\",\"input_array\":\"events\",\"index\":1}]}");
        List<PendingRecord> records = events(3);
        engine.submit(records);

        awaitSettled(3);
        assertEquals(1, transport.sent.size(), "the accepted events are never sent again");
        assertEquals(List.of(records.get(0), records.get(2)), outcomes.delivered);
        assertEquals("'time' is not valid", outcomes.deadLetters.get(records.get(1)).message());
    }

    @Test
    void aServerErrorSendsTheWholeRequestAgainBecauseNothingWasAccepted() {
        start("events");
        transport.answer(500, "{\"message\":\"Internal Server Error\"}");
        transport.answer(201, "{\"message\":\"success\",\"events_processed\":3}");
        engine.submit(events(3));

        awaitSettled(3);
        assertEquals(2, transport.sent.size());
        assertEquals(transport.sent.get(0), transport.sent.get(1), "the same request again");
        assertEquals(3, outcomes.delivered.size());
    }

    @Test
    void aRefusedRequestIsNarrowedDownToItsBadObject() {
        start("events");
        String refused = "{\"message\":\"Valid data must be provided in the 'attributes', 'events', or "
                + "'purchases' fields.\",\"errors\":[{\"type\":\"'time' is not valid\",\"index\":0}]}";
        transport.answer(400, refused);                                          // [e0, e1]
        transport.answer(201, "{\"message\":\"success\",\"events_processed\":1}"); // [e0]
        transport.answer(400, refused);                                          // [e1]
        List<PendingRecord> records = events(2);
        engine.submit(records);

        awaitSettled(2);
        assertEquals(3, transport.sent.size());
        assertEquals(List.of(records.get(0)), outcomes.delivered);
        assertTrue(outcomes.deadLetters.get(records.get(1)).message().endsWith("'time' is not valid"));
    }

    @Test
    void anUnplacedErrorSendsAttributesAgainOneByOne() {
        start("attributes");
        transport.answer(201, "{\"message\":\"success\",\"errors\":[{\"type\":\"something\"}]}");
        transport.answer(201, "{\"message\":\"success\",\"attributes_processed\":1}");
        transport.answer(201, "{\"message\":\"success\",\"attributes_processed\":1}");
        engine.submit(List.of(record(0, "u1", Map.of("plan", "pro")), record(1, "u2", Map.of("plan", "pro"))));

        awaitSettled(2);
        assertEquals(3, transport.sent.size());
        assertEquals(2, outcomes.delivered.size());
    }

    /** Answers requests in order with the scripted answers and keeps each request's body. */
    private static final class Scripted implements HttpTransport {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        private final Queue<HttpResult> answers = new ArrayDeque<>();

        synchronized void answer(int status, String json) {
            answers.add(new HttpResult(status, Map.of(), json.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public synchronized CompletableFuture<HttpResult> send(String baseUrl, HttpRequestSpec request,
                                                               Map<String, String> extraHeaders) {
            sent.add(new String(request.body(), StandardCharsets.UTF_8));
            HttpResult next = answers.poll();
            return next == null ? CompletableFuture.failedFuture(new IllegalStateException("no answer scripted"))
                    : CompletableFuture.completedFuture(next);
        }

        @Override
        public void close() {
        }
    }

    /** What the engine reported, read from the test thread. */
    private static final class Outcomes implements EngineListener {
        final List<PendingRecord> delivered = Collections.synchronizedList(new ArrayList<>());
        final Map<PendingRecord, Reason> deadLetters = Collections.synchronizedMap(new LinkedHashMap<>());
        volatile ConnectException fatal;

        int settled() {
            return delivered.size() + deadLetters.size();
        }

        @Override
        public void delivered(PendingRecord record) {
            delivered.add(record);
        }

        @Override
        public void superseded(PendingRecord record) {
        }

        @Override
        public void deadLetter(PendingRecord record, Reason reason) {
            deadLetters.put(record, reason);
        }

        @Override
        public void fatal(ConnectException error) {
            fatal = error;
        }

        @Override
        public void quotaExhausted(boolean exhausted) {
        }
    }
}
