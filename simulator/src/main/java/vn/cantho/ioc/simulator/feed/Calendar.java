package vn.cantho.ioc.simulator.feed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Periods in Cần Thơ time (UTC+7) as department reports use them. */
final class Calendar {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** Official monthly and quarterly figures are released on this day of the following month. */
    static final int RELEASE_DAY = 6;

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private Calendar() {}

    static LocalDate today(Instant now) {
        return now.atZone(VIETNAM).toLocalDate();
    }

    /** Complete days from {@code now - history} to yesterday, oldest first. */
    static List<LocalDate> completeDays(Instant now, Duration history) {
        LocalDate first = today(now.minus(history));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(today(now)); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** Months whose figures are released by {@code now}, the latest {@code count}, oldest first. */
    static List<YearMonth> releasedMonths(Instant now, int count) {
        LocalDate today = today(now);
        YearMonth last = YearMonth.from(today).minusMonths(today.getDayOfMonth() >= RELEASE_DAY ? 1 : 2);
        List<YearMonth> months = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(VIETNAM).toInstant();
    }

    /** An instant as the departments' systems write it: local time with the +07:00 offset. */
    static String local(Instant at) {
        return at.atZone(VIETNAM).format(LOCAL_TIME);
    }

    /** Seasonal factor of tourism and trade by month: Tết and the dry season high, the flood season low. */
    static double tourismSeason(int month) {
        return new double[] {1.25, 1.3, 1.0, 1.05, 0.95, 0.9, 0.95, 0.9, 0.85, 0.85, 0.9, 1.1}[month - 1];
    }
}
