package io.outflow.connect.security;

import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConnectorStatus;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One connector of the bad-input matrix: some rows' records, each between good records, on a fresh topic. Knows
 * the good records it produced, waits for an outcome while watching for a task failure (which ends the wait at once
 * with the task's trace), and reads the DLQ by row.
 */
final class MatrixRun {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String REASON = "__connect.errors.exception.message";
    static final String STAGE = "__connect.errors.stage";

    final Target target;
    final Target.Fake fake;
    final SinkRun run;
    final List<BadInput> rows;
    final boolean tolerateAll;
    /** Good records: key → the text they carry. */
    final Map<String, String> goods = new LinkedHashMap<>();
    /** Offsets of the rows' records (one partition). */
    final Map<String, Long> offsets = new HashMap<>();
    private final ConnectTestCluster cluster;

    MatrixRun(ConnectTestCluster cluster, Target target, Target.Fake fake, String label, List<BadInput> rows,
              boolean tolerateAll) {
        this.cluster = cluster;
        this.target = target;
        this.fake = fake;
        this.rows = rows;
        this.tolerateAll = tolerateAll;
        this.run = SinkRun.create(cluster, target.id + "-" + label, 1);
    }

    /** Creates the connector (matrix converters and transforms, the rows' overrides) without waiting. */
    MatrixRun configure() {
        Map<String, String> config = target.config(run, fake, "test-credential");
        config.putAll(BadInput.matrixConfig());
        if (!tolerateAll) {
            config.put("errors.tolerance", "none");
            config.remove("errors.deadletterqueue.topic.name");
            config.remove("errors.deadletterqueue.topic.replication.factor");
            config.remove("errors.deadletterqueue.context.headers.enable");
        }
        rows.forEach(row -> config.putAll(row.overrides()));
        cluster.configureConnector(run.name(), config);
        return this;
    }

    /** Waits until the task runs. */
    MatrixRun awaitRunning() {
        cluster.awaitConnectorRunning(run.name(), 1, TIMEOUT);
        return this;
    }

    /** Produces good, row, good, row, ..., good. */
    MatrixRun produce() {
        List<ProducerRecordSpec> records = new ArrayList<>();
        long offset = 0;
        for (BadInput row : rows) {
            records.add(good(offset++));
            records.add(new ProducerRecordSpec(row.key(), row.value(), null, row.headers()));
            offsets.put(row.name(), offset++);
        }
        records.add(good(offset));
        run.produce(records);
        return this;
    }

    private ProducerRecordSpec good(long offset) {
        String key = "good-" + offset + "-" + run.name() + "@example.com";
        String text = "good record " + offset;
        goods.put(key, text);
        return ProducerRecordSpec.of(BadInput.jsonString(key), BadInput.schemaless(target.goodValue(text)));
    }

    /** The connector's status now. */
    Optional<ConnectorStatus> status() {
        return cluster.connectorStatus(run.name());
    }

    /** The task's failure trace, if it failed. */
    Optional<String> failure() {
        return status().flatMap(ConnectorStatus::firstFailedTask).map(ConnectorStatus.TaskStatus::trace);
    }

    /** Waits for the condition; a failed task ends the wait at once, with its trace. */
    void awaitUnlessFailed(String description, BooleanSupplier condition) {
        Await.until(description, TIMEOUT, () -> {
            failure().ifPresent(trace -> {
                throw new AssertionError("task of " + run.name() + " FAILED while waiting for " + description
                        + ":\n" + trace);
            });
            return condition.getAsBoolean();
        });
    }

    /** Waits until the task has failed and returns its trace. */
    String awaitFailure() {
        return Await.untilPresent("the task of " + run.name() + " fails", TIMEOUT, this::failure);
    }

    boolean goodArrived(String key) {
        return target.storedText(fake, key, target.textField).filter(goods.get(key)::equals).isPresent();
    }

    /** The DLQ records by row name (header); good records in the DLQ appear under their key. */
    Map<String, ConsumedRecord> deadLettersByRow(int expected) {
        Map<String, ConsumedRecord> byRow = new LinkedHashMap<>();
        for (ConsumedRecord record : run.deadLetters(expected, TIMEOUT)) {
            String row = record.header(BadInput.ROW_HEADER);
            byRow.put(row != null ? row : "good:" + record.key(), record);
        }
        return byRow;
    }

    /** Committed offset of the run's single partition, or -1. */
    long committed() {
        return cluster.committedOffsets(run.name()).getOrDefault(new TopicPartition(run.topic(), 0), -1L);
    }

    void delete() {
        try {
            run.delete();
        } catch (RuntimeException ignored) {
            // best effort: the cluster is shared, a leftover connector only costs a thread or two
        }
    }
}
