package io.outflow.connect.common.destination;

/**
 * Rate-limit signals read from response headers: how many requests remain in the window and, where the vendor says,
 * when the window resets. Each destination names its own headers (HubSpot {@code X-HubSpot-RateLimit-*}, Braze
 * {@code X-RateLimit-*}, Zendesk {@code X-Rate-Limit-*}); lookups ignore case.
 */
public final class HeaderRateLimitSignals implements RateLimitSignals {
    /** How a reset header counts time. */
    public enum ResetFormat {
        /** Unix time in seconds at which the window resets (Braze). */
        EPOCH_SECONDS,
        /** Seconds from now until the window resets. */
        SECONDS_FROM_NOW
    }

    private final String remainingHeader;
    private final String limitHeader;
    private final String resetHeader;
    private final ResetFormat resetFormat;
    private final String intervalMillisHeader;
    private final long windowMillis;

    private HeaderRateLimitSignals(Builder b) {
        this.remainingHeader = b.remainingHeader;
        this.limitHeader = b.limitHeader;
        this.resetHeader = b.resetHeader;
        this.resetFormat = b.resetFormat;
        this.intervalMillisHeader = b.intervalMillisHeader;
        this.windowMillis = b.windowMillis;
    }

    public static Builder builder(String remainingHeader) {
        return new Builder(remainingHeader);
    }

    @Override
    public long holdMillis(HttpResult response, int requestsInFlight, double connectorPerSecond, long nowMillis) {
        long remaining = longHeader(response, remainingHeader);
        if (remaining < 0) {
            return 0;
        }
        long untilReset = untilReset(response, nowMillis);
        if (untilReset >= 0) {
            // A fixed window: nothing comes free before the reset, so requests in flight use up what remains.
            return remaining > requestsInFlight ? 0 : untilReset;
        }
        // No reset time: a rolling window, whose old requests age out while ours are in flight. When the connector's
        // own budget paces at or under the vendor's limit, they age out as fast as we send, so "1 remaining, 2 in
        // flight" is a budget used fully, not a coming 429 (holding then cost HubSpot a fifth of its budget), and only
        // a full window (someone else shares the quota) holds. Without such a budget (rate.limit.requests=0, or set
        // above the vendor's limit) the requests in flight do use up what remains.
        long window = window(response);
        long limit = longHeader(response, limitHeader);
        boolean pacedUnderLimit = window > 0 && limit > 0 && connectorPerSecond <= limit * 1000.0 / window;
        long ahead = pacedUnderLimit ? (remaining > 0 ? -1 : requestsInFlight) : requestsInFlight - remaining;
        if (ahead < 0) {
            return 0;
        }
        // Wait for about one request's share of the window per request ahead of the next one.
        if (window > 0 && limit > 0) {
            return Math.max(1, window / limit) * (ahead + 1);
        }
        return window > 0 ? window : 1000;
    }

    @Override
    public long retryAfterMillis(HttpResult response, long nowMillis) {
        long retryAfter = RetryAfter.millis(response, nowMillis);
        if (retryAfter >= 0) {
            return retryAfter;
        }
        long untilReset = untilReset(response, nowMillis);
        if (untilReset >= 0) {
            return untilReset;
        }
        long window = window(response);
        return window > 0 ? window : Failure.UNKNOWN_WAIT;
    }

    private long untilReset(HttpResult response, long nowMillis) {
        long reset = longHeader(response, resetHeader);
        if (reset < 0) {
            return -1;
        }
        switch (resetFormat) {
            case EPOCH_SECONDS:
                return Math.max(0, reset * 1000 - nowMillis);
            case SECONDS_FROM_NOW:
            default:
                return reset * 1000;
        }
    }

    private long window(HttpResult response) {
        long interval = longHeader(response, intervalMillisHeader);
        return interval > 0 ? interval : windowMillis;
    }

    private static long longHeader(HttpResult response, String name) {
        if (name == null) {
            return -1;
        }
        String value = response.header(name);
        if (value == null) {
            return -1;
        }
        try {
            return (long) Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Names the headers a destination sends. */
    public static final class Builder {
        private final String remainingHeader;
        private String limitHeader;
        private String resetHeader;
        private ResetFormat resetFormat = ResetFormat.SECONDS_FROM_NOW;
        private String intervalMillisHeader;
        private long windowMillis;

        private Builder(String remainingHeader) {
            this.remainingHeader = remainingHeader;
        }

        public Builder limit(String header) {
            this.limitHeader = header;
            return this;
        }

        public Builder reset(String header, ResetFormat format) {
            this.resetHeader = header;
            this.resetFormat = format;
            return this;
        }

        /** A header giving the window's length in milliseconds (HubSpot's Interval-Milliseconds). */
        public Builder intervalMillis(String header) {
            this.intervalMillisHeader = header;
            return this;
        }

        /** The window's length when no header says it. */
        public Builder window(long millis) {
            this.windowMillis = millis;
            return this;
        }

        public HeaderRateLimitSignals build() {
            return new HeaderRateLimitSignals(this);
        }
    }
}
