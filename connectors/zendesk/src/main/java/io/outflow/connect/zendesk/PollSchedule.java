package io.outflow.connect.zendesk;

/**
 * When to read a job's status: first after {@code firstMs}, then twice as long each time up to {@code maxMs}. The
 * facts give no polling advice; doubling keeps slow jobs from eating the per-minute rate limit.
 */
record PollSchedule(long firstMs, long maxMs) {
    long delay(int polls) {
        long delay = firstMs;
        for (int i = 0; i < polls && delay < maxMs; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMs);
    }
}
