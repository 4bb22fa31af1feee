package io.outflow.connect.reliability;

import io.outflow.connect.reliability.destination.DestinationUnderTest;
import io.outflow.connect.reliability.env.ProcessEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix's crash scenarios: a Kafka broker and Connect workers as processes (Kafka 4.3.1's jars, the
 * plugins from assembly's target/plugin-path), the worker killed with SIGKILL mid-stream and started again, also
 * while Zendesk jobs are pending. Tagged {@code slow}. The scenarios are in {@link Scenarios}.
 */
@Tag("slow")
class ProcessFaultMatrixIT {
    static final String WITH_EVENTS = FaultMatrixIT.WITH_EVENTS;
    static final String WITH_ASYNC_JOBS = "io.outflow.connect.reliability.destination.Destinations#withAsyncJobs";

    private static ProcessEnv env;

    @BeforeAll
    static void startBroker() throws Exception {
        env = ProcessEnv.start(Scenario.TIMEOUT);
    }

    @AfterAll
    static void stopBroker() {
        if (env != null) {
            env.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_EVENTS)
    void workerKilledWithSigkill(DestinationUnderTest destination) throws Exception {
        Scenarios.workerKilled(env, destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(WITH_ASYNC_JOBS)
    void asyncJobsPendingWhenTheWorkerDies(DestinationUnderTest destination) throws Exception {
        Scenarios.asyncJobsPendingWhenTheWorkerDies(env, destination);
    }
}
