package io.outflow.connect.common.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateBudgetTest {
    @Test
    void theConnectorsBudgetIsSplitOverItsTasks() {
        assertEquals(4.95, RateBudget.of(100, 10_000, 2).permitsPerSecond(), 1e-9);
        assertEquals(9.9, RateBudget.of(100, 10_000, 1).permitsPerSecond(), 1e-9);
        assertEquals(29 / 60.0, RateBudget.of(30, 60_000, 1).permitsPerSecond(), 1e-9);
    }

    @Test
    void theConnectorsPaceIsEveryTasksShareTogether() {
        assertEquals(9.9, RateBudget.of(100, 10_000, 2).connectorPermitsPerSecond(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, RateBudget.of(0, 10_000, 2).connectorPermitsPerSecond());
    }

    @Test
    void noTasksCountsAsOne() {
        assertEquals(9.9, RateBudget.of(100, 10_000, 0).permitsPerSecond(), 1e-9);
    }

    @Test
    void zeroRequestsMeansUnlimited() {
        RateBudget budget = RateBudget.of(0, 10_000, 2);
        assertEquals(Double.POSITIVE_INFINITY, budget.permitsPerSecond());
        for (int i = 0; i < 10_000; i++) {
            assertTrue(budget.tryAcquire());
        }
        assertEquals(Double.POSITIVE_INFINITY, RateBudget.unlimited().permitsPerSecond());
        assertTrue(RateBudget.unlimited().tryAcquire());
    }

    @Test
    void theFirstRequestGoesAtOnceTheNextWaitsItsTurn() {
        RateBudget budget = RateBudget.of(1, 60_000, 1);
        assertTrue(budget.tryAcquire());
        assertFalse(budget.tryAcquire(), "the next permit is a minute away");
    }

    @Test
    void afterAGrantTheRetryComesWhenTheNextPermitIsDue() {
        RateBudget budget = RateBudget.of(100, 10_000, 1); // 9.9 per second: a permit every 101.01 ms
        long before = System.nanoTime();
        assertTrue(budget.tryAcquire());
        assertFalse(budget.tryAcquire());
        long delay = budget.retryDelayMs();
        long elapsedMs = (System.nanoTime() - before) / 1_000_000;
        assertTrue(delay <= 102, delay + " ms: not later than one spacing after the grant");
        assertTrue(delay >= 101 - elapsedMs - 1, delay + " ms after " + elapsedMs + " ms: not before it is due");
    }

    @Test
    void beforeAnyGrantOrOnceThePermitIsOverdueTheRetryPollsInQuarterSpacings() {
        assertEquals(50, RateBudget.of(100, 10_000, 2).retryDelayMs());
        assertEquals(250, RateBudget.of(1, 60_000, 1).retryDelayMs(), "capped at a quarter second");
        assertEquals(1, RateBudget.of(100_000, 1000, 1).retryDelayMs(), "at least a millisecond");
    }

    @Test
    void anIdleSpellDoesNotSaveUpABurst() throws InterruptedException {
        RateBudget budget = RateBudget.of(100, 1_000, 1);
        assertTrue(budget.tryAcquire());
        Thread.sleep(300); // idle: a bursty limiter would now hold ~30 saved permits
        int immediate = 0;
        while (budget.tryAcquire()) {
            immediate++;
        }
        assertTrue(immediate <= 2, immediate + " permits handed out at once after idling");
    }
}
