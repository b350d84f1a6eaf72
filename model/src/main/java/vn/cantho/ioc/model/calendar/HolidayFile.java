package vn.cantho.ioc.model.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The holiday file as written (see {@code /calendar/vn-holidays.json}): per year, its status, the
 * basis of its dates, the days off and the make-up working Saturdays. Read by {@link WorkingCalendar}.
 */
record HolidayFile(int version, String country, String about, List<Year> years) {

    /** @param status {@code official} (a published decision) or {@code provisional} (statutory days only) */
    record Year(int year, String status, String basis, List<DayOff> daysOff, List<WorkingSaturday> workingSaturdays) {}

    /** One day off, or a run of them ({@code to} inclusive; absent = one day); may be marked provisional. */
    record DayOff(LocalDate from, LocalDate to, String name, Boolean provisional) {}

    record WorkingSaturday(LocalDate date, String name) {}
}
