package io.outflow.connect.common.engine;

import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.RetryExhaustedAction;

/** The engine's tuning, read from the common configuration keys. */
public final class EngineSettings {
    final long lingerMs;
    final int maxInFlight;
    final long retryTimeoutMs;
    final RetryExhaustedAction retryExhaustedAction;
    final long quotaProbeMs;
    final long unansweredFenceMs;

    public EngineSettings(long lingerMs, int maxInFlight, long retryTimeoutMs,
                          RetryExhaustedAction retryExhaustedAction, long quotaProbeMs) {
        this(lingerMs, maxInFlight, retryTimeoutMs, retryExhaustedAction, quotaProbeMs, 60_000);
    }

    public EngineSettings(long lingerMs, int maxInFlight, long retryTimeoutMs,
                          RetryExhaustedAction retryExhaustedAction, long quotaProbeMs, long unansweredFenceMs) {
        this.lingerMs = lingerMs;
        this.maxInFlight = maxInFlight;
        this.retryTimeoutMs = retryTimeoutMs;
        this.retryExhaustedAction = retryExhaustedAction;
        this.quotaProbeMs = quotaProbeMs;
        this.unansweredFenceMs = unansweredFenceMs;
    }

    /**
     * @param quotaProbeMs how long to wait before probing a used-up long quota when the destination does not say
     */
    public static EngineSettings from(OutflowSinkConfig config, long quotaProbeMs) {
        return new EngineSettings(config.lingerMs(), config.maxInFlightRequests(), config.retryTimeoutMs(),
                config.retryExhaustedAction(), quotaProbeMs, config.unansweredFenceMs());
    }
}
