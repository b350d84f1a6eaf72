package vn.cantho.ioc.streams.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.cantho.ioc.model.calendar.WorkingCalendar;

/**
 * The service levels of 1022 citizen reports: acknowledged within {@code acknowledge} of reception
 * (exactly on the limit meets it) and resolved within {@code resolutionWorkingDays} working days.
 *
 * <p>Working days are those of the {@link WorkingCalendar}: Monday to Friday in Vietnam time except
 * public holidays, plus make-up working Saturdays. One working day moves the deadline to the same clock
 * time on the next working day; a report received on a day off starts counting at 00:00 of the next
 * working day. So a report received on Friday 10:00 is due on Wednesday 10:00, one received on
 * Saturday on Thursday 00:00 (the end of Wednesday), one received just before Tết after it.
 */
public record SlaPolicy(Duration acknowledge, int resolutionWorkingDays, WorkingCalendar calendar) {

    public SlaPolicy {
        Objects.requireNonNull(calendar, "calendar");
        if (acknowledge.isNegative() || acknowledge.isZero() || resolutionWorkingDays < 1) {
            throw new IllegalArgumentException("SLA limits must be positive");
        }
    }

    /** The city's service levels: 2 hours to acknowledge, 3 working days of {@code calendar} to resolve. */
    public static SlaPolicy standard(WorkingCalendar calendar) {
        return new SlaPolicy(Duration.ofHours(2), 3, calendar);
    }

    public Instant acknowledgeDeadline(Instant received) {
        return received.plus(acknowledge);
    }

    public Instant resolutionDeadline(Instant received) {
        return calendar.plusWorkingDays(received, resolutionWorkingDays);
    }
}
