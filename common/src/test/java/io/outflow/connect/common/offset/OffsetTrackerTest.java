package io.outflow.connect.common.offset;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetTrackerTest {
    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final TopicPartition Q0 = new TopicPartition("other", 0);

    private final OffsetTracker tracker = new OffsetTracker();

    private List<OffsetTracker.Ticket> track(TopicPartition partition, long... offsets) {
        List<OffsetTracker.Ticket> out = new ArrayList<>();
        for (long offset : offsets) {
            out.add(tracker.track(partition, offset));
        }
        return out;
    }

    private Long committed(TopicPartition partition) {
        OffsetAndMetadata o = tracker.committable().get(partition);
        return o == null ? null : o.offset();
    }

    @Test
    void nothingIsCommittableBeforeProgress() {
        assertTrue(tracker.committable().isEmpty());
        track(P0, 0, 1, 2);
        assertTrue(tracker.committable().isEmpty());
        assertEquals(3, tracker.pending());
    }

    @Test
    void commitsTheOffsetAfterTheLastDoneRecordOfTheRun() {
        List<OffsetTracker.Ticket> t = track(P0, 10, 11, 12);
        tracker.done(t.get(0));
        assertEquals(11L, committed(P0));
        tracker.done(t.get(1));
        tracker.done(t.get(2));
        assertEquals(13L, committed(P0));
        assertEquals(0, tracker.pending());
    }

    @Test
    void aPendingRecordHoldsBackLaterOffsets() {
        List<OffsetTracker.Ticket> t = track(P0, 0, 1, 2, 3);
        tracker.done(t.get(0));
        tracker.done(t.get(2));
        tracker.done(t.get(3));
        assertEquals(1L, committed(P0), "offset 1 is still pending");
        assertEquals(1, tracker.pending());
        tracker.done(t.get(1));
        assertEquals(4L, committed(P0));
    }

    @Test
    void aPendingFirstRecordMeansNoProgressAtAll() {
        List<OffsetTracker.Ticket> t = track(P0, 5, 6);
        tracker.done(t.get(1));
        assertNull(committed(P0));
        tracker.done(t.get(0));
        assertEquals(7L, committed(P0));
    }

    @Test
    void gapsInOffsetsAreFine() {
        List<OffsetTracker.Ticket> t = track(P0, 3, 7, 20);
        t.forEach(tracker::done);
        assertEquals(21L, committed(P0));
    }

    @Test
    void theCommittedOffsetStaysWhenLaterRecordsArrive() {
        List<OffsetTracker.Ticket> t = track(P0, 0, 1);
        t.forEach(tracker::done);
        assertEquals(2L, committed(P0));
        track(P0, 2, 3);
        assertEquals(2L, committed(P0));
    }

    @Test
    void partitionsAreIndependent() {
        List<OffsetTracker.Ticket> a = track(P0, 0, 1);
        List<OffsetTracker.Ticket> b = track(P1, 100, 101);
        List<OffsetTracker.Ticket> c = track(Q0, 7);
        tracker.done(a.get(0));
        tracker.done(b.get(1));
        tracker.done(c.get(0));

        Map<TopicPartition, OffsetAndMetadata> committable = tracker.committable();
        assertEquals(Map.of(P0, new OffsetAndMetadata(1), Q0, new OffsetAndMetadata(8)), committable,
                "P1 has no progress: 100 is pending");
        assertEquals(2, tracker.pending());
    }

    @Test
    void doneTwiceCountsOnce() {
        List<OffsetTracker.Ticket> t = track(P0, 0, 1);
        tracker.done(t.get(0));
        tracker.done(t.get(0));
        assertEquals(1, tracker.pending());
        assertEquals(1L, committed(P0));
    }

    @Test
    void ticketsKnowTheirRecord() {
        OffsetTracker.Ticket t = tracker.track(P1, 42);
        assertEquals(P1, t.partition());
        assertEquals(42, t.offset());
        assertEquals("t-1@42", t.toString());
    }

    @Test
    void forgottenPartitionsAreNotCommittedAndTheirTicketsIgnored() {
        List<OffsetTracker.Ticket> a = track(P0, 0, 1);
        List<OffsetTracker.Ticket> b = track(P1, 0);
        tracker.forget(List.of(P0));
        assertEquals(1, tracker.pending());

        tracker.done(a.get(0));
        tracker.done(a.get(1));
        assertEquals(1, tracker.pending());
        assertFalse(tracker.committable().containsKey(P0));

        tracker.done(b.get(0));
        assertEquals(Map.of(P1, new OffsetAndMetadata(1)), tracker.committable());
    }

    @Test
    void aStaleTicketDoesNotCountForThePartitionAssignedAgain() {
        List<OffsetTracker.Ticket> old = track(P0, 0, 1);
        tracker.forget(List.of(P0));
        List<OffsetTracker.Ticket> fresh = track(P0, 0, 1);

        tracker.done(old.get(0));
        tracker.done(old.get(1));
        assertEquals(2, tracker.pending(), "the new assignment's records are still pending");
        assertNull(committed(P0));

        tracker.done(fresh.get(0));
        assertEquals(1L, committed(P0));
    }

    @Test
    void aRewindNeverSkipsAPendingRecord() {
        List<OffsetTracker.Ticket> first = track(P0, 0, 1, 2, 3);
        tracker.done(first.get(0));
        tracker.done(first.get(1));
        assertEquals(2L, committed(P0));

        // The worker rewinds the consumer to 1: 1 and 2 arrive again while 2 and 3 of the first run are pending.
        List<OffsetTracker.Ticket> again = track(P0, 1, 2);
        assertEquals(1L, committed(P0), "the redelivered 1 is pending");

        tracker.done(again.get(0));
        tracker.done(again.get(1));
        assertEquals(2L, committed(P0), "the first run's 2 is still pending");

        tracker.done(first.get(2));
        assertEquals(3L, committed(P0));
        tracker.done(first.get(3));
        assertEquals(4L, committed(P0));
        assertEquals(0, tracker.pending());

        // Back to normal order afterwards.
        List<OffsetTracker.Ticket> later = track(P0, 4, 5);
        tracker.done(later.get(1));
        assertEquals(4L, committed(P0));
        tracker.done(later.get(0));
        assertEquals(6L, committed(P0));
    }

    @Test
    void aRewindBehindDoneRecordsCommitsTheRewoundOffset() {
        List<OffsetTracker.Ticket> first = track(P0, 10, 11, 12);
        first.forEach(tracker::done);
        assertEquals(13L, committed(P0));

        OffsetTracker.Ticket rewound = tracker.track(P0, 11);
        assertEquals(11L, committed(P0), "11 arrived again and is not done");
        tracker.done(rewound);
        assertEquals(13L, committed(P0));
    }

    @Test
    void aRewindWhileLaterRecordsAreDoneHoldsAtTheLowestPendingOffset() {
        List<OffsetTracker.Ticket> first = track(P0, 5, 6, 7);
        tracker.done(first.get(1));
        tracker.done(first.get(2));
        OffsetTracker.Ticket three = tracker.track(P0, 3);
        assertEquals(3L, committed(P0));
        tracker.done(three);
        assertEquals(5L, committed(P0), "5 is still pending");
        tracker.done(first.get(0));
        assertEquals(8L, committed(P0));
    }

    @Test
    void aRepeatedOffsetCountsAsARewind() {
        OffsetTracker.Ticket a = tracker.track(P0, 0);
        OffsetTracker.Ticket b = tracker.track(P0, 0);
        tracker.done(b);
        Long held = committed(P0);
        assertTrue(held == null || held == 0L, "the first copy of 0 is pending, yet committed " + held);
        tracker.done(a);
        assertEquals(1L, committed(P0));
    }

    /** Random order of arrivals (with rewinds) and completions: the commit never passes a pending offset. */
    @Test
    void neverCommitsPastAPendingOffset() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            OffsetTracker t = new OffsetTracker();
            List<OffsetTracker.Ticket> open = new ArrayList<>();
            long next = 0;
            long highest = -1;
            for (int step = 0; step < 60; step++) {
                int action = random.nextInt(10);
                if (action < 5) {
                    if (random.nextInt(8) == 0 && next > 0) {
                        next = Math.max(0, next - 1 - random.nextInt(5)); // rewind
                    }
                    highest = Math.max(highest, next);
                    open.add(t.track(P0, next++));
                } else if (!open.isEmpty()) {
                    t.done(open.remove(random.nextInt(open.size())));
                }
                OffsetAndMetadata c = t.committable().get(P0);
                if (c != null) {
                    TreeSet<Long> pending = new TreeSet<>();
                    open.forEach(x -> pending.add(x.offset()));
                    if (!pending.isEmpty()) {
                        assertTrue(c.offset() <= pending.first(), "committed " + c.offset() + " past pending "
                                + pending.first() + " in run " + run);
                    }
                }
            }
            assertEquals(open.size(), t.pending());
            open.forEach(t::done);
            if (highest >= 0) {
                assertEquals(highest + 1, t.committable().get(P0).offset(), "all done: everything seen is committed");
            }
        }
    }
}
