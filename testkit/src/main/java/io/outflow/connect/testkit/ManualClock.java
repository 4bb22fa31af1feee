package io.outflow.connect.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told, for exact tests of rate windows and job timing. Thread-safe: a test
 * thread may advance it while server threads read it.
 */
public final class ManualClock extends Clock {

    private final AtomicLong millis;

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    /** Starts at 2030-01-01T00:00:00Z: a round epoch-second value keeps header math readable. */
    public static ManualClock startingAtRoundSecond() {
        return new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    }

    public ManualClock advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
        return this;
    }

    public ManualClock advanceMillis(long delta) {
        millis.addAndGet(delta);
        return this;
    }

    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Zones do not matter to millis-based fakes; the same clock is returned. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
