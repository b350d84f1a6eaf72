package vn.cantho.ioc.model.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private static final WorkingCalendar VN = WorkingCalendar.builtIn();

    /** Times in Vietnam time (+07:00); 2026-11-20 is a Friday, and that November has no holiday. */
    @ParameterizedTest(name = "{0} -> {1}: {2} working days")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-16T08:00 | 2026-11-16T20:00 | 0.5
            2026-11-16T08:00 | 2026-11-19T08:00 | 3
            2026-11-20T16:00 | 2026-11-25T16:00 | 3
            2026-11-20T16:00 | 2026-11-24T16:00 | 2
            2026-11-21T09:00 | 2026-11-23T00:00 | 0
            2026-11-21T09:00 | 2026-11-23T12:00 | 0.5
            2026-11-19T00:00 | 2026-11-19T00:00 | 0
            2026-11-19T10:00 | 2026-11-18T10:00 | 0
            2026-02-13T00:00 | 2026-02-24T00:00 | 2
            2025-04-29T12:00 | 2025-05-06T12:00 | 2
            2025-04-25T12:00 | 2025-04-28T12:00 | 2
            2026-01-09T00:00 | 2026-01-12T00:00 | 2
            """)
    void working_days_between_two_instants_skip_weekends_and_holidays_in_vietnam_time(
            String from, String to, double days) {
        assertThat(VN.workingDays(vn(from), vn(to))).isCloseTo(days, Offset.offset(1e-9));
    }

    @Test
    void the_tet_week_is_skipped() {
        // Given Friday 13/2/2026, the last working day before Tết Bính Ngọ (off 14/2-22/2)
        // Then three working days later is Wednesday 25/2, not Wednesday 18/2
        assertThat(VN.plusWorkingDays(vn("2026-02-13T10:00"), 3)).isEqualTo(vn("2026-02-25T10:00"));
        assertThat(VN.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        // A report filed during Tết starts counting on the first working day after it
        assertThat(VN.plusWorkingDays(vn("2026-02-17T09:00"), 3)).isEqualTo(vn("2026-02-26T00:00"));
    }

    @Test
    void three_working_days_across_30_april_and_1_may_skip_the_holidays() {
        // 2026: Thursday 30/4 and Friday 1/5 off; Wednesday 29/4 + 3 = Wednesday 6/5
        assertThat(VN.plusWorkingDays(vn("2026-04-29T10:00"), 3)).isEqualTo(vn("2026-05-06T10:00"));
        // 2025: 30/4-2/5 off (Friday 2/5 swapped); Tuesday 29/4 + 3 = Wednesday 7/5
        assertThat(VN.plusWorkingDays(vn("2025-04-29T10:00"), 3)).isEqualTo(vn("2025-05-07T10:00"));
    }

    @Test
    void a_make_up_saturday_counts_as_a_working_day() {
        // Saturday 26/4/2025 is worked in exchange for Friday 2/5
        assertThat(VN.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(VN.isWorkingDay(LocalDate.of(2025, 4, 19))).isFalse();
        assertThat(VN.plusWorkingDays(vn("2025-04-25T10:00"), 1)).isEqualTo(vn("2025-04-26T10:00"));
        // Saturday 10/1/2026 is worked in exchange for Friday 2/1
        assertThat(VN.workingDays(vn("2026-01-10T00:00"), vn("2026-01-11T00:00")))
                .isEqualTo(1.0);
        assertThat(VN.plusWorkingDays(vn("2025-12-31T10:00"), 1)).isEqualTo(vn("2026-01-05T10:00"));
    }

    @Test
    void the_built_in_file_covers_2025_to_2027_and_marks_2027_provisional() {
        assertThat(VN.years())
                .containsEntry(2025, "official")
                .containsEntry(2026, "official")
                .containsEntry(2027, "provisional");
        assertThat(VN.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(VN.isWorkingDay(LocalDate.of(2025, 9, 1))).isFalse();
        assertThat(VN.isWorkingDay(LocalDate.of(2027, 9, 3))).isFalse();
    }

    @Test
    void outside_the_years_of_the_file_every_weekday_is_a_working_day() {
        // 1/1/2030 is a Tuesday: a holiday, but the file does not know 2030
        assertThat(VN.isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue();
        assertThat(VN.isWorkingDay(LocalDate.of(2030, 1, 5))).isFalse();
    }

    @Test
    void a_file_replaces_the_built_in_days(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("holidays.json");
        Files.writeString(file, """
                {"version": 1, "years": [{"year": 2026, "status": "official", "basis": "test",
                  "daysOff": [{"from": "2026-11-24", "name": "Ngày Văn hóa Việt Nam"}],
                  "workingSaturdays": [{"date": "2026-11-28", "name": "làm bù"}]}]}
                """, StandardCharsets.UTF_8);
        WorkingCalendar calendar = WorkingCalendar.fromFile(file);

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isTrue();
    }

    @Test
    void an_invalid_file_is_refused_with_every_fault() {
        byte[] json = """
                {"version": 1, "years": [{"year": 2026, "status": "maybe",
                  "daysOff": [{"from": "2027-01-01", "name": "wrong year"}, {"from": "2026-05-02", "to": "2026-05-01", "name": "backwards"}],
                  "workingSaturdays": [{"date": "2026-11-25", "name": "a Wednesday"}]}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WorkingCalendar.parse(json, "test.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid holiday file test.json (4 problems)")
                .hasMessageContaining("status must be official or provisional")
                .hasMessageContaining("2027-01-01..2027-01-01 must lie in the year")
                .hasMessageContaining("2026-05-02..2026-05-01")
                .hasMessageContaining("must be a Saturday or Sunday");
        assertThatThrownBy(() -> WorkingCalendar.parse(
                        "{\"version\": 1, \"yeers\": []}".getBytes(StandardCharsets.UTF_8), "typo.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.json")
                .hasMessageContaining("yeers");
    }

    private static Instant vn(String local) {
        return OffsetDateTime.parse(local + ":00+07:00").toInstant();
    }
}
