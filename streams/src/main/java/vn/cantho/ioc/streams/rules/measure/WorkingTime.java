package vn.cantho.ioc.streams.rules.measure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Working time in Vietnam (UTC+7): Monday to Friday count, Saturday and Sunday do not. A working
 * day is a whole weekday, so "3 working days" from Friday 16:00 ends on Wednesday 16:00 — the way
 * administrative deadlines are counted. Public holidays are not known here and count as working days.
 */
public final class WorkingTime {

    public static final ZoneId VIETNAM = ZoneOffset.ofHours(7);
    private static final double DAY_MILLIS = Duration.ofDays(1).toMillis();

    private WorkingTime() {
    }

    /** Working days between {@code from} and {@code to}, as a fraction; 0 when {@code to} is not after {@code from}. */
    public static double workingDays(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        double total = 0;
        ZonedDateTime cursor = from.atZone(VIETNAM);
        ZonedDateTime end = to.atZone(VIETNAM);
        while (cursor.isBefore(end)) {
            LocalDate day = cursor.toLocalDate();
            ZonedDateTime nextDay = day.plusDays(1).atStartOfDay(VIETNAM);
            ZonedDateTime sliceEnd = nextDay.isBefore(end) ? nextDay : end;
            if (isWorkingDay(day)) {
                total += Duration.between(cursor, sliceEnd).toMillis() / DAY_MILLIS;
            }
            cursor = sliceEnd;
        }
        return total;
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
