package io.outflow.connect.testkit.zendesk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The two time formats the fake writes, both from the server's clock. */
final class Timestamps {

    /** "Completed at 2018-03-08 10:07:04 +0000" (spec: JobStatusObject example message). */
    private static final DateTimeFormatter JOB_MESSAGE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** "2020-09-30T01:50:12Z": created_at / updated_at (spec: CreatedOrganizationResponseExample). */
    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String jobMessage(long epochMillis) {
        return JOB_MESSAGE.format(Instant.ofEpochMilli(epochMillis));
    }
}
