package io.outflow.connect.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConnectorStatus;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bad-input matrix ({@link BadInput#table()}) on a real worker, for every connector.
 * <ul>
 *   <li>errors.tolerance=all: the rows' records, each between good records, on one connector (rows that could
 *   stop the task, or need their own configuration, on their own connector). Each refused record is in the DLQ
 *   exactly once with a reason naming the field, the task keeps RUNNING, every good record and every row expected
 *   to arrive is at the destination, and the committed offsets reach the end.</li>
 *   <li>errors.tolerance=none: each refused row alone after one good record. The task fails; the trace names the
 *   record (topic/partition@offset) and the field; nothing after the bad record is committed or delivered.</li>
 * </ul>
 * Each row is its own test in the report, so a failing row names itself.
 */
@ExtendWith(SharedCluster.class)
class BadInputMatrixIT {
    private static final Logger LOG = LoggerFactory.getLogger(BadInputMatrixIT.class);


    @TestFactory
    Stream<DynamicNode> everyRowOnEveryConnector() {
        List<BadInput> table = BadInput.table();
        return Arrays.stream(Target.values()).map(target -> DynamicContainer.dynamicContainer(target.id,
                Stream.of(toleranceAll(target, table), toleranceNone(target, table))));
    }

    // ------------------------------------------------------------------ errors.tolerance=all

    /** What the tolerance=all runs of one connector left behind, read once by all row tests. */
    private static final class AllOutcome {
        final List<MatrixRun> runs = new ArrayList<>();
        final Map<String, MatrixRun> runOfRow = new LinkedHashMap<>();
        final Map<String, ConsumedRecord> deadLetters = new LinkedHashMap<>();
        final Map<String, String> failures = new LinkedHashMap<>();
        Target.Fake fake;
    }

    private static DynamicContainer toleranceAll(Target target, List<BadInput> table) {
        AllOutcome outcome = new AllOutcome();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("run: every row between good records, errors.tolerance=all",
                () -> runAll(target, table, outcome)));
        for (BadInput row : table) {
            tests.add(DynamicTest.dynamicTest(row.name() + " -> " + row.expected(target),
                    () -> checkAll(target, row, outcome)));
        }
        tests.add(DynamicTest.dynamicTest("cleanup", () -> {
            outcome.runs.forEach(MatrixRun::delete);
            if (outcome.fake != null) {
                outcome.fake.close();
            }
        }));
        return DynamicContainer.dynamicContainer("errors.tolerance=all", tests);
    }

    private static void runAll(Target target, List<BadInput> table, AllOutcome outcome) {
        ConnectTestCluster cluster = SharedCluster.get();
        outcome.fake = target.start(new Target.Options());
        List<BadInput> together = table.stream().filter(r -> !r.alone()).toList();
        outcome.runs.add(new MatrixRun(cluster, target, outcome.fake, "all", together, true));
        together.forEach(row -> outcome.runOfRow.put(row.name(), outcome.runs.get(0)));
        for (BadInput row : table) {
            if (row.alone()) {
                MatrixRun alone = new MatrixRun(cluster, target, outcome.fake, "all-" + row.name(), List.of(row), true);
                outcome.runs.add(alone);
                outcome.runOfRow.put(row.name(), alone);
            }
        }
        outcome.runs.forEach(MatrixRun::configure);
        outcome.runs.forEach(MatrixRun::awaitRunning);
        outcome.runs.forEach(MatrixRun::produce);
        for (MatrixRun run : outcome.runs) {
            List<BadInput> refused = run.rows.stream().filter(r -> r.expected(target).refused()).toList();
            try {
                run.awaitUnlessFailed("every good record and every arriving row is at " + target.id, () ->
                        run.goods.keySet().stream().allMatch(run::goodArrived)
                                && run.rows.stream().filter(r -> !r.expected(target).refused())
                                .allMatch(r -> arrived(target, run, r)));
                run.awaitUnlessFailed("offsets committed to the end", () -> committedToEnd(cluster, run));
                outcome.deadLetters.putAll(run.deadLettersByRow(refused.size()));
                ConnectorStatus status = run.status().orElseThrow();
                if (!status.isRunning(1)) {
                    outcome.failures.put(run.run.name(), "not RUNNING at the end: " + status);
                }
            } catch (AssertionError e) {
                outcome.failures.put(run.run.name(), e.getMessage());
                run.rows.forEach(r -> outcome.failures.putIfAbsent("row:" + r.name(), e.getMessage()));
            }
        }
        Set<String> expectedInDlq = table.stream().filter(r -> r.expected(target).refused()).map(BadInput::name)
                .collect(Collectors.toSet());
        Set<String> extra = outcome.deadLetters.keySet().stream().filter(k -> !expectedInDlq.contains(k))
                .collect(Collectors.toSet());
        assertTrue(extra.isEmpty(), "only the refused rows are in the DLQ; also there: " + extra);
        if (!outcome.failures.isEmpty()) {
            fail("runs that did not finish cleanly (details in the row tests): " + outcome.failures.keySet());
        }
    }

    private static boolean committedToEnd(ConnectTestCluster cluster, MatrixRun run) {
        long end = cluster.endOffsets(run.run.topic()).values().stream().mapToLong(Long::longValue).sum();
        return run.committed() >= end;
    }

    private static boolean arrived(Target target, MatrixRun run, BadInput row) {
        BadInput.Expect expect = row.expected(target);
        String key = BadInput.rowKey(row.name());
        if (row.name().equals("map-key-where-a-primitive-is-expected")) {
            key = BadInput.rowKey("mk");
        }
        return target.storedText(run.fake, key, expect.field()).filter(expect.stored()::equals).isPresent();
    }

    private static void checkAll(Target target, BadInput row, AllOutcome outcome) {
        String failure = outcome.failures.get("row:" + row.name());
        if (failure != null) {
            fail("the run holding this row did not finish: " + failure);
        }
        BadInput.Expect expect = row.expected(target);
        ConsumedRecord dead = outcome.deadLetters.get(row.name());
        if (!expect.refused()) {
            assertTrue(dead == null, () -> "expected to arrive, but dead-lettered: " + dead.header(MatrixRun.REASON));
            assertTrue(arrived(target, outcome.runOfRow.get(row.name()), row), "arrived intact");
            LOG.info("MATRIX {} all {}: arrived, {} = {}", target.id, row.name(), expect.field(),
                    BadInput.abbreviate(expect.stored()));
            return;
        }
        assertNotNull(dead, "the record is in the DLQ");
        String reason = dead.header(MatrixRun.REASON);
        LOG.info("MATRIX {} all {}: DLQ [{}] {}", target.id, row.name(), dead.header(MatrixRun.STAGE),
                reason);
        for (String text : expect.reason()) {
            assertTrue(reason != null && reason.contains(text), () -> "reason names '" + text + "': " + reason);
        }
        String stage = dead.header(MatrixRun.STAGE);
        if (expect.outcome() == BadInput.Outcome.REFUSED) {
            assertEquals("TASK_PUT", stage, "refused by the connector");
        } else {
            assertTrue(stage != null && stage.endsWith("CONVERTER"), "refused by the worker's converter: " + stage);
        }
    }

    // ------------------------------------------------------------------ errors.tolerance=none

    private static final class NoneOutcome {
        final Map<String, MatrixRun> runs = new LinkedHashMap<>();
        final Map<String, String> traces = new LinkedHashMap<>();
        Target.Fake fake;
    }

    private static DynamicContainer toleranceNone(Target target, List<BadInput> table) {
        NoneOutcome outcome = new NoneOutcome();
        List<BadInput> refused = table.stream().filter(r -> r.expected(target).refused()).toList();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("run: each refused row after one good record, errors.tolerance=none",
                () -> runNone(target, refused, outcome)));
        for (BadInput row : refused) {
            tests.add(DynamicTest.dynamicTest(row.name() + " -> the task fails naming the record",
                    () -> checkNone(target, row, outcome)));
        }
        tests.add(DynamicTest.dynamicTest("cleanup", () -> {
            outcome.runs.values().forEach(MatrixRun::delete);
            if (outcome.fake != null) {
                outcome.fake.close();
            }
        }));
        return DynamicContainer.dynamicContainer("errors.tolerance=none", tests);
    }

    private static void runNone(Target target, List<BadInput> refused, NoneOutcome outcome) {
        ConnectTestCluster cluster = SharedCluster.get();
        outcome.fake = target.start(new Target.Options());
        for (BadInput row : refused) {
            outcome.runs.put(row.name(), new MatrixRun(cluster, target, outcome.fake, "none-" + row.name(),
                    List.of(row), false));
        }
        outcome.runs.values().forEach(MatrixRun::configure);
        outcome.runs.values().forEach(MatrixRun::awaitRunning);
        outcome.runs.values().forEach(MatrixRun::produce);
        for (Map.Entry<String, MatrixRun> entry : outcome.runs.entrySet()) {
            try {
                outcome.traces.put(entry.getKey(), entry.getValue().awaitFailure());
            } catch (AssertionError e) {
                outcome.traces.put(entry.getKey(), null);
            }
        }
    }

    private static void checkNone(Target target, BadInput row, NoneOutcome outcome) {
        MatrixRun run = outcome.runs.get(row.name());
        String trace = outcome.traces.get(row.name());
        assertNotNull(trace, "the task failed");
        LOG.info("MATRIX {} none {}: {}", target.id, row.name(), head(trace));
        String topic = run.run.topic();
        long offset = run.offsets.get(row.name());
        BadInput.Expect expect = row.expected(target);
        if (expect.outcome() == BadInput.Outcome.REFUSED) {
            assertTrue(trace.contains(topic + "/0@" + offset), () -> "names topic/partition@offset "
                    + topic + "/0@" + offset + ": " + head(trace));
        } else {
            // The converter refused it before the connector saw it: Connect's own error handler fails the task,
            // naming the cause (and the field, when the converter does) but not the record's position. With
            // errors.log.enable=true the worker logs the position; see docs/security.md.
            assertTrue(trace.contains("Tolerance exceeded in error handler"), () -> "Connect's error handler "
                    + "stopped it: " + head(trace));
        }
        for (String text : expect.reason()) {
            assertTrue(trace.contains(text), () -> "names '" + text + "': " + head(trace));
        }
        long committed = run.committed();
        assertTrue(committed <= offset, "nothing after the bad record is committed (committed " + committed + ")");
        String firstGood = run.goods.keySet().iterator().next();
        if (committed == offset) {
            assertTrue(run.goodArrived(firstGood), "a committed record was delivered");
        }
        String lastGood = new ArrayList<>(run.goods.keySet()).get(run.goods.size() - 1);
        assertFalse(run.goodArrived(lastGood), "the record after the bad one was not delivered");
    }

    /** The trace's messages without stack frames: the first line and each "Caused by". */
    static String head(String trace) {
        return trace.lines().filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t..."))
                .collect(Collectors.joining(" | "));
    }
}
