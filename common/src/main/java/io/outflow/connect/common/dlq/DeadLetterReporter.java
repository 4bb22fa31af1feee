package io.outflow.connect.common.dlq;

import io.outflow.connect.common.offset.OffsetTracker;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sends refused records to the worker's dead-letter queue, on the task thread only. A record counts as
 * dead-lettered when the reporter's future completes; until then its offset is held back. With
 * {@code errors.tolerance=none}, or with no reporter (no DLQ topic and no error logging configured), a refused
 * record fails the task instead, naming the record and the reason.
 */
public final class DeadLetterReporter {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReporter.class);

    private final ErrantRecordReporter reporter;
    private final boolean tolerateAll;
    private final boolean destinationMessages;
    private final ArrayDeque<Report> reports = new ArrayDeque<>();

    public DeadLetterReporter(ErrantRecordReporter reporter, boolean tolerateAll) {
        this(reporter, tolerateAll, true);
    }

    /**
     * @param destinationMessages whether a destination's own error message may go into the reported error: not
     *                            when the worker logs every reported error (errors.log.enable=true) without
     *                            logging record contents (errors.log.include.messages=false), since the message
     *                            may echo the record's values
     */
    public DeadLetterReporter(ErrantRecordReporter reporter, boolean tolerateAll, boolean destinationMessages) {
        this.reporter = reporter;
        this.tolerateAll = tolerateAll;
        this.destinationMessages = destinationMessages;
    }

    /** Reads the worker's reporter (absent on workers before 2.6) and the connector's errors.tolerance. */
    public static DeadLetterReporter from(SinkTaskContext context, Map<String, String> connectorProps) {
        ErrantRecordReporter reporter;
        try {
            reporter = context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            reporter = null;
        }
        boolean tolerateAll = "all".equalsIgnoreCase(connectorProps.getOrDefault("errors.tolerance", "none").trim());
        if (tolerateAll && reporter == null) {
            log.warn("errors.tolerance=all but neither errors.deadletterqueue.topic.name nor errors.log.enable is "
                    + "set: a refused record will fail the task rather than be dropped");
        }
        boolean logsErrors = "true".equalsIgnoreCase(connectorProps.getOrDefault("errors.log.enable", "false").trim());
        boolean logsContents = "true".equalsIgnoreCase(
                connectorProps.getOrDefault("errors.log.include.messages", "false").trim());
        return new DeadLetterReporter(reporter, tolerateAll, !logsErrors || logsContents);
    }

    /** The error to report for a record the destination refused. */
    public DeliveryError refused(String destination, io.outflow.connect.common.destination.Reason reason) {
        return destinationMessages ? DeliveryError.refused(destination, reason)
                : DeliveryError.refusedWithoutMessage(destination, reason);
    }

    /**
     * Reports a refused record.
     *
     * @throws ConnectException when the record cannot go to a dead-letter queue and the task must fail
     */
    public void report(SinkRecord record, OffsetTracker.Ticket ticket, DeliveryError error) {
        if (!tolerateAll || reporter == null) {
            throw new ConnectException("Record " + describe(record) + " could not be delivered: " + error.summary()
                    + (tolerateAll ? ". No dead-letter queue is configured (errors.deadletterqueue.topic.name)"
                    : ". The task stops because errors.tolerance=none; set errors.tolerance=all and "
                    + "errors.deadletterqueue.topic.name to send such records to a dead-letter queue instead"));
        }
        log.debug("Dead-lettering {}: {}", describe(record), error.reason() == null ? "bad record"
                : error.reason().code());
        Future<Void> future = reporter.report(record, error);
        reports.addLast(new Report(future, ticket, record));
    }

    /**
     * Marks reports that completed as done, in order.
     *
     * @throws ConnectException when a report failed (for example the worker's error tolerance was exceeded)
     */
    public void poll(Consumer<OffsetTracker.Ticket> done) {
        while (!reports.isEmpty() && reports.peekFirst().future.isDone()) {
            Report report = reports.pollFirst();
            try {
                report.future.get();
            } catch (ExecutionException e) {
                throw new ConnectException("Could not write " + describe(report.record) + " to the dead-letter queue: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while reading a dead-letter report", e);
            }
            done.accept(report.ticket);
        }
    }

    /** Reports not yet acknowledged by the worker. */
    public int pending() {
        return reports.size();
    }

    /** topic/partition@offset of the record as it was consumed (before any transform renamed the topic). */
    public static String describe(SinkRecord record) {
        return record.originalTopic() + "/" + record.originalKafkaPartition() + "@" + record.originalKafkaOffset();
    }

    private static final class Report {
        final Future<Void> future;
        final OffsetTracker.Ticket ticket;
        final SinkRecord record;

        Report(Future<Void> future, OffsetTracker.Ticket ticket, SinkRecord record) {
            this.future = future;
            this.ticket = ticket;
            this.record = record;
        }
    }
}
