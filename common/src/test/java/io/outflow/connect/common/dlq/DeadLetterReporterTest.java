package io.outflow.connect.common.dlq;

import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.offset.OffsetTracker;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class DeadLetterReporterTest {
    private static final String RAW_MESSAGE = "Email 'ada@example.com' is invalid";

    @Mock
    private ErrantRecordReporter reporter;
    @Mock
    private SinkTaskContext context;

    private final OffsetTracker tracker = new OffsetTracker();
    private final List<OffsetTracker.Ticket> done = new ArrayList<>();

    /** A record renamed by a transform: topic "renamed" partition 0, consumed from orders/3@42. */
    private static SinkRecord record(long originalOffset) {
        return new SinkRecord("renamed", 0, null, "k", null, Map.of("email", "ada@example.com"), 7, 0L,
                TimestampType.CREATE_TIME, List.of(), "orders", 3, originalOffset);
    }

    private OffsetTracker.Ticket ticket(long offset) {
        return tracker.track(new TopicPartition("orders", 3), offset);
    }

    private static DeliveryError refused() {
        return DeliveryError.refused("Items API", Reason.of(400, "INVALID_EMAIL", RAW_MESSAGE).withField("email"));
    }

    @Test
    void toleranceAllReportsTheVeryRecordWithTheError() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        SinkRecord record = record(42);
        DeliveryError error = refused();
        when(reporter.report(same(record), same(error))).thenReturn(future);

        DeadLetterReporter dlq = new DeadLetterReporter(reporter, true);
        dlq.report(record, ticket(42), error);

        ArgumentCaptor<SinkRecord> sent = ArgumentCaptor.forClass(SinkRecord.class);
        ArgumentCaptor<Throwable> why = ArgumentCaptor.forClass(Throwable.class);
        verify(reporter).report(sent.capture(), why.capture());
        assertSame(record, sent.getValue());
        assertSame(error, why.getValue());
        assertTrue(why.getValue() instanceof DeliveryError);
        assertEquals(1, dlq.pending());
    }

    @Test
    void ticketsAreDoneOnlyOnceTheWorkerAcknowledgesInOrder() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        CompletableFuture<Void> third = new CompletableFuture<>();
        when(reporter.report(any(), any())).thenReturn(first).thenReturn(second).thenReturn(third);
        DeadLetterReporter dlq = new DeadLetterReporter(reporter, true);
        OffsetTracker.Ticket t1 = ticket(1);
        OffsetTracker.Ticket t2 = ticket(2);
        OffsetTracker.Ticket t3 = ticket(3);
        dlq.report(record(1), t1, refused());
        dlq.report(record(2), t2, refused());
        dlq.report(record(3), t3, refused());

        dlq.poll(done::add);
        assertTrue(done.isEmpty());

        second.complete(null);
        dlq.poll(done::add);
        assertTrue(done.isEmpty(), "the first report is still outstanding");
        assertEquals(3, dlq.pending());

        first.complete(null);
        dlq.poll(done::add);
        assertEquals(List.of(t1, t2), done);
        assertEquals(1, dlq.pending());

        third.complete(null);
        dlq.poll(done::add);
        assertEquals(List.of(t1, t2, t3), done);
        assertEquals(0, dlq.pending());

        dlq.poll(done::add);
        assertEquals(3, done.size(), "nothing is done twice");
    }

    @Test
    void aFailedReportFailsTheTask() {
        when(reporter.report(any(), any())).thenReturn(
                CompletableFuture.failedFuture(new IllegalStateException("DLQ topic is not writable")));
        DeadLetterReporter dlq = new DeadLetterReporter(reporter, true);
        dlq.report(record(42), ticket(42), refused());

        ConnectException e = assertThrows(ConnectException.class, () -> dlq.poll(done::add));
        assertTrue(e.getMessage().contains("orders/3@42"), e.getMessage());
        assertTrue(e.getMessage().contains("DLQ topic is not writable"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
        assertTrue(done.isEmpty());
    }

    @Test
    void toleranceNoneFailsTheTaskNamingTheRecordButNotTheDestinationsMessage() {
        DeadLetterReporter dlq = new DeadLetterReporter(reporter, false);
        ConnectException e = assertThrows(ConnectException.class, () -> dlq.report(record(42), ticket(42), refused()));

        assertTrue(e.getMessage().contains("orders/3@42"), "the original topic/partition@offset: " + e.getMessage());
        assertFalse(e.getMessage().contains("renamed"), e.getMessage());
        assertTrue(e.getMessage().contains("'email'"), e.getMessage());
        assertTrue(e.getMessage().contains("INVALID_EMAIL"), e.getMessage());
        assertTrue(e.getMessage().contains("errors.tolerance=none"), e.getMessage());
        assertFalse(e.getMessage().contains(RAW_MESSAGE), e.getMessage());
        assertFalse(e.getMessage().contains("ada@example.com"), e.getMessage());
        verifyNoInteractions(reporter);
        assertEquals(0, dlq.pending());
    }

    @Test
    void toleranceNoneWithABadRecordNamesTheField() {
        DeadLetterReporter dlq = new DeadLetterReporter(reporter, false);
        ConnectException e = assertThrows(ConnectException.class, () -> dlq.report(record(5), ticket(5),
                DeliveryError.badRecord("field 'signup': cannot read a String as a date")));
        assertTrue(e.getMessage().contains("orders/3@5"), e.getMessage());
        assertTrue(e.getMessage().contains("'signup'"), e.getMessage());
    }

    @Test
    void toleranceAllWithoutReporterFailsNamingTheDeadLetterTopicSetting() {
        DeadLetterReporter dlq = new DeadLetterReporter(null, true);
        ConnectException e = assertThrows(ConnectException.class, () -> dlq.report(record(42), ticket(42), refused()));
        assertTrue(e.getMessage().contains("errors.deadletterqueue.topic.name"), e.getMessage());
        assertTrue(e.getMessage().contains("orders/3@42"), e.getMessage());
        assertFalse(e.getMessage().contains(RAW_MESSAGE), e.getMessage());
    }

    @Test
    void fromReadsTheToleranceIgnoringCase() {
        when(context.errantRecordReporter()).thenReturn(reporter);
        when(reporter.report(any(), any())).thenReturn(CompletableFuture.completedFuture(null));

        DeadLetterReporter all = DeadLetterReporter.from(context, Map.of("errors.tolerance", " ALL "));
        all.report(record(1), ticket(1), refused());
        verify(reporter).report(any(), any());

        DeadLetterReporter none = DeadLetterReporter.from(context, Map.of("errors.tolerance", "None"));
        assertThrows(ConnectException.class, () -> none.report(record(2), ticket(2), refused()));

        DeadLetterReporter unset = DeadLetterReporter.from(context, Map.of());
        ConnectException e = assertThrows(ConnectException.class, () -> unset.report(record(3), ticket(3), refused()));
        assertTrue(e.getMessage().contains("errors.tolerance=none"), e.getMessage());
    }

    @Test
    void fromSurvivesAWorkerWithoutErrantRecordReporter() {
        when(context.errantRecordReporter()).thenThrow(new NoSuchMethodError("errantRecordReporter"));
        DeadLetterReporter dlq = DeadLetterReporter.from(context, Map.of("errors.tolerance", "all"));
        ConnectException e = assertThrows(ConnectException.class, () -> dlq.report(record(1), ticket(1), refused()));
        assertTrue(e.getMessage().contains("errors.deadletterqueue.topic.name"), e.getMessage());
    }

    @Test
    void fromSurvivesAMissingReporterClass() {
        when(context.errantRecordReporter()).thenThrow(new NoClassDefFoundError("ErrantRecordReporter"));
        DeadLetterReporter dlq = DeadLetterReporter.from(context, Map.of("errors.tolerance", "all"));
        assertThrows(ConnectException.class, () -> dlq.report(record(1), ticket(1), refused()));
    }

    @Test
    void describeUsesTheOriginalTopicPartitionAndOffset() {
        assertEquals("orders/3@42", DeadLetterReporter.describe(record(42)));
        assertEquals("t/1@9", DeadLetterReporter.describe(new SinkRecord("t", 1, null, null, null, null, 9)));
    }

    @Test
    void deliveryErrorMessagesAndSummaries() {
        DeliveryError refused = refused();
        assertTrue(refused.getMessage().contains(RAW_MESSAGE), "the DLQ header has the vendor's message");
        assertFalse(refused.summary().contains(RAW_MESSAGE));
        assertEquals("Items API refused the record (HTTP 400 INVALID_EMAIL (field 'email'))", refused.summary());
        assertEquals(0, refused.getStackTrace().length);

        DeliveryError bad = DeliveryError.badRecord("field 'x': is null");
        assertEquals("Bad record: field 'x': is null", bad.getMessage());
        assertEquals(null, bad.reason());
    }
}
