package vn.cantho.ioc.streams.kpi;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The service levels of 1022 citizen reports: acknowledged within {@code acknowledge} of reception
 * (exactly on the limit meets it) and resolved within {@code resolutionWorkingDays} working days.
 *
 * <p>Working days are Monday to Friday in Vietnam time; public holidays are not modelled (they would
 * come from a calendar file). One working day moves the deadline to the same clock time on the next
 * working day; a report received on a Saturday or Sunday starts counting at 00:00 of the next Monday.
 * So a report received on Friday 10:00 is due on Wednesday 10:00, one received on Saturday on
 * Thursday 00:00 (the end of Wednesday).
 */
public record SlaPolicy(Duration acknowledge, int resolutionWorkingDays) {

    /** 2 hours to acknowledge, 3 working days to resolve. */
    public static final SlaPolicy DEFAULT = new SlaPolicy(Duration.ofHours(2), 3);

    public SlaPolicy {
        if (acknowledge.isNegative() || acknowledge.isZero() || resolutionWorkingDays < 1) {
            throw new IllegalArgumentException("SLA limits must be positive");
        }
    }

    public Instant acknowledgeDeadline(Instant received) {
        return received.plus(acknowledge);
    }

    public Instant resolutionDeadline(Instant received) {
        ZonedDateTime at = received.atZone(Periods.VIETNAM);
        if (weekend(at)) {
            at = at.truncatedTo(ChronoUnit.DAYS);
            while (weekend(at)) {
                at = at.plusDays(1);
            }
        }
        for (int day = 0; day < resolutionWorkingDays; day++) {
            at = at.plusDays(1);
            while (weekend(at)) {
                at = at.plusDays(1);
            }
        }
        return at.toInstant();
    }

    private static boolean weekend(ZonedDateTime at) {
        return at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
