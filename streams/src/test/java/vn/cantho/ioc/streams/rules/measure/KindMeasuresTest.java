package vn.cantho.ioc.streams.rules.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.registry.Aggregation;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.Polarity;

/** The measures of the STALE, SLA, MATCH and TARGET_GAP kinds, each a table of record → measure. */
class KindMeasuresTest {

    /** 2026: Tết 14/2-22/2, 30/4 and 1/5 off, Saturday 10/1 worked (see vn-holidays.json). */
    private static final WorkingCalendar CALENDAR = WorkingCalendar.builtIn();

    private static final Instant RECEIVED = Instant.parse("2026-11-16T01:00:00Z");

    @ParameterizedTest(name = "last record {0} min before now -> {0}")
    @CsvSource({"0", "14.5", "90"})
    void stale_measures_minutes_since_the_newest_record(double minutes) {
        Instant now = Instant.parse("2026-11-16T12:00:00Z");
        Instant last = now.minusMillis((long) (minutes * 60_000));
        assertThat(Staleness.minutesSince(last, now)).isEqualTo(minutes);
        assertThat(Staleness.minutesSince(now.plusSeconds(60), now)).isZero();
    }

    @ParameterizedTest(name = "status {0}, acknowledged {1}, {2} h later -> {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            received     | none                 | 1.5 | 1.5
            received     | none                 | 2.5 | 2.5
            received     | 2026-11-16T02:00:00Z | 3   | 0
            acknowledged | none                 | 3   | 0
            in_progress  | none                 | 3   | 0
            """)
    void sla_in_hours_stops_at_acknowledgement(
            String status, String acknowledgedAt, double hoursLater, double measure) {
        SlaSettings sla = new SlaSettings(
                "received_at",
                SlaSettings.SlaUnit.HOURS,
                List.of("acknowledged_at", "resolved_at"),
                List.of("acknowledged", "in_progress", "resolved"));
        Map<String, Object> report = new HashMap<>(Map.of("status", status, "received_at", RECEIVED.toString()));
        if (acknowledgedAt != null) {
            report.put("acknowledged_at", acknowledgedAt);
        }
        Instant start = SlaClock.start(sla, report).orElseThrow();
        double elapsed =
                SlaClock.elapsed(sla, CALENDAR, start, SlaClock.stopped(sla, report), RECEIVED.plusMillis((long)
                        (hoursLater * 3_600_000)));
        assertThat(elapsed).isEqualTo(measure);
    }

    @ParameterizedTest(name = "received {0} -> {1} working days on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-20T09:00:00Z | 2026-11-25T09:00:00Z | 3
            2026-11-20T09:00:00Z | 2026-11-23T09:00:00Z | 1
            2026-02-13T03:00:00Z | 2026-02-25T03:00:00Z | 3
            2026-04-29T03:00:00Z | 2026-05-04T03:00:00Z | 1
            2026-01-09T03:00:00Z | 2026-01-12T03:00:00Z | 2
            """)
    void sla_in_working_days_skips_weekends_and_public_holidays(String received, String now, double days) {
        SlaSettings sla =
                new SlaSettings("received_at", SlaSettings.SlaUnit.WORKING_DAYS, List.of("resolved_at"), List.of());
        assertThat(SlaClock.elapsed(sla, CALENDAR, Instant.parse(received), false, Instant.parse(now)))
                .isCloseTo(days, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest(name = "a report without a readable start ({0}) has no clock")
    @CsvSource({"yesterday", "''"})
    void sla_without_a_readable_start_has_no_clock(String start) {
        SlaSettings sla =
                new SlaSettings("received_at", SlaSettings.SlaUnit.HOURS, List.of("acknowledged_at"), List.of());
        assertThat(SlaClock.start(sla, Map.of("received_at", start))).isEmpty();
        assertThat(SlaClock.start(sla, Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            defacement | open     | Trang chủ bị thay đổi        | 1
            defacement | resolved | Trang chủ bị thay đổi        | 0
            malware    | open     | RansomWare mã hóa máy chủ    | 1
            malware    | open     | trojan trên máy trạm         | 0
            phishing   | open     | ransomware link in an email  | 0
            """)
    void match_flags_open_records_that_match_every_condition(
            String category, String status, String description, double measure) {
        MatchSettings defacement =
                new MatchSettings(Map.of("category", List.of("defacement")), Map.of(), List.of("resolved"));
        MatchSettings ransomware = new MatchSettings(
                Map.of("category", List.of("malware")), Map.of("description", "ransomware"), List.of("resolved"));
        Map<String, Object> incident = Map.of("category", category, "status", status, "description", description);
        assertThat(Math.max(defacement.measure(incident), ransomware.measure(incident)))
                .isEqualTo(measure);
    }

    @ParameterizedTest(name = "{0} target {1}, value {2} -> gap {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            HIGHER_IS_BETTER | 95   | 80   | 15.789473684210526
            HIGHER_IS_BETTER | 95   | 97   | -2.1052631578947367
            LOWER_IS_BETTER  | 100  | 120  | 20
            LOWER_IS_BETTER  | 0    | 2    | 2
            none             | 95   | 80   | none
            """)
    void target_gap_is_the_miss_in_percent_of_the_target_on_the_bad_side(
            Polarity polarity, double target, double value, Double gap) {
        IndicatorDefinition d = new IndicatorDefinition(
                "kpi",
                "KPI",
                "%",
                Domain.GOVERNMENT,
                Scope.AGENCY,
                Granularity.DAY,
                Aggregation.values()[0],
                polarity,
                polarity == null ? null : target,
                "test",
                "test");
        OptionalDouble measured = TargetGap.of(d, value);
        if (gap == null) {
            assertThat(measured).isEmpty();
        } else {
            assertThat(measured.getAsDouble()).isCloseTo(gap, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
