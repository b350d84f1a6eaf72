package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import vn.cantho.ioc.model.Granularity;

/** Calendar periods of Vietnam time (UTC+7, no daylight saving), the way the city reports. */
final class Periods {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** Entity id of city-wide values. */
    static final String CITY = "can-tho";

    private Periods() {}

    /** Start of the period of {@code granularity} that contains {@code at}. */
    static Instant start(Granularity granularity, Instant at) {
        ZonedDateTime local = at.atZone(VIETNAM);
        ZonedDateTime start =
                switch (granularity) {
                    case INSTANT -> local;
                    case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
                    case DAY -> local.truncatedTo(ChronoUnit.DAYS);
                    case MONTH -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                    case QUARTER ->
                        local.truncatedTo(ChronoUnit.DAYS)
                                .withDayOfMonth(1)
                                .withMonth((local.getMonthValue() - 1) / 3 * 3 + 1);
                    case YEAR -> local.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
                };
        return start.toInstant();
    }

    /** End (exclusive) of the period that starts at {@code start}. */
    static Instant end(Granularity granularity, Instant start) {
        ZonedDateTime local = start.atZone(VIETNAM);
        ZonedDateTime end =
                switch (granularity) {
                    case INSTANT -> local;
                    case HOUR -> local.plusHours(1);
                    case DAY -> local.plusDays(1);
                    case MONTH -> local.plusMonths(1);
                    case QUARTER -> local.plusMonths(3);
                    case YEAR -> local.plusYears(1);
                };
        return end.toInstant();
    }

    /** The same period one year later (a month of this year is last year's figure for the month a year on). */
    static Instant oneYearLater(Instant start) {
        return start.atZone(VIETNAM).plusYears(1).toInstant();
    }

    static Instant oneYearEarlier(Instant start) {
        return start.atZone(VIETNAM).minusYears(1).toInstant();
    }

    static LocalDate localDate(Instant at) {
        return at.atZone(VIETNAM).toLocalDate();
    }
}
