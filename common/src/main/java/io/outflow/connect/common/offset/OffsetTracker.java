package io.outflow.connect.common.offset;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which offsets are safe to commit: per partition, the offset after the longest run of records from the start that
 * are all done (delivered, dead-lettered, superseded or skipped). A record still pending holds back every later
 * offset of its partition, so a restart never skips it.
 *
 * <p>Partitions are the records' original topic and partition (before any topic-renaming transform), as the
 * worker's consumer knows them. Thread-safe: the task thread tracks records, the engine thread marks them done.
 */
public final class OffsetTracker {
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    /** Starts tracking a record; its ticket is marked done later. */
    public synchronized Ticket track(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, PartitionState::new);
        return state.add(offset);
    }

    /** Marks a record done. A ticket of a partition no longer tracked (closed since) is ignored. */
    public synchronized void done(Ticket ticket) {
        if (ticket.done) {
            return;
        }
        ticket.done = true;
        if (partitions.get(ticket.state.partition) == ticket.state) {
            ticket.state.pending--;
        }
    }

    /** The offsets to commit: for each partition with progress, the offset of its first record not done. */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (PartitionState state : partitions.values()) {
            long next = state.committable();
            if (next >= 0) {
                out.put(state.partition, new OffsetAndMetadata(next));
            }
        }
        return out;
    }

    /** Whether any record of the partition is tracked and not done. */
    public synchronized boolean hasPending(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        return state != null && state.pending > 0;
    }

    /** Records tracked and not yet done, over all partitions. */
    public synchronized int pending() {
        int total = 0;
        for (PartitionState state : partitions.values()) {
            total += state.pending;
        }
        return total;
    }

    /** Stops tracking partitions (revoked, or the task stops); their outstanding tickets are ignored from now on. */
    public synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** One tracked record. */
    public static final class Ticket {
        private final PartitionState state;
        private final long offset;
        private boolean done;

        private Ticket(PartitionState state, long offset) {
            this.state = state;
            this.offset = offset;
        }

        public TopicPartition partition() {
            return state.partition;
        }

        public long offset() {
            return offset;
        }

        @Override
        public String toString() {
            return state.partition + "@" + offset;
        }
    }

    /** The tracked records of one partition, in arrival order. */
    private static final class PartitionState {
        private final TopicPartition partition;
        private final ArrayDeque<Ticket> tickets = new ArrayDeque<>();
        private long highestSeen = -1;
        /** Offsets arrived out of order (the worker rewound the consumer): the head is not the minimum then. */
        private boolean rewound;
        private long committed = -1;
        private int pending;

        PartitionState(TopicPartition partition) {
            this.partition = partition;
        }

        Ticket add(long offset) {
            if (offset <= highestSeen) {
                rewound = true;
            }
            highestSeen = Math.max(highestSeen, offset);
            Ticket ticket = new Ticket(this, offset);
            tickets.addLast(ticket);
            pending++;
            return ticket;
        }

        long committable() {
            if (rewound) {
                return committableAfterRewind();
            }
            while (!tickets.isEmpty() && tickets.peekFirst().done) {
                committed = tickets.pollFirst().offset + 1;
            }
            return committed;
        }

        /** After a rewind, the first offset not done is the smallest pending offset, wherever it sits. */
        private long committableAfterRewind() {
            long minPending = Long.MAX_VALUE;
            for (Ticket ticket : tickets) {
                if (!ticket.done) {
                    minPending = Math.min(minPending, ticket.offset);
                }
            }
            if (minPending == Long.MAX_VALUE) {
                tickets.clear();
                rewound = false;
                committed = highestSeen + 1;
                return committed;
            }
            final long first = minPending;
            tickets.removeIf(t -> t.done && t.offset < first);
            committed = first;
            return committed;
        }
    }
}
