package io.outflow.connect.common.destination;

/** What happened to one record of a batch, as the destination's answer says. */
public final class RecordOutcome {
    /** The three ways a record's attempt can end. */
    public enum Kind {
        /** The destination holds the record's change. */
        DELIVERED,
        /** The destination refused the record for good: it goes to the dead-letter queue with the reason. */
        DEAD_LETTER,
        /** The answer does not say what happened to this record: send it again, alone. */
        RETRY
    }

    private static final RecordOutcome DELIVERED = new RecordOutcome(Kind.DELIVERED, null);

    private final Kind kind;
    private final Reason reason;

    private RecordOutcome(Kind kind, Reason reason) {
        this.kind = kind;
        this.reason = reason;
    }

    public static RecordOutcome delivered() {
        return DELIVERED;
    }

    public static RecordOutcome deadLetter(Reason reason) {
        return new RecordOutcome(Kind.DEAD_LETTER, reason);
    }

    public static RecordOutcome retry(Reason reason) {
        return new RecordOutcome(Kind.RETRY, reason);
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason == null ? kind.name() : kind + "(" + reason + ")";
    }
}
