package io.outflow.connect.testkit.connect;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until a deadline, so tests never guess a sleep. A RuntimeException from the condition
 * counts as "not yet" (clusters answer 404/409 while converging) and becomes the cause if time runs out;
 * an AssertionError is a definite failure and ends the wait at once.
 */
public final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        untilPresent(description, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Polls until the probe yields a value, and returns it. */
    public static <T> T untilPresent(String description, Duration timeout, Supplier<Optional<T>> probe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                long waitedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
                throw new AssertionError("Timed out after " + waitedMs + " ms waiting for: " + description, lastError);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + description, e);
            }
        }
    }
}
