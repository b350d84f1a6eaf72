package vn.cantho.ioc.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Water level of the Hậu river (metres above the national datum), as the Cần Thơ hydrological station and
 * the other gauges report it. Smooth, not random:
 * <ul>
 *   <li>the East Sea tide reaches Cần Thơ as a mixed, mainly semi-diurnal tide: the constituents M2 (12 h 25 min),
 *       S2 (12 h), K1 and O1 (about a day) give two high and two low waters per lunar day (24 h 50 min) of
 *       unequal height, with spring and neap tides every two weeks; about ±1 m around the mean;</li>
 *   <li>the mean follows the Mekong flood: lowest in April (about 0.15 m), highest in mid-October (about 1.15 m),
 *       so high waters reach 1.8–2.2 m in September–November and stay around 1.2–1.4 m in the dry season;
 *       river discharge damps the tide a little in the flood season and drifts slowly over days;</li>
 *   <li>upstream gauges (Ô Môn, Thốt Nốt) see a smaller, later tide and more of the flood.</li>
 * </ul>
 * A {@link Incident.Kind#RIVER_RISE} lifts the level by a smooth surge over 17 hours (2 h rise, 13 h high,
 * 2 h fall) so that the high water within it reaches 1.95–2.15 m, past flood alert level BĐ II (1.90 m) at the
 * Cần Thơ station.
 */
final class WaterLevelModel {

    /** Tidal constituents: angular speed in radians per hour, amplitude in metres at Cần Thơ, phase. */
    private static final double[][] CONSTITUENTS = {
        {2 * Math.PI / 12.4206012, 0.60, 0.0}, // M2
        {2 * Math.PI / 12.0, 0.20, 1.1}, // S2
        {2 * Math.PI / 23.9344697, 0.36, 2.0}, // K1
        {2 * Math.PI / 25.8193417, 0.25, 0.6}, // O1
    };
    /** Arbitrary phase origin of the constituents. */
    private static final long ORIGIN_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private static final Duration SURGE_RAMP = Duration.ofHours(2);

    /**
     * How a gauge differs from the Cần Thơ station.
     *
     * @param tideScale  tidal amplitude relative to Cần Thơ
     * @param lagHours   how much later the tide arrives
     * @param offset     mean level difference, metres
     * @param floodExtra extra rise at the height of the flood season, metres
     */
    record Gauge(double tideScale, double lagHours, double offset, double floodExtra) {}

    static final Gauge CAN_THO = new Gauge(1.0, 0, 0, 0);
    private static final Map<String, Gauge> GAUGES = Map.of(
            "wl-can-tho", CAN_THO,
            "wl-cai-rang", new Gauge(1.03, -0.25, -0.03, 0),
            "wl-o-mon", new Gauge(0.88, 0.9, 0.03, 0.1),
            "wl-thot-not", new Gauge(0.72, 1.8, 0.05, 0.35));

    private final Noise noise;

    WaterLevelModel(Noise noise) {
        this.noise = noise;
    }

    static Gauge gauge(String deviceId) {
        return GAUGES.getOrDefault(deviceId, CAN_THO);
    }

    /** The level without incidents. */
    double level(Gauge gauge, Instant at) {
        double flood = CityTime.floodSeason(at);
        double hours = (at.toEpochMilli() - ORIGIN_MS) / 3_600_000.0 - gauge.lagHours();
        double tide = 0;
        for (double[] c : CONSTITUENTS) {
            tide += c[1] * Math.cos(c[0] * hours + c[2]);
        }
        double mean = 0.15
                + 1.0 * flood
                + gauge.offset()
                + gauge.floodExtra() * flood
                + 0.05 * noise.smooth("river-discharge", hours / 72);
        return mean + tide * gauge.tideScale() * (1 - 0.06 * flood);
    }

    /** Rate of change of the Cần Thơ level, metres per hour (for turbidity: strong currents stir sediment). */
    double rateAtCanTho(Instant at) {
        return (level(CAN_THO, at.plusSeconds(600)) - level(CAN_THO, at.minusSeconds(600))) * 3;
    }

    double value(String deviceId, Instant at, Incident rise) {
        Gauge gauge = gauge(deviceId);
        double level = level(gauge, at);
        if (rise != null) {
            level += surge(gauge, rise) * envelope(rise, at);
        }
        return level;
    }

    /** The height of the surge: enough for the highest water of the incident's plateau to reach its target. */
    private double surge(Gauge gauge, Incident rise) {
        double target = 1.95 + 0.2 * rise.magnitude();
        Instant from = rise.start().plus(SURGE_RAMP);
        Instant to = rise.end().minus(SURGE_RAMP);
        double highest = Double.NEGATIVE_INFINITY;
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(300)) {
            highest = Math.max(highest, level(gauge, t));
        }
        return Math.max(0.15, target - highest);
    }

    private static double envelope(Incident rise, Instant at) {
        double ramp = SURGE_RAMP.toMillis();
        double sinceStart = Duration.between(rise.start(), at).toMillis();
        double untilEnd = Duration.between(at, rise.end()).toMillis();
        double edge = Math.min(1, Math.min(sinceStart, untilEnd) / ramp);
        return edge <= 0 ? 0 : (1 - Math.cos(Math.PI * edge)) / 2;
    }
}
