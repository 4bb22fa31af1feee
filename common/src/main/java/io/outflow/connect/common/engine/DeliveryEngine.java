package io.outflow.connect.common.engine;

import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.config.RetryExhaustedAction;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RecordOutcome;
import io.outflow.connect.common.destination.Step;
import io.outflow.connect.common.http.HttpTransport;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery engine: takes prepared records, batches them per operation, sends batches to the destination with
 * rate limiting and a cap on batches in delivery, reads every answer into one outcome per record, retries what is
 * transient, narrows down what is refused, and reports each record's end to the {@link EngineListener}.
 *
 * <p>Ordering: in keyed operations a key is in at most one batch at a time. A newer record of a key that is in
 * flight waits, and replaces any older waiting record of that key; when the batch settles, the newest waiting record
 * becomes ready. So an older value can never overwrite a newer one, whatever the retries.
 *
 * <p>Threading: every method except the public entry points runs on the {@link Scheduler}'s single thread; the
 * entry points hand work to it. Answers from the HTTP client are handed to it too.
 */
public final class DeliveryEngine {
    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final Destination destination;
    private final Authenticator authenticator;
    private final HttpTransport transport;
    private final Scheduler scheduler;
    private final RateBudget budget;
    private final Backoff backoff;
    private final EngineSettings settings;
    private final EngineListener listener;
    private final EngineMetrics metrics;

    private final Map<Operation, OperationQueue> queues = new LinkedHashMap<>();
    private final Map<String, PendingRecord> queuedByKey = new HashMap<>();
    private final Set<String> keysInFlight = new HashSet<>();
    private final Map<String, PendingRecord> waitingForKey = new HashMap<>();
    private final Set<BatchDelivery> active = new LinkedHashSet<>();
    private final ArrayDeque<BatchDelivery> due = new ArrayDeque<>();
    private final List<Closing> closings = new ArrayList<>();

    private final AtomicInteger buffered = new AtomicInteger();
    private volatile int activeBatches;
    private int onWire;
    private long holdUntilMs;
    private Scheduler.Cancellable wake;
    private long wakeAtMs = Long.MAX_VALUE;
    private boolean quotaExhausted;
    private boolean stopped;
    private ConnectException fatal;

    public DeliveryEngine(Destination destination, HttpTransport transport, Scheduler scheduler, RateBudget budget,
                          Backoff backoff, EngineSettings settings, EngineListener listener, EngineMetrics metrics) {
        this.destination = destination;
        this.authenticator = destination.authenticator();
        this.transport = transport;
        this.scheduler = scheduler;
        this.budget = budget;
        this.backoff = backoff;
        this.settings = settings;
        this.listener = listener;
        this.metrics = metrics;
        addQueue(destination.writeOperation());
        destination.deleteOperation().ifPresent(this::addQueue);
    }

    private void addQueue(Operation operation) {
        queues.put(operation, OperationQueue.of(operation, operation.maxBatchRecords(), operation.maxBatchBytes()));
    }

    // ---------------------------------------------------------------- entry points (any thread)

    /** Hands prepared records (in offset order) to the engine. */
    public void submit(List<PendingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        buffered.addAndGet(records.size());
        scheduler.execute(guarded(() -> {
            for (PendingRecord record : records) {
                enqueue(record);
            }
            dispatch();
        }));
    }

    /** Records held by the engine: queued, waiting for their key, or in delivery. */
    public int buffered() {
        return buffered.get();
    }

    /** Batches in delivery. */
    public int activeBatches() {
        return activeBatches;
    }

    /**
     * Lets go of partitions (a rebalance or a stop): drops their records that were not sent, calls back batches not
     * yet accepted by the destination, and completes once no request carrying their records is outstanding.
     */
    public CompletableFuture<Void> closePartitions(Set<TopicPartition> partitions) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(guarded(() -> beginClose(Set.copyOf(partitions), done)));
        return done;
    }

    /**
     * The task stopped waiting for a close ({@code close.timeout.ms}): forget it, so that when its outstanding
     * requests finish it does not call back batches carrying records the task received after the rebalance (the
     * same partitions can come back to this task, and their new records must not be dropped). The outstanding
     * requests settle as usual; their records' offsets belong to the partitions' previous assignment and are ignored.
     */
    public void abandonClose(CompletableFuture<Void> close) {
        scheduler.execute(guarded(() -> closings.removeIf(closing -> closing.done == close)));
    }

    /** Stops sending; answers still arriving are ignored. */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            stopped = true;
            if (wake != null) {
                wake.cancel();
            }
            active.forEach(BatchDelivery::cancelTimer);
            done.complete(null);
        });
        return done;
    }

    // ---------------------------------------------------------------- queueing

    private void enqueue(PendingRecord record) {
        record.readyAt(scheduler.nowMs());
        Operation operation = record.operation();
        OperationQueue queue = queues.get(operation);
        if (queue == null) {
            throw new IllegalStateException("no queue for operation " + operation.name());
        }
        if (!operation.keyed()) {
            queue.add(record);
            return;
        }
        String key = record.key();
        if (keysInFlight.contains(key)) {
            PendingRecord older = waitingForKey.put(key, record);
            if (older != null) {
                supersede(older);
            }
            return;
        }
        PendingRecord older = queuedByKey.get(key);
        if (older != null && older.operation() != operation) {
            queues.get(older.operation()).remove(key);
            supersede(older);
        }
        PendingRecord replaced = queue.add(record);
        if (replaced != null) {
            supersede(replaced);
        }
        queuedByKey.put(key, record);
    }

    private void supersede(PendingRecord record) {
        buffered.decrementAndGet();
        listener.superseded(record);
    }

    /**
     * The record has an outcome: its key is free, and the newest record waiting for it becomes ready. When a request
     * carrying it went unanswered, the destination may still apply that request later; the key stays reserved until
     * then ({@code retry.unanswered.fence.ms}), so a newer value is never overtaken by the late one.
     */
    private void settle(PendingRecord record, BatchDelivery delivery) {
        buffered.decrementAndGet();
        long now = scheduler.nowMs();
        if (record.operation().keyed() && delivery.fenceUntilMs > now) {
            scheduler.schedule(delivery.fenceUntilMs - now, guarded(() -> {
                releaseKey(record);
                dispatch();
            }));
            return;
        }
        releaseKey(record);
    }

    private void releaseKey(PendingRecord record) {
        if (!record.operation().keyed()) {
            return;
        }
        keysInFlight.remove(record.key());
        PendingRecord waiting = waitingForKey.remove(record.key());
        if (waiting != null) {
            enqueue(waiting);
        }
    }

    // ---------------------------------------------------------------- dispatching

    private void dispatch() {
        if (stopped || fatal != null) {
            return;
        }
        long now = scheduler.nowMs();
        while (true) {
            if (holdUntilMs > now) {
                wakeAt(now, holdUntilMs);
                return;
            }
            BatchDelivery next = due.peekFirst();
            OperationQueue queue = null;
            if (next == null) {
                if (active.size() >= settings.maxInFlight) {
                    return; // a settling batch dispatches again
                }
                queue = readyQueue(now);
                if (queue == null) {
                    long lingerEnd = nextLingerEnd();
                    if (lingerEnd != Long.MAX_VALUE) {
                        wakeAt(now, lingerEnd);
                    }
                    return;
                }
            }
            if (!budget.tryAcquire()) {
                wakeAt(now, now + budget.retryDelayMs());
                return;
            }
            if (next != null) {
                due.pollFirst();
                HttpRequestSpec request = next.pendingRequest;
                next.pendingRequest = null;
                send(next, request);
            } else {
                startBatch(queue);
            }
        }
    }

    private OperationQueue readyQueue(long now) {
        OperationQueue best = null;
        for (OperationQueue queue : queues.values()) {
            if (queue.ready(now, settings.lingerMs, false)
                    && (best == null || queue.oldest().readyAtMs() < best.oldest().readyAtMs())) {
                best = queue;
            }
        }
        return best;
    }

    private long nextLingerEnd() {
        long earliest = Long.MAX_VALUE;
        for (OperationQueue queue : queues.values()) {
            earliest = Math.min(earliest, queue.lingerEndsAt(settings.lingerMs));
        }
        return earliest;
    }

    private void wakeAt(long now, long atMs) {
        if (wake != null && wakeAtMs <= atMs) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAtMs = atMs;
        wake = scheduler.schedule(Math.max(0, atMs - now), guarded(() -> {
            wake = null;
            wakeAtMs = Long.MAX_VALUE;
            dispatch();
        }));
    }

    private void startBatch(OperationQueue queue) {
        List<PendingRecord> records = queue.take();
        if (queue.operation.keyed()) {
            for (PendingRecord record : records) {
                queuedByKey.remove(record.key());
                keysInFlight.add(record.key());
            }
        }
        BatchDelivery delivery = new BatchDelivery(queue.operation, records);
        activate(delivery);
        metrics.batchStarted(records.size());
        send(delivery, delivery.call.firstRequest());
    }

    private void activate(BatchDelivery delivery) {
        active.add(delivery);
        activeBatches = active.size();
    }

    private void deactivate(BatchDelivery delivery) {
        active.remove(delivery);
        activeBatches = active.size();
    }

    private void send(BatchDelivery delivery, HttpRequestSpec request) {
        delivery.onWire = true;
        onWire++;
        long started = System.nanoTime();
        long sentAtMs = scheduler.nowMs();
        CompletableFuture<HttpResult> answer;
        try {
            answer = authenticator.headers()
                    .thenCompose(headers -> transport.send(destination.baseUrl(), request, headers));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, error) -> scheduler.execute(guarded(
                () -> answered(delivery, request, response, error, started, sentAtMs))));
    }

    /** Sends {@code request} for the delivery after a delay (0: as soon as a permit allows). */
    private void later(BatchDelivery delivery, HttpRequestSpec request, long delayMs) {
        delivery.pendingRequest = request;
        if (delayMs <= 0) {
            due.addLast(delivery);
            return;
        }
        delivery.timer = scheduler.schedule(delayMs, guarded(() -> {
            delivery.timer = null;
            if (active.contains(delivery)) {
                due.addLast(delivery);
                dispatch();
            }
        }));
    }

    // ---------------------------------------------------------------- answers

    private void answered(BatchDelivery delivery, HttpRequestSpec request, HttpResult response, Throwable error,
                          long startedNanos, long sentAtMs) {
        delivery.onWire = false;
        onWire--;
        metrics.requestCompleted(response == null ? -1 : response.status(),
                (System.nanoTime() - startedNanos) / 1_000_000);
        if (!active.contains(delivery)) {
            checkClosings();
            return; // called back by a close; its records belong to another task now
        }
        long now = scheduler.nowMs();
        if (mayStillBeApplied(request, response, error)) {
            delivery.fenceUntilMs = Math.max(delivery.fenceUntilMs, sentAtMs + settings.unansweredFenceMs);
        }
        Step step;
        if (error != null) {
            step = Step.fail(HttpFailureClassifier.transportError(destination, error));
        } else {
            long hold = destination.rateLimitSignals().holdMillis(response, onWire,
                    budget.connectorPermitsPerSecond(), now);
            if (hold > 0) {
                holdFor(now, hold);
            }
            if (response.isSuccess()) {
                quotaAvailable();
                step = delivery.call.onResponse(response);
            } else {
                step = Step.fail(destination.classify(request, response)
                        .orElseGet(() -> HttpFailureClassifier.classify(destination, response, now)));
            }
        }
        apply(delivery, request, step, now);
        checkClosings();
        dispatch();
    }

    /**
     * Whether a write got no real answer although the destination may have received it (a response timeout, a
     * connection reset after sending, a gateway timeout): it may then apply the request later than its retry.
     */
    private static boolean mayStillBeApplied(HttpRequestSpec request, HttpResult response, Throwable error) {
        if ("GET".equals(request.method())) {
            return false;
        }
        if (error != null) {
            return HttpFailureClassifier.mayHaveBeenReceived(error);
        }
        return response.status() == 504;
    }

    private void apply(BatchDelivery delivery, HttpRequestSpec request, Step step, long now) {
        if (step instanceof Step.Complete) {
            complete(delivery, ((Step.Complete) step).outcomes(), now);
        } else if (step instanceof Step.Next) {
            Step.Next next = (Step.Next) step;
            delivery.conversationStarted = true;
            delivery.rateLimitStreak = 0;
            later(delivery, next.request(), next.delayMillis());
        } else {
            fail(delivery, request, ((Step.Fail) step).failure(), now);
        }
    }

    private void complete(BatchDelivery delivery, List<RecordOutcome> outcomes, long now) {
        if (outcomes.size() != delivery.size()) {
            fatal(new ConnectException("Internal error: " + destination.displayName() + " connector read "
                    + outcomes.size() + " outcomes for a batch of " + delivery.size() + " records"));
            return;
        }
        deactivate(delivery);
        List<PendingRecord> retryAlone = new ArrayList<>();
        Reason retryReason = null;
        for (int i = 0; i < outcomes.size(); i++) {
            PendingRecord record = delivery.records.get(i);
            RecordOutcome outcome = outcomes.get(i);
            switch (outcome.kind()) {
                case DELIVERED:
                    settle(record, delivery);
                    listener.delivered(record);
                    break;
                case DEAD_LETTER:
                    settle(record, delivery);
                    listener.deadLetter(record, outcome.reason());
                    break;
                case RETRY:
                default:
                    retryAlone.add(record);
                    retryReason = outcome.reason();
                    break;
            }
        }
        for (PendingRecord record : retryAlone) {
            BatchDelivery alone = delivery.part(List.of(record));
            transientFailure(alone, alone.call.firstRequest(), retryReason, Failure.UNKNOWN_WAIT, now);
        }
    }

    private void fail(BatchDelivery delivery, HttpRequestSpec request, Failure failure, long now) {
        switch (failure.kind()) {
            case TRANSIENT:
                deactivate(delivery);
                transientFailure(delivery, request, failure.reason(), failure.waitMillis(), now);
                break;
            case RATE_LIMITED:
                rateLimited(delivery, request, failure, now);
                break;
            case QUOTA_EXHAUSTED:
                quotaExhausted(delivery, request, failure, now);
                break;
            case RESTART:
                delivery.call = delivery.operation.newCall(items(delivery));
                delivery.conversationStarted = false;
                deactivate(delivery);
                transientFailure(delivery, delivery.call.firstRequest(), failure.reason(), failure.waitMillis(), now);
                break;
            case REJECT_BATCH:
                narrow(delivery, failure.reason());
                break;
            case UNAUTHORIZED:
                if (!delivery.authRetried && authenticator.invalidate()) {
                    delivery.authRetried = true;
                    later(delivery, request, 0);
                } else {
                    fatal(new ConnectException(destination.displayName() + " refused the credentials ("
                            + failure.reason() + "); check " + destination.credentialHint()));
                }
                break;
            case FATAL:
            default:
                fatal(new ConnectException(destination.displayName() + " request " + request + " failed: "
                        + failure.reason()));
                break;
        }
    }

    /**
     * Retries after a transient failure, or gives up when the retry time is used. The delivery is not active when
     * called; it is activated again when it will be retried.
     */
    private void transientFailure(BatchDelivery delivery, HttpRequestSpec request, Reason reason, long waitMs,
                                  long now) {
        delivery.attempts++;
        if (delivery.retryClockStartMs < 0) {
            delivery.retryClockStartMs = now;
        }
        if (settings.retryTimeoutMs >= 0 && now - delivery.retryClockStartMs >= settings.retryTimeoutMs) {
            giveUp(delivery, reason, now);
            return;
        }
        activate(delivery);
        metrics.retried(delivery.size());
        long wait = waitMs >= 0 ? waitMs : backoff.delayMs(delivery.attempts);
        log.debug("Retrying {} {} records in {} ms (attempt {}): {}", delivery.size(), delivery.operation.name(),
                wait, delivery.attempts, reason);
        later(delivery, request, wait);
    }

    private void rateLimited(BatchDelivery delivery, HttpRequestSpec request, Failure failure, long now) {
        metrics.rateLimited();
        delivery.rateLimitStreak++;
        long wait = failure.waitMillis() >= 0 ? failure.waitMillis() : backoff.delayMs(delivery.rateLimitStreak);
        holdFor(now, wait);
        if (delivery.retryClockStartMs >= 0) {
            delivery.retryClockStartMs += wait; // waiting for a rate limit is not retrying
        }
        log.debug("{} rate limit reached; waiting {} ms", destination.displayName(), wait);
        later(delivery, request, wait);
    }

    private void quotaExhausted(BatchDelivery delivery, HttpRequestSpec request, Failure failure, long now) {
        metrics.rateLimited();
        long wait = failure.waitMillis() >= 0 ? failure.waitMillis() : settings.quotaProbeMs;
        holdFor(now, wait);
        if (delivery.retryClockStartMs >= 0) {
            delivery.retryClockStartMs += wait;
        }
        if (!quotaExhausted) {
            quotaExhausted = true;
            log.warn("{} says the quota is used up ({}). Deliveries are paused, nothing is dead-lettered; "
                    + "probing again every {} s", destination.displayName(), failure.reason().code(), wait / 1000);
            listener.quotaExhausted(true);
        }
        later(delivery, request, wait);
    }

    private void quotaAvailable() {
        if (quotaExhausted) {
            quotaExhausted = false;
            log.info("{} accepts requests again; resuming deliveries", destination.displayName());
            listener.quotaExhausted(false);
        }
    }

    /** A refused batch is split in halves until each bad record is alone; a refused single record is dead-lettered. */
    private void narrow(BatchDelivery delivery, Reason reason) {
        deactivate(delivery);
        if (delivery.size() == 1) {
            PendingRecord record = delivery.records.get(0);
            settle(record, delivery);
            listener.deadLetter(record, reason);
            return;
        }
        log.debug("{} refused a batch of {} records ({}); narrowing it down", destination.displayName(),
                delivery.size(), reason.code());
        int half = delivery.size() / 2;
        for (List<PendingRecord> part : List.of(delivery.records.subList(0, half),
                delivery.records.subList(half, delivery.size()))) {
            BatchDelivery narrowed = delivery.part(new ArrayList<>(part));
            activate(narrowed);
            later(narrowed, narrowed.call.firstRequest(), 0);
        }
    }

    private void giveUp(BatchDelivery delivery, Reason reason, long now) {
        long seconds = (now - delivery.retryClockStartMs) / 1000;
        if (settings.retryExhaustedAction == RetryExhaustedAction.DLQ) {
            Reason exhausted = reason.withContext("gave up after " + delivery.attempts + " attempts over " + seconds
                    + " s (retry.timeout.ms=" + settings.retryTimeoutMs + ")");
            for (PendingRecord record : delivery.records) {
                settle(record, delivery);
                listener.deadLetter(record, exhausted);
            }
            return;
        }
        fatal(new ConnectException("Giving up on a batch of " + delivery.size() + " records after "
                + delivery.attempts + " attempts over " + seconds + " s (retry.timeout.ms=" + settings.retryTimeoutMs
                + "). Last error: " + reason + ". Nothing after these records was committed; restart the task "
                + "once " + destination.displayName() + " is reachable, or set retry.exhausted.action=dlq."));
    }

    private void holdFor(long now, long ms) {
        holdUntilMs = Math.max(holdUntilMs, now + ms);
    }

    private void fatal(ConnectException error) {
        if (fatal != null) {
            return;
        }
        fatal = error;
        log.error("Delivery stopped: {}", error.getMessage());
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
        listener.fatal(error);
    }

    private static List<io.outflow.connect.common.destination.Item> items(BatchDelivery delivery) {
        List<io.outflow.connect.common.destination.Item> items = new ArrayList<>(delivery.size());
        delivery.records.forEach(r -> items.add(r.item()));
        return items;
    }

    // ---------------------------------------------------------------- closing partitions

    private void beginClose(Set<TopicPartition> partitions, CompletableFuture<Void> done) {
        for (OperationQueue queue : queues.values()) {
            queue.removePartitions(partitions, record -> {
                if (record.operation().keyed()) {
                    queuedByKey.remove(record.key());
                }
                buffered.decrementAndGet();
            });
        }
        Iterator<PendingRecord> waiting = waitingForKey.values().iterator();
        while (waiting.hasNext()) {
            PendingRecord record = waiting.next();
            if (partitions.contains(record.ticket().partition())) {
                waiting.remove();
                buffered.decrementAndGet();
            }
        }
        for (BatchDelivery delivery : new ArrayList<>(active)) {
            if (delivery.carriesAny(partitions) && !delivery.onWire && !delivery.conversationStarted
                    && delivery.fenceUntilMs <= scheduler.nowMs()) {
                callBack(delivery, partitions);
            }
        }
        closings.add(new Closing(partitions, done));
        checkClosings();
        dispatch();
    }

    /** A batch not yet accepted is called back: records of other partitions go back to their queue. */
    private void callBack(BatchDelivery delivery, Set<TopicPartition> partitions) {
        delivery.cancelTimer();
        due.remove(delivery);
        deactivate(delivery);
        for (PendingRecord record : delivery.records) {
            if (partitions.contains(record.ticket().partition())) {
                buffered.decrementAndGet();
                if (record.operation().keyed()) {
                    keysInFlight.remove(record.key());
                }
            } else if (record.operation().keyed() && waitingForKey.containsKey(record.key())) {
                keysInFlight.remove(record.key());
                supersede(record);
                enqueue(waitingForKey.remove(record.key()));
            } else {
                if (record.operation().keyed()) {
                    keysInFlight.remove(record.key());
                }
                enqueue(record);
            }
        }
    }

    private void checkClosings() {
        if (closings.isEmpty()) {
            return;
        }
        Iterator<Closing> it = closings.iterator();
        while (it.hasNext()) {
            Closing closing = it.next();
            boolean outstanding = false;
            for (BatchDelivery delivery : active) {
                if (delivery.carriesAny(closing.partitions) && (delivery.onWire || delivery.conversationStarted
                        || delivery.fenceUntilMs > scheduler.nowMs())) {
                    outstanding = true;
                    break;
                }
            }
            if (!outstanding) {
                for (BatchDelivery delivery : new ArrayList<>(active)) {
                    if (delivery.carriesAny(closing.partitions)) {
                        callBack(delivery, closing.partitions);
                    }
                }
                closing.done.complete(null);
                it.remove();
            }
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("Internal error in the delivery engine", e);
                fatal(new ConnectException("Internal error in the Outflow delivery engine: " + e));
            }
        };
    }

    /** A close waiting for the requests that carry its partitions' records. */
    private static final class Closing {
        final Set<TopicPartition> partitions;
        final CompletableFuture<Void> done;

        Closing(Set<TopicPartition> partitions, CompletableFuture<Void> done) {
            this.partitions = partitions;
            this.done = done;
        }
    }
}
