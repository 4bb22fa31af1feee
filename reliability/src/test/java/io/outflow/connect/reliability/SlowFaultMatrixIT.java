package io.outflow.connect.reliability;

import io.outflow.connect.reliability.destination.DestinationUnderTest;
import io.outflow.connect.reliability.env.EmbeddedEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix's slow scenarios on Connect workers in the test JVM: an unreachable host until the retry time runs
 * out, the destination down for longer than three maximum backoffs, a second worker joining (a rebalance), and
 * Zendesk's one-minute wait after a 429 without Retry-After. Tagged {@code slow}: the README's test command leaves
 * them out, {@code .ci/run} runs them. The scenarios are in {@link Scenarios}.
 */
@Tag("slow")
class SlowFaultMatrixIT {
    static final String KEYED = FaultMatrixIT.KEYED;
    static final String WITH_EVENTS = FaultMatrixIT.WITH_EVENTS;
    static final String LONG_429_WAIT =
            "io.outflow.connect.reliability.destination.Destinations#longRateLimitFallback";

    private static EmbeddedEnv env;

    @BeforeAll
    static void startCluster() {
        env = EmbeddedEnv.start("reliability-slow", 1);
    }

    @AfterAll
    static void stopCluster() {
        if (env != null) {
            env.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KEYED)
    void unreachableHost(DestinationUnderTest destination) {
        Scenarios.unreachableHost(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KEYED)
    void destinationDownThenBack(DestinationUnderTest destination) {
        Scenarios.destinationDownThenBack(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void secondWorkerJoins(DestinationUnderTest destination) {
        Scenarios.secondWorkerJoins(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(LONG_429_WAIT)
    void rateLimitStormWithoutRetryAfter(DestinationUnderTest destination) {
        Scenarios.rateLimitStorm(env, destination, false);
    }
}
