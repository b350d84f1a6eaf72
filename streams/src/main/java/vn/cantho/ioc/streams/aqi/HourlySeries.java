package vn.cantho.ioc.streams.aqi;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Consecutive 1-hour mean concentrations (µg/m³) of one pollutant at one station, newest first, with gaps.
 * Index 0 is the most recent hour (the decision's c<sub>1</sub>), index {@code k} the hour {@code k} hours
 * before it; {@code null} marks an hour without a valid mean. Hours beyond the end count as gaps too, so a
 * series may be shorter than the 12 hours NowCast looks at.
 *
 * <p>Means must be finite and non-negative: invalid readings are dead-lettered at ingest, so anything else
 * here is a programming error and fails fast.
 */
public final class HourlySeries {

    private final double[] newestFirst;

    private HourlySeries(double[] newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** {@code hourlyMeans[0]} is the most recent hour; {@code null} is a missing hour. */
    public static HourlySeries newestFirst(Double... hourlyMeans) {
        double[] values = new double[hourlyMeans.length];
        for (int i = 0; i < hourlyMeans.length; i++) {
            Double mean = hourlyMeans[i];
            if (mean != null && (!Double.isFinite(mean) || mean < 0)) {
                throw new IllegalArgumentException(
                        "hourly mean " + i + " hours ago must be finite and >= 0, was " + mean);
            }
            values[i] = mean == null ? Double.NaN : mean;
        }
        return new HourlySeries(values);
    }

    /** Number of hours covered, gaps included. */
    public int hours() {
        return newestFirst.length;
    }

    /** The mean {@code hoursAgo} hours before the most recent hour, or empty for a gap or beyond the end. */
    public OptionalDouble at(int hoursAgo) {
        if (hoursAgo < 0 || hoursAgo >= newestFirst.length || Double.isNaN(newestFirst[hoursAgo])) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(newestFirst[hoursAgo]);
    }

    /** Number of hours with a mean among {@code hoursAgo} in [from, to). */
    public int presentBetween(int from, int to) {
        int present = 0;
        for (int h = from; h < to; h++) {
            if (at(h).isPresent()) {
                present++;
            }
        }
        return present;
    }

    @Override
    public String toString() {
        return "HourlySeries" + Arrays.toString(newestFirst);
    }
}
