package vn.cantho.ioc.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A simulated event that the hub's rules should alert on.
 *
 * @param kind      what happens
 * @param deviceId  the device that sees it
 * @param start     when it starts (inclusive)
 * @param end       when it is over (exclusive)
 * @param magnitude 0 to 1: how severe within the kind's range
 */
public record Incident(Kind kind, String deviceId, Instant start, Instant end, double magnitude) {

    /** Kinds of incident, each drawn once per window of its own length. */
    public enum Kind {
        /** PM2.5 rises by 120–350 µg/m³ for 40–110 minutes at one air station (a fire, straw burning). */
        PM25_SPIKE(Duration.ofHours(2)),
        /** The river rises 1.95–2.15 m above datum, past flood alert level BĐ II (1.90 m), for a high tide. */
        RIVER_RISE(Duration.ofDays(1)),
        /** A traffic jam: mean speed 2–9 km/h for 20–50 minutes, fewer vehicles get through. */
        TRAFFIC_JAM(Duration.ofHours(1));

        private final Duration window;

        Kind(Duration window) {
            this.window = window;
        }

        /** At most one incident of this kind starts per device in each window of this length. */
        public Duration window() {
            return window;
        }
    }

    public boolean activeAt(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** How far through the incident {@code at} is, 0 to 1. */
    public double progress(Instant at) {
        double total = Duration.between(start, end).toMillis();
        return Math.min(1, Math.max(0, Duration.between(start, at).toMillis() / total));
    }
}
