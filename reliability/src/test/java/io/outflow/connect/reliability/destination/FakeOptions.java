package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.http.FaultPlan;

import java.time.Duration;

/**
 * How a scenario wants the destination's fake: its seeded fault plan, a fixed port (to take the host away and bring
 * it back on the same address), the OAuth variant of its authentication (HubSpot), a fixed latency per request, and
 * Zendesk's job duration.
 *
 * @param plan      random faults per request
 * @param seed      the fake's seed (faults, job failures)
 * @param port      0 for any free port, else this one
 * @param oauth     authenticate with OAuth access tokens the connector refreshes (HubSpot only)
 * @param latencyMs added to every request (so a stream takes long enough to be interrupted)
 * @param jobDelay  how long a Zendesk job stays queued or working
 */
public record FakeOptions(FaultPlan plan, long seed, int port, boolean oauth, long latencyMs, Duration jobDelay) {

    public static FakeOptions defaults() {
        return new FakeOptions(FaultPlan.none(), 42, 0, false, 0, Duration.ofMillis(100));
    }

    public FakeOptions faults(FaultPlan newPlan) {
        return new FakeOptions(newPlan, seed, port, oauth, latencyMs, jobDelay);
    }

    public FakeOptions seed(long newSeed) {
        return new FakeOptions(plan, newSeed, port, oauth, latencyMs, jobDelay);
    }

    public FakeOptions port(int newPort) {
        return new FakeOptions(plan, seed, newPort, oauth, latencyMs, jobDelay);
    }

    public FakeOptions oauth(boolean useOauth) {
        return new FakeOptions(plan, seed, port, useOauth, latencyMs, jobDelay);
    }

    public FakeOptions latencyMs(long millis) {
        return new FakeOptions(plan, seed, port, oauth, millis, jobDelay);
    }

    public FakeOptions jobDelay(Duration delay) {
        return new FakeOptions(plan, seed, port, oauth, latencyMs, delay);
    }
}
