package io.outflow.connect.reliability;

import io.outflow.connect.reliability.destination.DestinationUnderTest;
import io.outflow.connect.reliability.env.EmbeddedEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix's fast part, on one broker and one Connect worker in the test JVM: HTTP faults, expired and
 * revoked credentials, pause/resume, a task restart and an offset reset, for every connector. The scenarios are
 * in {@link Scenarios}; expected outcomes and measured results in docs/reliability.md.
 */
class FaultMatrixIT {
    static final String KEYED = "io.outflow.connect.reliability.destination.Destinations#keyed";
    static final String WITH_EVENTS = "io.outflow.connect.reliability.destination.Destinations#withEvents";
    static final String REFRESHING = "io.outflow.connect.reliability.destination.Destinations#refreshing";
    static final String SHORT_429_WAIT =
            "io.outflow.connect.reliability.destination.Destinations#shortRateLimitFallback";

    private static EmbeddedEnv env;

    @BeforeAll
    static void startCluster() {
        env = EmbeddedEnv.start("reliability", 1);
    }

    @AfterAll
    static void stopCluster() {
        if (env != null) {
            env.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void http5xxBursts(DestinationUnderTest destination) {
        Scenarios.http5xxBursts(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KEYED)
    void rateLimitStormWithRetryAfter(DestinationUnderTest destination) {
        Scenarios.rateLimitStorm(env, destination, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SHORT_429_WAIT)
    void rateLimitStormWithoutRetryAfter(DestinationUnderTest destination) {
        Scenarios.rateLimitStorm(env, destination, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void responsesSlowerThanTheResponseTimeout(DestinationUnderTest destination) {
        Scenarios.responsesSlowerThanTheResponseTimeout(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KEYED)
    void timedOutRequestAppliedLate(DestinationUnderTest destination) {
        Scenarios.timedOutRequestAppliedLate(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void connectionsResetMidRequest(DestinationUnderTest destination) {
        Scenarios.connectionsResetMidRequest(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(REFRESHING)
    void oauthAccessTokensExpireMidRun(DestinationUnderTest destination) {
        Scenarios.oauthAccessTokensExpireMidRun(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KEYED)
    void staticCredentialRevokedMidRun(DestinationUnderTest destination) {
        Scenarios.staticCredentialRevokedMidRun(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KEYED)
    void pauseAndResume(DestinationUnderTest destination) {
        Scenarios.pauseAndResume(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void taskRestartThroughRest(DestinationUnderTest destination) {
        Scenarios.taskRestartThroughRest(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void offsetsResetThroughRest(DestinationUnderTest destination) {
        Scenarios.offsetsResetThroughRest(env, destination);
    }
}
