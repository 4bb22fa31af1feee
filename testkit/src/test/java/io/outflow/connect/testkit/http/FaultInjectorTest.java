package io.outflow.connect.testkit.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectorTest {

    private static final FaultPlan MIXED = FaultPlan.builder()
            .http500(0.1).http503(0.1).rateLimited(0.1).rateLimitedWithoutRetryAfter(0.1)
            .slow(0.1).dropBeforeApply(0.1).dropAfterApply(0.1)
            .build();

    @Test
    void sameSeedGivesSameSequence() {
        assertEquals(draws(new FaultInjector(MIXED, 7), 500), draws(new FaultInjector(MIXED, 7), 500));
    }

    @Test
    void resetReplaysTheSequenceAndZeroesCounters() {
        FaultInjector injector = new FaultInjector(MIXED, 7);
        List<FaultKind> first = draws(injector, 200);
        assertTrue(injector.totalInjected() > 0);
        injector.reset();
        assertEquals(0, injector.totalInjected());
        assertEquals(first, draws(injector, 200));
    }

    @Test
    void frequenciesFollowProbabilitiesAndCountsMatchDraws() {
        FaultInjector injector = new FaultInjector(MIXED, 1);
        List<FaultKind> drawn = draws(injector, 10_000);
        for (FaultKind kind : List.of(FaultKind.HTTP_500, FaultKind.DROP_AFTER_APPLY, FaultKind.SLOW)) {
            long n = drawn.stream().filter(k -> k == kind).count();
            assertEquals(n, injector.count(kind));
            assertTrue(n > 850 && n < 1150, kind + " drawn " + n + " times out of 10000 at p=0.1");
        }
        assertEquals(drawn.stream().filter(k -> k != null).count(), injector.totalInjected());
    }

    @Test
    void disabledOrEmptyPlanInjectsNothing() {
        FaultInjector injector = new FaultInjector(FaultPlan.always(FaultKind.HTTP_500), 1);
        injector.disable();
        assertNull(injector.draw());
        injector.enable();
        assertEquals(FaultKind.HTTP_500, injector.draw());
        injector.plan(FaultPlan.none());
        assertNull(injector.draw());
    }

    @Test
    void planValidation() {
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().http500(0.6).http503(0.6).build());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().http500(1.5));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().probability(FaultKind.DOWN, 0.1));
        FaultPlan plan = FaultPlan.builder().rateLimited(0.2).retryAfterSeconds(7).slowDelayMs(1234).build();
        assertEquals(0.2, plan.probability(FaultKind.HTTP_429_RETRY_AFTER));
        assertEquals(7, plan.retryAfterSeconds());
        assertEquals(1234, plan.slowDelayMs());
    }

    private static List<FaultKind> draws(FaultInjector injector, int n) {
        List<FaultKind> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(injector.draw());
        }
        return result;
    }
}
