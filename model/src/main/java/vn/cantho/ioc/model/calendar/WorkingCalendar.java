package vn.cantho.ioc.model.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.json.Json;

/**
 * Working days in Vietnam (UTC+7) for administrative deadlines: Monday to Friday, except the public
 * holidays the government gives as days off (Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh, with
 * their compensatory and swapped days), plus the make-up Saturdays (ngày làm bù) that are worked.
 * The days come from a holiday file (the built-in {@code /calendar/vn-holidays.json}, or one named
 * by configuration) that covers a set of years; in a year it does not cover, every weekday counts as
 * a working day and a warning is logged once for that year. One calendar serves every SLA clock (rule
 * processor, KPIs). Immutable and thread-safe.
 */
public final class WorkingCalendar {

    public static final ZoneId VIETNAM = ZoneOffset.ofHours(7);
    /** The holiday file shipped with the hub. */
    public static final String BUILT_IN = "/calendar/vn-holidays.json";

    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);
    private static final double DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final String source;
    private final Map<Integer, String> years;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingSaturdays;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    private WorkingCalendar(
            String source, Map<Integer, String> years, Set<LocalDate> daysOff, Set<LocalDate> workingSaturdays) {
        this.source = source;
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
        this.daysOff = Set.copyOf(daysOff);
        this.workingSaturdays = Set.copyOf(workingSaturdays);
    }

    /** The calendar of the built-in holiday file. */
    public static WorkingCalendar builtIn() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in holiday file " + BUILT_IN);
            }
            return parse(in.readAllBytes(), "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in holiday file " + BUILT_IN, e);
        }
    }

    /** The calendar of a holiday file; {@link IllegalArgumentException} naming the file and every fault. */
    public static WorkingCalendar fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read holiday file " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /** @param source where the bytes come from, for messages */
    public static WorkingCalendar parse(byte[] json, String source) {
        HolidayFile file;
        try {
            file = Json.mapper()
                    .readerFor(HolidayFile.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid holiday file " + source + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, String> years = new TreeMap<>();
        Set<LocalDate> off = new TreeSet<>();
        Set<LocalDate> worked = new TreeSet<>();
        if (file.version() != 1) {
            problems.add("version: must be 1, is " + file.version());
        }
        for (HolidayFile.Year y : file.years() == null ? List.<HolidayFile.Year>of() : file.years()) {
            String where = "year " + y.year();
            if (years.put(y.year(), y.status() == null ? "" : y.status()) != null) {
                problems.add(where + ": listed twice");
            }
            if (!"official".equals(y.status()) && !"provisional".equals(y.status())) {
                problems.add(where + ": status must be official or provisional, is " + y.status());
            }
            for (HolidayFile.DayOff d : y.daysOff() == null ? List.<HolidayFile.DayOff>of() : y.daysOff()) {
                LocalDate to = d.to() == null ? d.from() : d.to();
                if (d.from() == null || d.name() == null || d.name().isBlank()) {
                    problems.add(where + ": a day off needs from and name: " + d);
                } else if (d.from().getYear() != y.year() || to.getYear() != y.year() || to.isBefore(d.from())) {
                    problems.add(where + ": days off " + d.from() + ".." + to + " must lie in the year, in order");
                } else {
                    d.from().datesUntil(to.plusDays(1)).forEach(off::add);
                }
            }
            for (HolidayFile.WorkingSaturday s :
                    y.workingSaturdays() == null ? List.<HolidayFile.WorkingSaturday>of() : y.workingSaturdays()) {
                if (s.date() == null || s.date().getYear() != y.year() || !weekend(s.date())) {
                    problems.add(where + ": a make-up working day must be a Saturday or Sunday of the year: " + s);
                } else {
                    worked.add(s.date());
                }
            }
        }
        if (years.isEmpty()) {
            problems.add("years: at least one year is needed");
        }
        for (LocalDate day : worked) {
            if (off.contains(day)) {
                problems.add("year " + day.getYear() + ": " + day + " is both a day off and a make-up working day");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid holiday file " + source + " (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):\n  " + String.join("\n  ", problems));
        }
        return new WorkingCalendar(source, years, off, worked);
    }

    /** Whether {@code day} is a working day (see the class comment for a year the file does not cover). */
    public boolean isWorkingDay(LocalDate day) {
        if (!years.containsKey(day.getYear())) {
            if (warned.add(day.getYear())) {
                LOG.warn(
                        "holiday file {} does not cover {}: its weekdays count as working days, holidays included",
                        source,
                        day.getYear());
            }
            return !weekend(day);
        }
        if (workingSaturdays.contains(day)) {
            return true;
        }
        return !weekend(day) && !daysOff.contains(day);
    }

    /**
     * Working time between two instants, in working days (fractional): the parts of working days in
     * Vietnam time that lie between them; 0 when {@code to} is not after {@code from}.
     */
    public double workingDays(Instant from, Instant to) {
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

    /**
     * The deadline {@code days} working days after {@code start}: each working day moves it to the same
     * clock time on the next working day; a start on a day off counts from 00:00 of the next working day.
     * So Friday 10:00 + 3 is Wednesday 10:00, and a Saturday start + 3 is Thursday 00:00.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(VIETNAM);
        if (!isWorkingDay(at.toLocalDate())) {
            at = at.truncatedTo(ChronoUnit.DAYS);
            while (!isWorkingDay(at.toLocalDate())) {
                at = at.plusDays(1);
            }
        }
        for (int day = 0; day < days; day++) {
            at = at.plusDays(1);
            while (!isWorkingDay(at.toLocalDate())) {
                at = at.plusDays(1);
            }
        }
        return at.toInstant();
    }

    /** The years the file covers, each {@code official} or {@code provisional}. */
    public Map<Integer, String> years() {
        return years;
    }

    public String source() {
        return source;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
