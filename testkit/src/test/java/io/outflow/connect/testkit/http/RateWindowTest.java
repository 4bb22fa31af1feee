package io.outflow.connect.testkit.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateWindowTest {

    private static final long T0 = 1_000_000L;

    @Test
    void admitsUpToLimitThenRefusesUntilOldestLeaves() {
        RateWindow window = RateWindow.of(3, 1000);

        RateDecision first = window.tryAcquire(T0);
        assertTrue(first.allowed());
        assertEquals(3, first.limit());
        assertEquals(2, first.remaining());
        assertEquals(0, first.millisUntilSlotFrees());
        assertEquals(T0 + 1000, first.resetAtMillis());

        assertEquals(1, window.tryAcquire(T0 + 100).remaining());
        RateDecision third = window.tryAcquire(T0 + 200);
        assertTrue(third.allowed());
        assertEquals(0, third.remaining());
        assertEquals(800, third.millisUntilSlotFrees(), "the window is now full until T0 leaves it");

        RateDecision refused = window.tryAcquire(T0 + 300);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(700, refused.millisUntilSlotFrees());
        assertEquals(T0 + 1000, refused.resetAtMillis());
        assertEquals(3, window.inWindow(T0 + 300), "a refused request is not counted");

        assertFalse(window.tryAcquire(T0 + 999).allowed());
        RateDecision afterOldestLeft = window.tryAcquire(T0 + 1000);
        assertTrue(afterOldestLeft.allowed(), "T0's slot frees exactly at T0 + window");
        assertEquals(0, afterOldestLeft.remaining());
        assertEquals(T0 + 100 + 1000, afterOldestLeft.resetAtMillis());
    }

    @Test
    void windowEmptiesCompletelyAfterQuietPeriod() {
        RateWindow window = RateWindow.of(2, 500);
        window.tryAcquire(T0);
        window.tryAcquire(T0 + 1);
        assertFalse(window.tryAcquire(T0 + 2).allowed());
        RateDecision later = window.tryAcquire(T0 + 5000);
        assertTrue(later.allowed());
        assertEquals(1, later.remaining());
    }

    @Test
    void unlimitedAlwaysAdmits() {
        RateWindow window = RateWindow.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertTrue(window.tryAcquire(T0).allowed());
        }
        assertTrue(window.tryAcquire(T0).unlimited());
        assertTrue(RateWindow.of(0, 0).isUnlimited());
    }

    @Test
    void retryAfterAndResetAreRoundedUp() {
        assertEquals(1, new RateDecision(false, 1, 0, 1, 0).retryAfterSeconds());
        assertEquals(1, new RateDecision(false, 1, 0, 1000, 0).retryAfterSeconds());
        assertEquals(2, new RateDecision(false, 1, 0, 1001, 0).retryAfterSeconds());
        assertEquals(1, new RateDecision(true, 1, 1, 0, 0).retryAfterSeconds(), "never 0: at least 1 s");
        assertEquals(1_000_001, new RateDecision(true, 1, 0, 0, 1_000_000_001L).resetEpochSeconds());
        assertEquals(1_000_000, new RateDecision(true, 1, 0, 0, 1_000_000_000L).resetEpochSeconds());
    }

    @Test
    void resetForgetsCountedRequests() {
        RateWindow window = RateWindow.of(1, 1000);
        window.tryAcquire(T0);
        assertFalse(window.tryAcquire(T0).allowed());
        window.reset();
        assertTrue(window.tryAcquire(T0).allowed());
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> RateWindow.of(-1, 1000));
        assertThrows(IllegalArgumentException.class, () -> RateWindow.of(5, 0));
    }
}
