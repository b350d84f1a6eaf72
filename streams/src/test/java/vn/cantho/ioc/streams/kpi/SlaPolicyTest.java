package vn.cantho.ioc.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.calendar.WorkingCalendar;

class SlaPolicyTest {

    private static final SlaPolicy SLA = SlaPolicy.standard(WorkingCalendar.builtIn());

    @Test
    void a_weekday_report_is_due_three_working_days_later_at_the_same_time() {
        // Monday 10:00 -> Thursday 10:00; Wednesday 16:30 -> Monday 16:30 (over the weekend)
        assertThat(SLA.resolutionDeadline(vn("2026-11-23T10:00"))).isEqualTo(vn("2026-11-26T10:00"));
        assertThat(SLA.resolutionDeadline(vn("2026-11-25T16:30"))).isEqualTo(vn("2026-11-30T16:30"));
        // Friday 10:00 -> Wednesday 10:00
        assertThat(SLA.resolutionDeadline(vn("2026-11-20T10:00"))).isEqualTo(vn("2026-11-25T10:00"));
    }

    @Test
    void a_weekend_report_starts_counting_on_monday_morning() {
        assertThat(SLA.resolutionDeadline(vn("2026-11-21T15:00"))).isEqualTo(vn("2026-11-26T00:00"));
        assertThat(SLA.resolutionDeadline(vn("2026-11-22T23:59"))).isEqualTo(vn("2026-11-26T00:00"));
    }

    @Test
    void the_weekday_is_vietnam_time_not_utc() {
        // Saturday 05:00 in Cần Thơ is still Friday 22:00 UTC
        assertThat(SLA.resolutionDeadline(vn("2026-11-21T05:00"))).isEqualTo(vn("2026-11-26T00:00"));
    }

    @Test
    void public_holidays_are_not_working_days() {
        // Friday 13/2/2026 before Tết Bính Ngọ (off 14/2-22/2) -> Wednesday 25/2
        assertThat(SLA.resolutionDeadline(vn("2026-02-13T10:00"))).isEqualTo(vn("2026-02-25T10:00"));
        // Wednesday 29/4/2026 before 30/4 and 1/5 -> Wednesday 6/5
        assertThat(SLA.resolutionDeadline(vn("2026-04-29T10:00"))).isEqualTo(vn("2026-05-06T10:00"));
        // Thursday 8/1/2026 -> Saturday 10/1 is a make-up working day -> Monday 12/1
        assertThat(SLA.resolutionDeadline(vn("2026-01-08T10:00"))).isEqualTo(vn("2026-01-12T10:00"));
    }

    @Test
    void acknowledgement_is_due_two_hours_after_reception() {
        assertThat(SLA.acknowledgeDeadline(vn("2026-11-23T23:30"))).isEqualTo(vn("2026-11-24T01:30"));
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, 3, WorkingCalendar.builtIn()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), 0, WorkingCalendar.builtIn()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant vn(String local) {
        return OffsetDateTime.parse(local + ":00+07:00").toInstant();
    }
}
