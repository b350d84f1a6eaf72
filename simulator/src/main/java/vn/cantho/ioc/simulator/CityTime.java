package vn.cantho.ioc.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Local time in Cần Thơ (UTC+7, no daylight saving) and the smooth shapes the models are made of. */
final class CityTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final long OFFSET_S = 7 * 3600;
    private static final double YEAR_DAYS = 365.25;

    private CityTime() {}

    /** Local hour of day, 0 (inclusive) to 24 (exclusive), with fractions. */
    static double hour(Instant at) {
        long seconds = Math.floorMod(at.getEpochSecond() + OFFSET_S, 86_400L);
        return (seconds + at.getNano() / 1e9) / 3600.0;
    }

    /** Local calendar day as days since 1970-01-01. */
    static long localDay(Instant at) {
        return Math.floorDiv(at.getEpochSecond() + OFFSET_S, 86_400L);
    }

    /** Saturday or Sunday in Cần Thơ. */
    static boolean weekend(Instant at) {
        int mondayBased = (int) Math.floorMod(localDay(at) + 3, 7L); // 1970-01-01 was a Thursday
        return mondayBased >= 5;
    }

    /** Day of the year, 1 to 366, with the fraction of the day. */
    static double dayOfYear(Instant at) {
        return LocalDate.ofEpochDay(localDay(at)).getDayOfYear() + hour(at) / 24;
    }

    /**
     * The Mekong flood season, 0 to 1: 1 in mid-October (peak water), 0 in mid-April (lowest), a smooth
     * annual cosine. Sep–Nov are above 0.85.
     */
    static double floodSeason(Instant at) {
        return (1 + Math.cos(2 * Math.PI * (dayOfYear(at) - 288) / YEAR_DAYS)) / 2;
    }

    /** The dry season, 0 to 1: 1 at the end of January (haziest), 0 at the end of July. */
    static double drySeason(Instant at) {
        return (1 + Math.cos(2 * Math.PI * (dayOfYear(at) - 30) / YEAR_DAYS)) / 2;
    }

    /** The rainy season, 0 to 1: 1 at the start of September, 0 at the start of March. */
    static double wetSeason(Instant at) {
        return (1 + Math.cos(2 * Math.PI * (dayOfYear(at) - 245) / YEAR_DAYS)) / 2;
    }

    /** A smooth peak of height 1 at {@code center} (same unit as {@code x}) with the given width. */
    static double bump(double x, double center, double width) {
        double d = (x - center) / width;
        return Math.exp(-d * d);
    }

    /** About 1 between {@code from} and {@code to}, 0 outside, with soft edges {@code softness} wide. */
    static double window(double x, double from, double to, double softness) {
        return sigmoid((x - from) * 4 / softness) * sigmoid((to - x) * 4 / softness);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
