package io.outflow.connect.common.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/** A scheduler whose clock the test moves: tasks run only in {@link #runPending()} and {@link #advance(long)}. */
final class ManualScheduler implements Scheduler {
    private long now = 1_000_000;
    private long sequence;
    private final ArrayDeque<Runnable> immediate = new ArrayDeque<>();
    private final PriorityQueue<Timed> timed = new PriorityQueue<>();

    private static final class Timed implements Comparable<Timed> {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Timed(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Timed o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    @Override
    public long nowMs() {
        return now;
    }

    @Override
    public synchronized void execute(Runnable task) {
        immediate.add(task);
    }

    @Override
    public synchronized Cancellable schedule(long delayMs, Runnable task) {
        Timed t = new Timed(now + Math.max(0, delayMs), sequence++, task);
        timed.add(t);
        return () -> t.cancelled = true;
    }

    /** Runs everything due now. */
    void runPending() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = immediate.poll();
                if (next == null) {
                    Timed t = timed.peek();
                    if (t != null && t.at <= now) {
                        timed.poll();
                        if (!t.cancelled) {
                            next = t.task;
                        } else {
                            continue;
                        }
                    }
                }
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Moves the clock forward, running timers in order as their time comes. */
    void advance(long ms) {
        long target = now + ms;
        runPending();
        while (true) {
            Timed t;
            synchronized (this) {
                t = timed.peek();
                if (t == null || t.at > target) {
                    break;
                }
                timed.poll();
                now = Math.max(now, t.at);
            }
            if (!t.cancelled) {
                t.task.run();
            }
            runPending();
        }
        now = target;
        runPending();
    }

    /** Live timers. */
    synchronized int timers() {
        return (int) timed.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public void close() {
    }
}
