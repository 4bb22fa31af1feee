package io.outflow.connect.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The records every measurement uses: one shape all three connectors take (a customer score row, ~200 bytes of
 * schemaless JSON), keyed by a unique email so no record supersedes another and every record is one request input.
 * The email is HubSpot's id property and Zendesk's and Braze's external id alike; {@code full_name} is mapped to
 * each vendor's name field; {@code sent_at} is the produce time in epoch milliseconds (the end-to-end measurement
 * reads it back at the fake).
 */
final class Dataset {
    /** The size the reference figures were measured with. */
    static final int TARGET_VALUE_BYTES = 200;
    private static final String PADDING;

    static {
        String probe = value(0, 1_764_000_000_000L, "");
        int missing = TARGET_VALUE_BYTES - probe.getBytes(StandardCharsets.UTF_8).length;
        PADDING = "x".repeat(Math.max(0, missing));
    }

    private Dataset() {
    }

    static String key(String prefix, long i) {
        return String.format("%s%08d@bench.example", prefix, i);
    }

    static byte[] keyBytes(String prefix, long i) {
        return key(prefix, i).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] valueBytes(long i, long sentAtMs) {
        return value(i, sentAtMs, PADDING).getBytes(StandardCharsets.UTF_8);
    }

    private static String value(long i, long sentAtMs, String padding) {
        return "{\"full_name\":\"Bench User " + String.format("%08d", i) + "\",\"health_score\":" + (i % 100)
                + ",\"churn_risk\":\"" + (i % 3 == 0 ? "high" : "low") + "\",\"plan\":\"enterprise\","
                + "\"segment\":\"smb-emea\",\"lifetime_value\":" + (1000 + i % 9000) + ".25,\"seats\":" + (i % 50)
                + ",\"active\":true,\"region\":\"eu-west-1\",\"notes\":\"" + padding + "\",\"sent_at\":" + sentAtMs
                + "}";
    }
}
