package io.outflow.connect.common.destination;

/**
 * A request that did not produce per-record outcomes, classified by what the engine should do next. The engine
 * derives a failure from the HTTP status and transport errors; a destination returns its own when it knows better
 * (a daily quota, a job that failed as a whole, a 403 that means a feature is switched off).
 */
public final class Failure {
    /** What the engine does with the batch. */
    public enum Kind {
        /** Retry the same request with exponential backoff; counts against the retry time. */
        TRANSIENT,
        /** Wait (for {@link #waitMillis()} when known) and send the same request again; not a failure. */
        RATE_LIMITED,
        /** A long quota (e.g. a daily limit): pause, probe again after {@link #waitMillis()}; not a failure. */
        QUOTA_EXHAUSTED,
        /** Start the batch's conversation again from its first request, with backoff (e.g. an async job failed). */
        RESTART,
        /** The destination refused the whole batch for good: split it until the bad records are found. */
        REJECT_BATCH,
        /** The credentials were refused: refresh them once if the auth mode can, else fail the task. */
        UNAUTHORIZED,
        /** Nothing the engine can do (wrong URL, missing permission): fail the task with the reason. */
        FATAL
    }

    /** Wait time not known: the engine picks one. */
    public static final long UNKNOWN_WAIT = -1;

    private final Kind kind;
    private final Reason reason;
    private final long waitMillis;

    private Failure(Kind kind, Reason reason, long waitMillis) {
        this.kind = kind;
        this.reason = reason;
        this.waitMillis = waitMillis;
    }

    public static Failure transientError(Reason reason) {
        return new Failure(Kind.TRANSIENT, reason, UNKNOWN_WAIT);
    }

    /** A transient error whose answer said when to come back (e.g. a 503 with Retry-After). */
    public static Failure transientError(Reason reason, long waitMillis) {
        return new Failure(Kind.TRANSIENT, reason, waitMillis);
    }

    public static Failure rateLimited(Reason reason, long waitMillis) {
        return new Failure(Kind.RATE_LIMITED, reason, waitMillis);
    }

    public static Failure quotaExhausted(Reason reason, long waitMillis) {
        return new Failure(Kind.QUOTA_EXHAUSTED, reason, waitMillis);
    }

    public static Failure restart(Reason reason) {
        return new Failure(Kind.RESTART, reason, UNKNOWN_WAIT);
    }

    public static Failure rejectBatch(Reason reason) {
        return new Failure(Kind.REJECT_BATCH, reason, UNKNOWN_WAIT);
    }

    public static Failure unauthorized(Reason reason) {
        return new Failure(Kind.UNAUTHORIZED, reason, UNKNOWN_WAIT);
    }

    public static Failure fatal(Reason reason) {
        return new Failure(Kind.FATAL, reason, UNKNOWN_WAIT);
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    /** How long the destination asked us to wait, or {@link #UNKNOWN_WAIT}. */
    public long waitMillis() {
        return waitMillis;
    }

    @Override
    public String toString() {
        return kind + "(" + reason + (waitMillis >= 0 ? ", wait " + waitMillis + " ms" : "") + ")";
    }
}
