package io.outflow.connect.common.task;

import io.outflow.connect.common.testdest.ItemsSinkTask;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Partitions the task is handed are never left paused by a rebalance while the task is not holding back. */
class OutflowSinkTaskPauseTest {
    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final SinkTaskContext context = mock(SinkTaskContext.class);
    private final ItemsSinkTask task = new ItemsSinkTask();

    private void start(String maxBuffered) {
        when(context.pluginMetrics()).thenThrow(new UnsupportedOperationException("no plugin metrics here"));
        when(context.assignment()).thenReturn(new java.util.LinkedHashSet<>(List.of(P0, P1)));
        task.initialize(context);
        task.start(Map.of("name", "pause-test", "items.api.url", "http://127.0.0.1:9", "items.token", "t",
                "max.buffered.records", maxBuffered));
    }

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void partitionsAssignedWhileNotHoldingBackAreResumed() {
        start("100");
        task.open(List.of(P0, P1));
        verify(context).resume(P0, P1);
        verify(context, never()).pause(any(TopicPartition[].class));
    }

    @Test
    void partitionsAssignedWhileHoldingBackArePaused() {
        start("1");
        task.put(List.of(new org.apache.kafka.connect.sink.SinkRecord("t", 0, null, "k", null, Map.of("v", 1), 0)));
        verify(context).pause(P0, P1);
        TopicPartition p2 = new TopicPartition("t", 2);
        task.open(List.of(p2));
        verify(context).pause(p2);
    }
}
