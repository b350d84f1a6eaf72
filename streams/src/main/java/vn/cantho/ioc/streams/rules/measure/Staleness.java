package vn.cantho.ioc.streams.rules.measure;

import java.time.Duration;
import java.time.Instant;

/** The measure of a {@code STALE} rule: minutes since the source last delivered anything. */
public final class Staleness {

    private Staleness() {}

    /** Minutes from {@code lastRecord} (event time of the newest record) to {@code now}; never negative. */
    public static double minutesSince(Instant lastRecord, Instant now) {
        return Math.max(0, Duration.between(lastRecord, now).toMillis() / 60_000.0);
    }
}
