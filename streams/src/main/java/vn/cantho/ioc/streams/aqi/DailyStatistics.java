package vn.cantho.ioc.streams.aqi;

import java.util.OptionalDouble;

/**
 * The per-day concentrations daily VN_AQI is computed from (Decision 1459/QĐ-TCMT, section 2.2.2.a): the
 * 24-hour mean, the highest 1-hour mean and the highest 8-hour mean of a day.
 *
 * <p>A day series is an {@link HourlySeries} whose index 0 is the last hour of the day (the decision's day
 * runs from the hour ending 01:00 to the hour ending 00:00 of the next day) and indices 0–23 are the day. For
 * O3, indices 24–30 may hold the 7 hours before the day: the decision forms 24 eight-hour means per day, the
 * first of them ending at the day's first hour.
 *
 * <p>The decision sets no minimum data coverage. So that a day with a few hours of data is not published as
 * that day's air quality, the hub requires 75 % (the US EPA convention VN_AQI was modelled on): at least 18 of
 * 24 hours for the 24-hour mean and the 1-hour maximum, at least 6 of 8 hours for an 8-hour mean, and at least
 * 18 of the day's 24 eight-hour means for the 8-hour maximum.
 */
public final class DailyStatistics {

    public static final int HOURS_PER_DAY = 24;
    public static final int MIN_HOURS_PER_DAY = 18;
    public static final int EIGHT_HOURS = 8;
    public static final int MIN_HOURS_PER_8H = 6;
    public static final int MIN_8H_MEANS_PER_DAY = 18;

    private DailyStatistics() {}

    /** Mean of the day's hourly means (PM2.5 and PM10). */
    public static OptionalDouble mean24h(HourlySeries day) {
        return meanOf(day, 0, HOURS_PER_DAY, MIN_HOURS_PER_DAY);
    }

    /** Highest hourly mean of the day (O3, CO, NO2, SO2). */
    public static OptionalDouble max1h(HourlySeries day) {
        if (day.presentBetween(0, HOURS_PER_DAY) < MIN_HOURS_PER_DAY) {
            return OptionalDouble.empty();
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < HOURS_PER_DAY; h++) {
            OptionalDouble c = day.at(h);
            if (c.isPresent()) {
                max = Math.max(max, c.getAsDouble());
            }
        }
        return OptionalDouble.of(max);
    }

    /** Highest of the 24 eight-hour means ending at each hour of the day (O3). */
    public static OptionalDouble max8h(HourlySeries day) {
        double max = Double.NEGATIVE_INFINITY;
        int valid = 0;
        for (int end = 0; end < HOURS_PER_DAY; end++) {
            OptionalDouble mean = meanOf(day, end, end + EIGHT_HOURS, MIN_HOURS_PER_8H);
            if (mean.isPresent()) {
                valid++;
                max = Math.max(max, mean.getAsDouble());
            }
        }
        return valid >= MIN_8H_MEANS_PER_DAY ? OptionalDouble.of(max) : OptionalDouble.empty();
    }

    private static OptionalDouble meanOf(HourlySeries series, int from, int to, int minPresent) {
        double sum = 0;
        int present = 0;
        for (int h = from; h < to; h++) {
            OptionalDouble c = series.at(h);
            if (c.isPresent()) {
                sum += c.getAsDouble();
                present++;
            }
        }
        return present >= minPresent ? OptionalDouble.of(sum / present) : OptionalDouble.empty();
    }
}
