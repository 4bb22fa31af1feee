package io.outflow.connect.testkit.http;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-request probabilities of each random fault, plus the parameters some faults need. Immutable;
 * at most one fault is drawn per request, so the probabilities must sum to at most 1.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = builder().build();

    private final Map<FaultKind, Double> probabilities;
    private final long retryAfterSeconds;
    private final long slowDelayMs;

    private FaultPlan(Builder builder) {
        this.probabilities = Collections.unmodifiableMap(new EnumMap<>(builder.probabilities));
        this.retryAfterSeconds = builder.retryAfterSeconds;
        this.slowDelayMs = builder.slowDelayMs;
    }

    public static FaultPlan none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every faultable request gets this fault: handy for tests of one behaviour. */
    public static FaultPlan always(FaultKind kind) {
        return builder().probability(kind, 1.0).build();
    }

    public double probability(FaultKind kind) {
        return probabilities.getOrDefault(kind, 0.0);
    }

    public double totalProbability() {
        return probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public boolean isEmpty() {
        return totalProbability() == 0.0;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long slowDelayMs() {
        return slowDelayMs;
    }

    /** Probabilities in draw order (the enum's order), for the injector. */
    Map<FaultKind, Double> probabilities() {
        return probabilities;
    }

    @Override
    public String toString() {
        return "FaultPlan" + probabilities + " retryAfter=" + retryAfterSeconds + "s slow=" + slowDelayMs + "ms";
    }

    /** Builds a plan; every probability defaults to 0. */
    public static final class Builder {

        private final Map<FaultKind, Double> probabilities = new EnumMap<>(FaultKind.class);
        private long retryAfterSeconds = 1;
        private long slowDelayMs = 3000;

        private Builder() {
        }

        public Builder probability(FaultKind kind, double p) {
            if (kind == FaultKind.DOWN) {
                throw new IllegalArgumentException("DOWN is a switch on the injector, not a random fault");
            }
            if (p < 0.0 || p > 1.0) {
                throw new IllegalArgumentException("probability of " + kind + " must be in [0,1]: " + p);
            }
            probabilities.put(kind, p);
            return this;
        }

        public Builder http500(double p) {
            return probability(FaultKind.HTTP_500, p);
        }

        public Builder http503(double p) {
            return probability(FaultKind.HTTP_503, p);
        }

        /** 429 with a Retry-After of {@link #retryAfterSeconds} seconds. */
        public Builder rateLimited(double p) {
            return probability(FaultKind.HTTP_429_RETRY_AFTER, p);
        }

        public Builder rateLimitedWithoutRetryAfter(double p) {
            return probability(FaultKind.HTTP_429_NO_RETRY_AFTER, p);
        }

        public Builder slow(double p) {
            return probability(FaultKind.SLOW, p);
        }

        public Builder dropBeforeApply(double p) {
            return probability(FaultKind.DROP_BEFORE_APPLY, p);
        }

        public Builder dropAfterApply(double p) {
            return probability(FaultKind.DROP_AFTER_APPLY, p);
        }

        public Builder retryAfterSeconds(long seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must be >= 0: " + seconds);
            }
            this.retryAfterSeconds = seconds;
            return this;
        }

        /** How long a {@link FaultKind#SLOW} request waits before being handled. */
        public Builder slowDelayMs(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("slowDelayMs must be >= 0: " + millis);
            }
            this.slowDelayMs = millis;
            return this;
        }

        public FaultPlan build() {
            double total = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 1.0 + 1e-9) {
                throw new IllegalArgumentException("fault probabilities sum to " + total + " > 1");
            }
            return new FaultPlan(this);
        }
    }
}
