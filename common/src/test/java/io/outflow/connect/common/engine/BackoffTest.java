package io.outflow.connect.common.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    @Test
    void boundsDoubleUpToTheMax() {
        Backoff backoff = new Backoff(100, 1000, () -> 0.5);
        assertEquals(100, backoff.boundMs(1));
        assertEquals(200, backoff.boundMs(2));
        assertEquals(400, backoff.boundMs(3));
        assertEquals(800, backoff.boundMs(4));
        assertEquals(1000, backoff.boundMs(5));
        assertEquals(1000, backoff.boundMs(6));
        assertEquals(1000, backoff.boundMs(1_000));
        assertEquals(1000, backoff.maxMs());
    }

    @Test
    void attemptsBelowOneUseTheInitialBound() {
        Backoff backoff = new Backoff(100, 1000, () -> 0.5);
        assertEquals(100, backoff.boundMs(0));
        assertEquals(100, backoff.boundMs(-5));
    }

    @Test
    void largeAttemptsNeverOverflow() {
        Backoff backoff = new Backoff(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, () -> 0.999);
        assertEquals(Long.MAX_VALUE / 2, backoff.boundMs(3));
        assertEquals(Long.MAX_VALUE / 2, backoff.boundMs(Integer.MAX_VALUE));
        assertTrue(backoff.delayMs(Integer.MAX_VALUE) > 0);

        Backoff small = new Backoff(1, 60_000, () -> 0.5);
        assertEquals(60_000, small.boundMs(64));
        assertEquals(60_000, small.boundMs(Integer.MAX_VALUE));
    }

    @Test
    void fullJitterWithAnInjectedRandom() {
        AtomicReference<Double> random = new AtomicReference<>(0.0);
        Backoff backoff = new Backoff(100, 1000, random::get);

        assertEquals(1, backoff.delayMs(1), "a random of 0.0 waits 1 ms");
        assertEquals(1, backoff.delayMs(5));

        random.set(0.999);
        assertEquals(100, backoff.delayMs(1), "about the bound");
        assertEquals(200, backoff.delayMs(2));
        assertEquals(1000, backoff.delayMs(10));

        random.set(0.5);
        assertEquals(51, backoff.delayMs(1));
        assertEquals(401, backoff.delayMs(4));
    }

    @Test
    void delayStaysWithinOneAndTheBound() {
        java.util.Random r = new java.util.Random(7);
        Backoff backoff = new Backoff(3, 500, r::nextDouble);
        for (int attempt = 1; attempt < 20; attempt++) {
            for (int i = 0; i < 50; i++) {
                long delay = backoff.delayMs(attempt);
                assertTrue(delay >= 1 && delay <= backoff.boundMs(attempt), delay + " for attempt " + attempt);
            }
        }
    }

    @Test
    void refusesBadBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 99, () -> 0));
        assertEquals(5, new Backoff(5, 5, () -> 0.999).delayMs(3));
    }
}
