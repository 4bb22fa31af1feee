package io.outflow.connect.common.task;

import io.outflow.connect.common.config.NullValueBehavior;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.DestinationFactory;
import io.outflow.connect.common.dlq.DeadLetterReporter;
import io.outflow.connect.common.dlq.DeliveryError;
import io.outflow.connect.common.engine.Backoff;
import io.outflow.connect.common.engine.DeliveryEngine;
import io.outflow.connect.common.engine.EngineSettings;
import io.outflow.connect.common.engine.ExecutorScheduler;
import io.outflow.connect.common.engine.PendingRecord;
import io.outflow.connect.common.engine.RateBudget;
import io.outflow.connect.common.http.ApacheHttpTransport;
import io.outflow.connect.common.http.HttpSettings;
import io.outflow.connect.common.http.HttpTransport;
import io.outflow.connect.common.mapping.FieldMapper;
import io.outflow.connect.common.mapping.StringLimiter;
import io.outflow.connect.common.metrics.TaskMetrics;
import io.outflow.connect.common.offset.OffsetTracker;
import io.outflow.connect.common.record.KeyReader;
import io.outflow.connect.common.record.RecordException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one SinkTask of every Outflow connector; a connector's task class only says which destination it loads.
 * put() prepares records on the task thread and hands them to the {@link DeliveryEngine}, which delivers them
 * asynchronously; preCommit() returns only offsets whose records are all delivered or dead-lettered.
 */
public abstract class OutflowSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(OutflowSinkTask.class);

    /** Set by the connector on each task's configuration: the task's number, for thread and metric names. */
    public static final String TASK_INDEX_CONFIG = "outflow.task.index";
    /** While records are in the engine, put() is called again at least this often, to report and resume. */
    static final long POLL_INTERVAL_MS = 100;

    private OutflowSinkConfig config;
    private Destination destination;
    private HttpTransport transport;
    private ExecutorScheduler scheduler;
    private DeliveryEngine engine;
    private OffsetTracker tracker;
    private TaskOutcomes outcomes;
    private DeadLetterReporter deadLetters;
    private TaskMetrics metrics;
    private RecordPreparer preparer;
    private boolean paused;

    /** The connector's configuration definition (common keys and its own). */
    protected abstract ConfigDef configDef();

    /** Builds the destination this connector delivers to. */
    protected abstract DestinationFactory destinationFactory();

    /** How long to wait before probing a used-up long quota when the destination does not say (ms). */
    protected long quotaProbeMs(OutflowSinkConfig config) {
        return 15 * 60_000L;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new OutflowSinkConfig(configDef(), props);
        String connector = props.getOrDefault("name", getClass().getSimpleName());
        int index = parseIndex(props.get(TASK_INDEX_CONFIG));
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        String threadPrefix = connector + "-task-" + index;

        transport = new ApacheHttpTransport(HttpSettings.from(config, "outflow/" + Version.get()),
                ExecutorScheduler.threadFactory(threadPrefix + "-http", mdc));
        destination = destinationFactory().create(config, transport);
        NullValueBehavior nullBehavior = config.nullValueBehavior();
        if (nullBehavior == NullValueBehavior.DELETE && destination.deleteOperation().isEmpty()) {
            throw new ConfigException("behavior.on.null.values", "delete", destination.displayName()
                    + " cannot delete in this configuration");
        }
        tracker = new OffsetTracker();
        metrics = TaskMetrics.create(context, connector, index);
        outcomes = new TaskOutcomes(tracker, metrics);
        deadLetters = DeadLetterReporter.from(context, props);
        scheduler = new ExecutorScheduler(threadPrefix + "-engine", mdc);
        engine = new DeliveryEngine(destination, transport, scheduler,
                RateBudget.of(config.rateLimitRequests(), config.rateLimitWindowMs(), config.taskCount()),
                new Backoff(config.retryBackoffMs(), Math.max(config.retryBackoffMs(), config.retryBackoffMaxMs()),
                        () -> ThreadLocalRandom.current().nextDouble()),
                EngineSettings.from(config, quotaProbeMs(config)), outcomes, metrics);
        metrics.gauges(engine::buffered, engine::activeBatches);
        preparer = new RecordPreparer(
                new KeyReader(config.keySource(), config.keyField()),
                new FieldMapper(config.fieldMapping(), config.dropUnmappedFields(), config.fieldTypes(),
                        config.requiredFields(), destination.valueConverter(),
                        new StringLimiter(config.stringMaxLength(), config.stringOverflow())),
                destination.keyNormalizer(), destination.writeOperation(),
                destination.deleteOperation().orElse(null), nullBehavior);
        log.info("Started delivering to {} at {} (sync.mode={}, batch.max.records={}, max.in.flight.requests={}, "
                        + "rate limit {} per {} ms shared by {} tasks)", destination.displayName(),
                destination.baseUrl(), config.syncMode().name().toLowerCase(java.util.Locale.ROOT),
                config.batchMaxRecords(), config.maxInFlightRequests(), config.rateLimitRequests(),
                config.rateLimitWindowMs(), config.taskCount());
    }

    private static int parseIndex(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        outcomes.throwIfFatal();
        settleOnTaskThread();
        List<PendingRecord> prepared = new ArrayList<>(records.size());
        try {
            for (SinkRecord record : records) {
                OffsetTracker.Ticket ticket = tracker.track(
                        new TopicPartition(record.originalTopic(), record.originalKafkaPartition()),
                        record.originalKafkaOffset());
                try {
                    RecordPreparer.Prepared next = preparer.prepare(record);
                    if (next == RecordPreparer.SKIP) {
                        tracker.done(ticket);
                        metrics.skipped();
                    } else {
                        prepared.add(new PendingRecord(record, ticket, next.operation, next.item, next.key));
                    }
                } catch (RecordException e) {
                    deadLetters.report(record, ticket, DeliveryError.badRecord(e.getMessage()));
                    metrics.deadLettered();
                } catch (RuntimeException e) {
                    // A defect, not bad data; still, nothing is dropped: the record is reported like a bad one,
                    // and the exception's message (which could hold a value) stays out of logs above DEBUG.
                    log.warn("Unexpected {} while preparing record {}; it is reported to the dead-letter queue",
                            e.getClass().getName(), DeadLetterReporter.describe(record));
                    log.debug("Preparing record {} failed", DeadLetterReporter.describe(record), e);
                    deadLetters.report(record, ticket, DeliveryError.badRecord("unexpected "
                            + e.getClass().getSimpleName() + " while converting the record"));
                    metrics.deadLettered();
                }
            }
        } finally {
            engine.submit(prepared);
        }
        applyBackPressure();
        if (engine.buffered() > 0 || deadLetters.pending() > 0 || paused) {
            context.timeout(POLL_INTERVAL_MS); // come back soon even if no new records arrive
        }
    }

    /** Reports the engine's dead letters and collects finished reports; task thread only. */
    private void settleOnTaskThread() {
        outcomes.drainDeadLetters(dead -> {
            TopicPartition partition = dead.record.ticket().partition();
            if (!context.assignment().contains(partition)) {
                return; // revoked meanwhile: the new owner delivers it again
            }
            deadLetters.report(dead.record.record(), dead.record.ticket(),
                    deadLetters.refused(destination.displayName(), dead.reason));
            metrics.deadLettered();
        });
        deadLetters.poll(tracker::done);
    }

    private void applyBackPressure() {
        boolean quota = outcomes.quotaExhausted();
        boolean full = engine.buffered() >= config.maxBufferedRecords();
        if (!paused && (quota || full)) {
            Set<TopicPartition> assignment = context.assignment();
            context.pause(assignment.toArray(new TopicPartition[0]));
            paused = true;
            metrics.paused(true);
            if (quota) {
                log.info("Paused {} partitions while {}'s quota is used up", assignment.size(),
                        destination.displayName());
            } else {
                log.debug("Paused {} partitions: {} records buffered", assignment.size(), engine.buffered());
            }
        } else if (paused && !quota && engine.buffered() <= config.maxBufferedRecords() / 2) {
            Set<TopicPartition> assignment = context.assignment();
            context.resume(assignment.toArray(new TopicPartition[0]));
            paused = false;
            metrics.paused(false);
            log.debug("Resumed {} partitions", assignment.size());
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            settleOnTaskThread();
        } catch (ConnectException e) {
            // Thrown from the next put(): an exception here would make the worker rewind, not fail the task.
            outcomes.fail(e);
        }
        Map<TopicPartition, OffsetAndMetadata> committable = tracker.committable();
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : currentOffsets.entrySet()) {
            TopicPartition partition = entry.getKey();
            if (!tracker.hasPending(partition)) {
                // Every record handed to put() is done; the worker skipped the rest (a converter error sent to
                // its DLQ, a record a transform filtered out), so its consumed position is safe to commit.
                out.put(partition, entry.getValue());
            } else if (committable.containsKey(partition)) {
                out.put(partition, committable.get(partition));
            }
        }
        return out;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        if (paused) {
            context.pause(partitions.toArray(new TopicPartition[0]));
        } else {
            // The worker re-pauses, on assignment, partitions it remembers as paused from before a rebalance; the
            // task is not holding back now, so none of its partitions may stay paused (they would never resume).
            context.resume(partitions.toArray(new TopicPartition[0]));
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (engine == null || partitions.isEmpty()) {
            return;
        }
        Set<TopicPartition> closing = new HashSet<>(partitions);
        CompletableFuture<Void> closed = engine.closePartitions(closing);
        try {
            closed.get(config.closeTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            engine.abandonClose(closed);
            log.warn("Requests carrying records of {} partitions were still outstanding after {} ms "
                    + "(close.timeout.ms); their outcome is ignored and the new owner sends the records again",
                    closing.size(), config.closeTimeoutMs());
        } catch (ExecutionException e) {
            log.warn("Could not wait for outstanding requests: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tracker.forget(closing);
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // Not called: preCommit is overridden and commits only what is delivered.
    }

    @Override
    public void stop() {
        try {
            if (engine != null) {
                engine.stop().get(5, TimeUnit.SECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            log.warn("The delivery engine did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(scheduler);
            closeQuietly(transport);
            closeQuietly(destination);
            closeQuietly(metrics);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Error while closing {}: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
