package io.outflow.connect.common.destination;

/**
 * How a destination tells us about its rate limits, read from every answer so the engine slows down before a 429
 * and waits exactly as long as asked after one.
 */
public interface RateLimitSignals {
    /** A destination that sends no rate-limit signals beyond a 429 and perhaps Retry-After. */
    RateLimitSignals RETRY_AFTER_ONLY = new RateLimitSignals() {
        @Override
        public long holdMillis(HttpResult response, int requestsInFlight, double connectorPerSecond,
                               long nowMillis) {
            return 0;
        }

        @Override
        public long retryAfterMillis(HttpResult response, long nowMillis) {
            return RetryAfter.millis(response, nowMillis);
        }
    };

    /**
     * After any answer: how long to hold back new requests because the window is (nearly) used up, or 0.
     *
     * @param requestsInFlight   other requests already on their way, which will use the remaining budget first
     * @param connectorPerSecond the pace the connector's own rate budget keeps to, all tasks together; infinite when
     *                           it has none
     */
    long holdMillis(HttpResult response, int requestsInFlight, double connectorPerSecond, long nowMillis);

    /** After a rate-limit answer: how long to wait, or {@link Failure#UNKNOWN_WAIT} if the answer does not say. */
    long retryAfterMillis(HttpResult response, long nowMillis);
}
