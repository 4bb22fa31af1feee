package io.outflow.connect.common.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.config.RetryExhaustedAction;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.offset.OffsetTracker;
import io.outflow.connect.common.testdest.ItemsDestination;
import io.outflow.connect.common.testdest.ItemsOperations;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LINGER = 50;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final OffsetTracker tracker = new OffsetTracker();
    private final Recorder listener = new Recorder(tracker);

    private Operation write = ItemsOperations.upsert(100, 1024 * 1024, true, false, 50);
    private Operation delete = ItemsOperations.delete(100);
    private Authenticator auth = Authenticator.NONE;
    private int maxInFlight = 4;
    private long retryTimeoutMs = 60_000;
    private RetryExhaustedAction exhaustedAction = RetryExhaustedAction.FAIL;
    private long fenceMs = 5_000;
    private DeliveryEngine engine;

    /** Records what the engine reports. */
    static final class Recorder implements EngineListener {
        private final OffsetTracker tracker;
        final List<PendingRecord> delivered = new ArrayList<>();
        final List<PendingRecord> superseded = new ArrayList<>();
        final Map<PendingRecord, Reason> deadLetters = new LinkedHashMap<>();
        ConnectException fatal;
        Boolean quota;

        Recorder(OffsetTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public void delivered(PendingRecord record) {
            delivered.add(record);
            tracker.done(record.ticket());
        }

        @Override
        public void superseded(PendingRecord record) {
            superseded.add(record);
            tracker.done(record.ticket());
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
            quota = exhausted;
        }
    }

    private DeliveryEngine engine() {
        if (engine == null) {
            Destination destination = new ItemsDestination("http://items.test", auth, write, delete);
            engine = new DeliveryEngine(destination, transport, scheduler, RateBudget.unlimited(),
                    new Backoff(100, 1000, () -> 0.5),
                    new EngineSettings(LINGER, maxInFlight, retryTimeoutMs, exhaustedAction, 60_000, fenceMs),
                    listener, EngineMetrics.NONE);
        }
        return engine;
    }

    private PendingRecord record(int partition, long offset, String key, Object value) {
        return record(partition, offset, key, value, write);
    }

    private PendingRecord record(int partition, long offset, String key, Object value, Operation operation) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", value);
        SinkRecord sink = new SinkRecord("t", partition, null, key, null, fields, offset);
        OffsetTracker.Ticket ticket = tracker.track(new TopicPartition("t", partition), offset);
        return new PendingRecord(sink, ticket, operation, operation.prepare(key, value == null ? Map.of() : fields),
                operation.keyed() ? key : null);
    }

    private void submit(PendingRecord... records) {
        engine().submit(List.of(records));
        scheduler.runPending();
    }

    private static JsonNode body(ScriptedTransport.Exchange exchange) {
        try {
            return JSON.readTree(exchange.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int items(ScriptedTransport.Exchange exchange) {
        JsonNode body = body(exchange);
        return body.has("items") ? body.get("items").size() : body.get("keys").size();
    }

    private static String allOk(int n) {
        StringBuilder sb = new StringBuilder("{\"results\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append("{\"index\":").append(i).append(",\"status\":\"ok\"}");
        }
        return sb.append("]}").toString();
    }

    private void replyAllOk(ScriptedTransport.Exchange exchange) {
        exchange.reply(200, allOk(items(exchange)));
        scheduler.runPending();
    }

    @Test
    void fullBatchesGoAtOnceAndTheRestAfterLinger() {
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            records.add(record(0, i, "k" + i, i));
        }
        engine().submit(records);
        scheduler.runPending();
        List<ScriptedTransport.Exchange> first = transport.takeOpen();
        assertEquals(2, first.size(), "two full batches go without waiting");
        assertEquals(100, items(first.get(0)));
        assertEquals(100, items(first.get(1)));

        scheduler.advance(LINGER - 1);
        assertEquals(0, transport.openCount(), "the partial batch lingers");
        scheduler.advance(1);
        List<ScriptedTransport.Exchange> rest = transport.takeOpen();
        assertEquals(1, rest.size());
        assertEquals(50, items(rest.get(0)));

        first.forEach(this::replyAllOk);
        rest.forEach(this::replyAllOk);
        assertEquals(250, listener.delivered.size());
        assertEquals(0, engine().buffered());
        assertEquals(250L, tracker.committable().get(new TopicPartition("t", 0)).offset());
    }

    @Test
    void aKeyQueuedTwiceIsSentOnceWithItsLastValue() {
        submit(record(0, 0, "a", 1), record(0, 1, "a", 2), record(0, 2, "b", 1), record(0, 3, "a", 3));
        scheduler.advance(LINGER);
        List<ScriptedTransport.Exchange> open = transport.takeOpen();
        assertEquals(1, open.size());
        JsonNode items = body(open.get(0)).get("items");
        assertEquals(2, items.size());
        assertEquals("a", items.get(0).get("key").asText());
        assertEquals(3, items.get(0).get("fields").get("v").asInt(), "last write wins");
        assertEquals(2, listener.superseded.size());
        replyAllOk(open.get(0));
        assertEquals(4L, tracker.committable().get(new TopicPartition("t", 0)).offset(),
                "superseded records count as done once the newer one is delivered");
    }

    @Test
    void aKeyInFlightWaitsAndOnlyItsNewestValueFollows() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange first = transport.takeOpen().get(0);

        submit(record(0, 1, "a", 2), record(0, 2, "a", 3), record(0, 3, "b", 1));
        scheduler.advance(LINGER);
        List<ScriptedTransport.Exchange> second = transport.takeOpen();
        assertEquals(1, second.size());
        JsonNode items = body(second.get(0)).get("items");
        assertEquals(1, items.size(), "key a is in flight, so only b goes");
        assertEquals("b", items.get(0).get("key").asText());

        replyAllOk(first);
        scheduler.advance(LINGER);
        List<ScriptedTransport.Exchange> third = transport.takeOpen();
        assertEquals(1, third.size());
        JsonNode a = body(third.get(0)).get("items");
        assertEquals(1, a.size());
        assertEquals(3, a.get(0).get("fields").get("v").asInt(), "the newest waiting value, never the older one");
        assertEquals(1, listener.superseded.size());
        assertEquals(1L, listener.superseded.get(0).ticket().offset());
    }

    @Test
    void aTransientErrorRetriesTheSameRequestAfterBackoff() {
        submit(record(0, 0, "a", 1), record(0, 1, "b", 2));
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange first = transport.takeOpen().get(0);
        first.reply(503, "{\"error\":\"UNAVAILABLE\"}");
        scheduler.runPending();
        assertEquals(0, transport.openCount(), "no retry before the backoff");
        scheduler.advance(51); // backoff bound 100 ms * 0.5 jitter + 1
        ScriptedTransport.Exchange retry = transport.takeOpen().get(0);
        assertEquals(first.body(), retry.body(), "the same request again");
        replyAllOk(retry);
        assertEquals(2, listener.delivered.size());
        assertNull(listener.fatal);
    }

    @Test
    void aConnectionErrorIsTransientToo() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).fail(new java.net.SocketTimeoutException("Read timed out"));
        scheduler.advance(1000);
        replyAllOk(transport.takeOpen().get(0));
        assertEquals(1, listener.delivered.size());
    }

    @Test
    void retriesRunningOutFailTheTaskNamingTheLastError() {
        retryTimeoutMs = 500;
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        for (int i = 0; i < 20 && listener.fatal == null; i++) {
            transport.takeOpen().forEach(e -> e.reply(503, "{\"error\":\"UNAVAILABLE\"}"));
            scheduler.advance(1000);
        }
        assertNotNull(listener.fatal);
        assertTrue(listener.fatal.getMessage().contains("Giving up"), listener.fatal.getMessage());
        assertTrue(listener.fatal.getMessage().contains("HTTP 503 UNAVAILABLE"), listener.fatal.getMessage());
        assertTrue(listener.delivered.isEmpty());
        assertFalse(tracker.committable().containsKey(new TopicPartition("t", 0)), "nothing committed");
    }

    @Test
    void retriesRunningOutDeadLetterWhenConfigured() {
        retryTimeoutMs = 500;
        exhaustedAction = RetryExhaustedAction.DLQ;
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        for (int i = 0; i < 20 && listener.deadLetters.isEmpty(); i++) {
            transport.takeOpen().forEach(e -> e.reply(500, "{\"error\":\"BOOM\"}"));
            scheduler.advance(1000);
        }
        assertEquals(1, listener.deadLetters.size());
        Reason reason = listener.deadLetters.values().iterator().next();
        assertEquals(500, reason.httpStatus());
        assertTrue(reason.message().contains("gave up after"), reason.message());
        assertNull(listener.fatal);
    }

    @Test
    void aRateLimitWaitsForRetryAfterAndDoesNotUseRetryTime() {
        retryTimeoutMs = 1000;
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(503, "{}"); // starts the retry clock
        scheduler.advance(100);
        for (int i = 0; i < 3; i++) {
            ScriptedTransport.Exchange e = transport.takeOpen().get(0);
            e.reply(429, "{\"error\":\"RATE_LIMITED\"}", Map.of("Retry-After", List.of("2")));
            scheduler.advance(1999);
            assertEquals(0, transport.openCount(), "waits the whole Retry-After");
            scheduler.advance(1);
        }
        replyAllOk(transport.takeOpen().get(0));
        assertEquals(1, listener.delivered.size(), "6 s of rate limiting did not exhaust a 1 s retry timeout");
        assertNull(listener.fatal);
    }

    @Test
    void remainingZeroHoldsNewRequestsUntilTheReset() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        long resetAt = scheduler.nowMs() / 1000 + 3;
        transport.takeOpen().get(0).reply(200, allOk(1), Map.of("X-RateLimit-Remaining", List.of("0"),
                "X-RateLimit-Reset", List.of(Long.toString(resetAt))));
        scheduler.runPending();
        submit(record(0, 1, "b", 1));
        scheduler.advance(LINGER);
        assertEquals(0, transport.openCount(), "held: the window is used up");
        scheduler.advance(resetAt * 1000 - scheduler.nowMs());
        assertEquals(1, transport.openCount());
    }

    @Test
    void aRefusedBatchIsNarrowedDownToTheBadRecord() {
        submit(record(0, 0, "a", 1), record(0, 1, "b", 2), record(0, 2, "bad", 3), record(0, 3, "d", 4));
        scheduler.advance(LINGER);
        for (int round = 0; round < 10; round++) {
            for (ScriptedTransport.Exchange e : transport.takeOpen()) {
                if (e.body().contains("\"bad\"")) {
                    e.reply(400, "{\"error\":\"INVALID_REQUEST\",\"message\":\"bad item\"}");
                } else {
                    e.reply(200, allOk(items(e)));
                }
            }
            scheduler.runPending();
        }
        assertEquals(3, listener.delivered.size());
        assertEquals(1, listener.deadLetters.size());
        Map.Entry<PendingRecord, Reason> dead = listener.deadLetters.entrySet().iterator().next();
        assertEquals("bad", dead.getKey().key());
        assertEquals("INVALID_REQUEST", dead.getValue().code());
        assertEquals(400, dead.getValue().httpStatus());
    }

    @Test
    void partialSuccessDeadLettersTheRefusedAndRetriesTheUnansweredAlone() {
        submit(record(0, 0, "a", 1), record(0, 1, "b", 2), record(0, 2, "c", 3));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(200, "{\"results\":[{\"index\":0,\"status\":\"ok\"},"
                + "{\"index\":1,\"status\":\"error\",\"error\":{\"code\":\"INVALID_EMAIL\",\"message\":\"no @\","
                + "\"field\":\"email\"}}]}");
        scheduler.runPending();
        assertEquals(1, listener.delivered.size());
        Reason reason = listener.deadLetters.values().iterator().next();
        assertEquals("INVALID_EMAIL", reason.code());
        assertEquals("email", reason.field());
        scheduler.advance(1000);
        ScriptedTransport.Exchange alone = transport.takeOpen().get(0);
        assertEquals(1, items(alone));
        assertEquals("c", body(alone).get("items").get(0).get("key").asText());
        replyAllOk(alone);
        assertEquals(2, listener.delivered.size());
    }

    @Test
    void anAsyncJobIsPolledAndItsKeysStayInFlightUntilItCompletes() {
        write = ItemsOperations.upsert(100, 1024 * 1024, true, true, 200);
        submit(record(0, 0, "a", 1), record(0, 1, "b", 2));
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange post = transport.takeOpen().get(0);
        assertEquals("/v1/jobs", post.request.path());
        post.reply(202, "{\"job\":{\"id\":\"j1\",\"status\":\"queued\"}}");
        scheduler.runPending();
        assertTrue(listener.delivered.isEmpty(), "queued is not delivered");

        submit(record(0, 2, "a", 9));
        scheduler.advance(199);
        assertEquals(0, transport.openCount(), "neither the poll (200 ms) nor a's newer value (in flight) yet");
        scheduler.advance(1);
        ScriptedTransport.Exchange poll = transport.takeOpen().get(0);
        assertEquals("GET /v1/jobs/j1", poll.request.toString());
        poll.reply(200, "{\"job\":{\"id\":\"j1\",\"status\":\"working\"}}");
        scheduler.advance(200);
        transport.takeOpen().get(0).reply(200, "{\"job\":{\"id\":\"j1\",\"status\":\"completed\",\"results\":"
                + "[{\"index\":0,\"status\":\"ok\"},{\"index\":1,\"status\":\"ok\"}]}}");
        scheduler.runPending();
        assertEquals(2, listener.delivered.size());
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange next = transport.takeOpen().get(0);
        assertEquals(9, body(next).get("items").get(0).get("fields").get("v").asInt());
    }

    @Test
    void aFailedJobRestartsTheBatch() {
        write = ItemsOperations.upsert(100, 1024 * 1024, true, true, 10);
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(202, "{\"job\":{\"id\":\"j1\",\"status\":\"queued\"}}");
        scheduler.advance(10);
        transport.takeOpen().get(0).reply(200, "{\"job\":{\"id\":\"j1\",\"status\":\"failed\",\"message\":\"x\"}}");
        scheduler.advance(1000);
        ScriptedTransport.Exchange again = transport.takeOpen().get(0);
        assertEquals("/v1/jobs", again.request.path(), "a new job for the same records");
        again.reply(202, "{\"job\":{\"id\":\"j2\",\"status\":\"completed\",\"results\":[{\"index\":0,\"status\":\"ok\"}]}}");
        scheduler.runPending();
        assertEquals(1, listener.delivered.size());
    }

    @Test
    void unauthorizedRefreshesCredentialsOnceThenFailsNamingTheCredential() {
        AtomicInteger invalidations = new AtomicInteger();
        auth = new Authenticator() {
            @Override
            public CompletableFuture<Map<String, String>> headers() {
                return CompletableFuture.completedFuture(Map.of("Authorization", "Bearer t" + invalidations.get()));
            }

            @Override
            public boolean invalidate() {
                invalidations.incrementAndGet();
                return true;
            }
        };
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange first = transport.takeOpen().get(0);
        assertEquals("Bearer t0", first.headers.get("Authorization"));
        first.reply(401, "{\"error\":\"UNAUTHORIZED\"}");
        scheduler.runPending();
        ScriptedTransport.Exchange second = transport.takeOpen().get(0);
        assertEquals("Bearer t1", second.headers.get("Authorization"), "refreshed credentials");
        second.reply(401, "{\"error\":\"UNAUTHORIZED\"}");
        scheduler.runPending();
        assertNotNull(listener.fatal);
        assertTrue(listener.fatal.getMessage().contains("items.token"), listener.fatal.getMessage());
        assertEquals(1, invalidations.get());
    }

    @Test
    void forbiddenFailsTheTask() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(403, "{\"error\":\"FORBIDDEN\",\"message\":\"missing scope\"}");
        scheduler.runPending();
        assertNotNull(listener.fatal);
        assertTrue(listener.fatal.getMessage().contains("FORBIDDEN"));
        assertTrue(listener.deadLetters.isEmpty(), "a permission problem is not the records' fault");
    }

    @Test
    void noMoreBatchesThanTheInFlightCap() {
        maxInFlight = 2;
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(record(0, i, "k" + i, i));
        }
        engine().submit(records);
        scheduler.runPending();
        List<ScriptedTransport.Exchange> open = transport.takeOpen();
        assertEquals(2, open.size());
        replyAllOk(open.get(0));
        assertEquals(1, transport.openCount(), "one settled, one more goes");
        assertEquals(2, engine().activeBatches());
    }

    @Test
    void appendModeSendsEveryRecordInOffsetOrder() {
        write = ItemsOperations.upsert(100, 1024 * 1024, false, false, 10);
        submit(record(0, 0, "a", 1), record(0, 1, "a", 2), record(0, 2, "a", 3));
        scheduler.advance(LINGER);
        JsonNode items = body(transport.takeOpen().get(0)).get("items");
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, items.get(i).get("fields").get("v").asInt());
        }
        assertTrue(listener.superseded.isEmpty());
    }

    @Test
    void aDeleteSupersedesAQueuedUpsertOfTheSameKey() {
        submit(record(0, 0, "a", 1), record(0, 1, "a", null, delete));
        scheduler.advance(LINGER);
        List<ScriptedTransport.Exchange> open = transport.takeOpen();
        assertEquals(1, open.size());
        assertEquals("/v1/items/delete", open.get(0).request.path());
        assertEquals(1, listener.superseded.size());
    }

    @Test
    void theByteCapSplitsBatches() {
        write = ItemsOperations.upsert(100, 100, true, false, 10);
        submit(record(0, 0, "a", "x".repeat(40)), record(0, 1, "b", "x".repeat(40)), record(0, 2, "c", "x".repeat(40)));
        scheduler.advance(LINGER);
        List<ScriptedTransport.Exchange> open = transport.takeOpen();
        assertTrue(open.size() >= 2, "each item is over 40 bytes, so no more than two fit in 100");
        open.forEach(e -> assertTrue(items(e) <= 2));
    }

    @Test
    void closingWaitsForRequestsOnTheWireAndCallsBackTheRest() {
        submit(record(0, 0, "a", 1), record(1, 0, "b", 1));
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange onWire = transport.takeOpen().get(0);
        submit(record(0, 1, "c", 1), record(1, 1, "d", 1));

        CompletableFuture<Void> closed = engine().closePartitions(Set.of(new TopicPartition("t", 0)));
        scheduler.runPending();
        assertFalse(closed.isDone(), "a request carrying partition 0 is on the wire");
        replyAllOk(onWire);
        assertTrue(closed.isDone());

        scheduler.advance(LINGER);
        List<ScriptedTransport.Exchange> next = transport.takeOpen();
        assertEquals(1, next.size());
        JsonNode items = body(next.get(0)).get("items");
        assertEquals(1, items.size(), "c (partition 0, not sent) was dropped; d goes");
        assertEquals("d", items.get(0).get("key").asText());
    }

    @Test
    void anAbandonedCloseDoesNotDropRecordsOfThePartitionWhenItComesBack() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        ScriptedTransport.Exchange late = transport.takeOpen().get(0);
        CompletableFuture<Void> closed = engine().closePartitions(Set.of(new TopicPartition("t", 0)));
        scheduler.runPending();
        assertFalse(closed.isDone(), "a request carrying partition 0 is on the wire");
        engine().abandonClose(closed); // the task stopped waiting (close.timeout.ms)

        submit(record(0, 1, "b", 2)); // the rebalance gave partition 0 back to this task
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(503, "{}");
        scheduler.runPending(); // b waits for its retry
        replyAllOk(late); // the old request is answered at last
        scheduler.advance(2000);

        List<ScriptedTransport.Exchange> retried = transport.takeOpen();
        assertEquals(1, retried.size(), "b is sent again, not dropped by the close the task gave up on");
        assertEquals("b", body(retried.get(0)).get("items").get(0).get("key").asText());
    }

    @Test
    void closingCallsBackABatchWaitingForItsRetry() {
        submit(record(0, 0, "a", 1), record(1, 0, "b", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(503, "{}");
        scheduler.runPending();
        CompletableFuture<Void> closed = engine().closePartitions(Set.of(new TopicPartition("t", 0)));
        scheduler.runPending();
        assertTrue(closed.isDone(), "nothing on the wire: the waiting batch is called back at once");
        scheduler.advance(2000);
        ScriptedTransport.Exchange again = transport.takeOpen().get(0);
        JsonNode items = body(again).get("items");
        assertEquals(1, items.size());
        assertEquals("b", items.get(0).get("key").asText(), "only the kept partition's record is sent again");
    }

    @Test
    void aKeyWhoseRequestWentUnansweredStaysReservedSoTheLateRequestCannotOvertakeANewerValue() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        long sentAt = scheduler.nowMs();
        transport.takeOpen().get(0).fail(new java.net.SocketTimeoutException("500 MILLISECONDS"));
        scheduler.advance(100);
        replyAllOk(transport.takeOpen().get(0)); // the retry is answered
        assertEquals(1, listener.delivered.size(), "delivered, and its offset may be committed");

        submit(record(0, 1, "a", 2));
        scheduler.advance(LINGER);
        assertEquals(0, transport.openCount(), "the unanswered request might still be applied: a waits");
        scheduler.advance(sentAt + fenceMs - scheduler.nowMs() - 1);
        assertEquals(0, transport.openCount());
        scheduler.advance(1 + LINGER);
        JsonNode items = body(transport.takeOpen().get(0)).get("items");
        assertEquals(2, items.get(0).get("fields").get("v").asInt(), "the newer value, once the late one can't land");
    }

    @Test
    void aRequestThatNeverConnectedReservesNothing() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).fail(new java.net.ConnectException("Connection refused"));
        scheduler.advance(100);
        replyAllOk(transport.takeOpen().get(0));
        submit(record(0, 1, "a", 2));
        scheduler.advance(LINGER);
        assertEquals(1, transport.openCount(), "nothing was sent before, so the newer value goes at once");
    }

    @Test
    void anAnswerAfterATimeoutReservesNothingEither() {
        submit(record(0, 0, "a", 1));
        scheduler.advance(LINGER);
        transport.takeOpen().get(0).reply(503, "{}");
        scheduler.advance(100);
        replyAllOk(transport.takeOpen().get(0));
        submit(record(0, 1, "a", 2));
        scheduler.advance(LINGER);
        assertEquals(1, transport.openCount(), "a 503 is an answer: the destination did not apply it");
    }
}
