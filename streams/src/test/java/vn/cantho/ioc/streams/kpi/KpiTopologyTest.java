package vn.cantho.ioc.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

class KpiTopologyTest {

    private static final IndicatorRegistry REGISTRY = IndicatorRegistry.builtIn();
    private static final Instant PUSHED = Instant.parse("2026-11-23T02:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, FeedRecord> feeds;
    private TestOutputTopic<String, Indicator> indicators;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "kpi-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(
                KpiTopology.build(REGISTRY, SlaPolicy.standard(WorkingCalendar.builtIn())), props);
        feeds = driver.createInputTopic(
                Topics.FEED_RECORDS.name(),
                Topics.FEED_RECORDS.keySerde().serializer(),
                Topics.FEED_RECORDS.valueSerde().serializer());
        indicators = driver.createOutputTopic(
                Topics.INDICATORS.name(),
                Topics.INDICATORS.keySerde().deserializer(),
                Topics.INDICATORS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    // --- government ---------------------------------------------------------------------------------

    @Test
    void dossiers_give_on_time_rate_overdue_and_online_share_per_agency_and_for_the_city() {
        // Given two agencies' figures for 22 November
        push(dossiers("2026-11-22", "so-tu-phap", 40, 20, 19, 1, 30), PUSHED);
        push(dossiers("2026-11-22", "ubnd-ninh-kieu", 60, 30, 24, 6, 30), PUSHED);

        // Then
        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "dossiers_on_time_rate", "so-tu-phap", day("2026-11-22")))
                .isCloseTo(95.0, within(1e-9));
        assertThat(value(latest, "dossiers_overdue", "ubnd-ninh-kieu", day("2026-11-22")))
                .isEqualTo(6.0);
        assertThat(value(latest, "dossiers_online_share", "so-tu-phap", day("2026-11-22")))
                .isCloseTo(75.0, within(1e-9));
        assertThat(value(latest, "dossiers_on_time_rate_city", "can-tho", day("2026-11-22")))
                .isCloseTo(43.0 / 50 * 100, within(1e-9));
        assertThat(value(latest, "dossiers_overdue_city", "can-tho", day("2026-11-22")))
                .isEqualTo(7.0);
        Indicator agency = latest.get(
                key("dossiers_on_time_rate", Scope.AGENCY, "so-tu-phap", "", Granularity.DAY, day("2026-11-22")));
        assertThat(agency.periodEnd()).isEqualTo(day("2026-11-23"));
        assertThat(agency.domain()).isEqualTo("government");
        assertThat(agency.attributes()).containsEntry("numerator", "19").containsEntry("denominator", "20");
        assertThat(agency.computedAt()).isEqualTo(PUSHED);
    }

    @Test
    void a_correction_replaces_the_earlier_figures_instead_of_adding_to_them() {
        // Given an agency's day, then the same day again with corrected counts
        push(dossiers("2026-11-22", "so-tu-phap", 40, 20, 10, 9, 30), PUSHED);
        push(dossiers("2026-11-22", "ubnd-ninh-kieu", 60, 30, 30, 0, 30), PUSHED);
        push(dossiers("2026-11-22", "so-tu-phap", 40, 20, 19, 1, 30), PUSHED.plusSeconds(60));

        // Then the agency and the city show only the corrected version
        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "dossiers_on_time_rate", "so-tu-phap", day("2026-11-22")))
                .isCloseTo(95.0, within(1e-9));
        assertThat(value(latest, "dossiers_overdue_city", "can-tho", day("2026-11-22")))
                .isEqualTo(1.0);
        assertThat(value(latest, "dossiers_on_time_rate_city", "can-tho", day("2026-11-22")))
                .isCloseTo(49.0 / 50 * 100, within(1e-9));
        assertThat(latest.get(key(
                                "dossiers_overdue_city", Scope.CITY, "can-tho", "", Granularity.DAY, day("2026-11-22")))
                        .computedAt())
                .isEqualTo(PUSHED.plusSeconds(60));
    }

    @Test
    void re_pushing_an_identical_record_emits_nothing_and_changes_nothing() {
        // Given
        FeedRecord record = dossiers("2026-11-22", "so-tu-phap", 40, 20, 19, 1, 30);
        push(record, PUSHED);
        Map<String, Indicator> first = latest();

        // When the same record arrives again (the hub died between Kafka and its ledger, the department retried)
        push(record, PUSHED.plusSeconds(300));

        // Then
        assertThat(indicators.isEmpty()).isTrue();
        assertThat(value(first, "dossiers_overdue_city", "can-tho", day("2026-11-22")))
                .isEqualTo(1.0);
    }

    @Test
    void a_tombstone_removes_the_record_from_the_city_figures() {
        push(dossiers("2026-11-22", "so-tu-phap", 40, 20, 19, 1, 30), PUSHED);
        push(dossiers("2026-11-22", "ubnd-ninh-kieu", 60, 30, 24, 6, 30), PUSHED);

        feeds.pipeInput(GovernmentKpis.FEED + "|2026-11-22|ubnd-ninh-kieu", null, PUSHED.plusSeconds(5));

        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "dossiers_overdue_city", "can-tho", day("2026-11-22")))
                .isEqualTo(1.0);
        assertThat(value(latest, "dossiers_on_time_rate_city", "can-tho", day("2026-11-22")))
                .isCloseTo(95.0, within(1e-9));
    }

    // --- citizen feedback ---------------------------------------------------------------------------

    @Test
    void acknowledgement_exactly_at_two_hours_meets_the_sla_and_one_second_later_breaches_it() {
        // Given two reports received at 08:00 on Monday 23 November, acknowledged at 10:00:00 and 10:00:01
        push(
                report(
                        "PA-1",
                        "ninh-kieu",
                        "environment",
                        "acknowledged",
                        "2026-11-23T08:00:00+07:00",
                        "2026-11-23T10:00:00+07:00",
                        null),
                Instant.parse("2026-11-23T03:05:00Z"));
        push(
                report(
                        "PA-2",
                        "ninh-kieu",
                        "environment",
                        "acknowledged",
                        "2026-11-23T08:00:00+07:00",
                        "2026-11-23T10:00:01+07:00",
                        null),
                Instant.parse("2026-11-23T03:05:00Z"));

        // Then half of them met the acknowledgement SLA
        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "citizen_reports_ack_sla", Scope.AREA, "ninh-kieu", "", day("2026-11-23")))
                .isCloseTo(50.0, within(1e-9));
        assertThat(value(latest, "citizen_reports_received", Scope.AREA, "ninh-kieu", "", day("2026-11-23")))
                .isEqualTo(2.0);
    }

    @Test
    void an_unacknowledged_report_counts_as_a_breach_once_it_arrives_after_the_deadline_and_is_undecided_before() {
        // Given a report received at 08:00 and pushed at 09:00 without acknowledgement: undecided
        push(
                report("PA-3", "cai-rang", "traffic", "received", "2026-11-23T08:00:00+07:00", null, null),
                Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(latest().keySet()).noneMatch(k -> k.startsWith("citizen_reports_ack_sla|"));

        // When its next version arrives at 10:30, still without acknowledgement
        push(
                report("PA-3", "cai-rang", "traffic", "received", "2026-11-23T08:00:00+07:00", null, null),
                Instant.parse("2026-11-23T03:30:00Z"));

        // Then it is a breach
        assertThat(value(latest(), "citizen_reports_ack_sla", Scope.AREA, "cai-rang", "", day("2026-11-23")))
                .isZero();
    }

    @Test
    void resolution_deadline_counts_working_days_and_skips_the_weekend() {
        // Friday 20 November 10:00 + 3 working days = Wednesday 25 November 10:00
        push(
                report(
                        "PA-F1",
                        "binh-thuy",
                        "water",
                        "resolved",
                        "2026-11-20T10:00:00+07:00",
                        "2026-11-20T10:30:00+07:00",
                        "2026-11-25T10:00:00+07:00"),
                PUSHED.plusSeconds(400_000));
        push(
                report(
                        "PA-F2",
                        "binh-thuy",
                        "water",
                        "resolved",
                        "2026-11-20T10:00:00+07:00",
                        "2026-11-20T10:30:00+07:00",
                        "2026-11-25T10:00:01+07:00"),
                PUSHED.plusSeconds(400_000));
        // Saturday 21 November 15:00: counting starts Monday 00:00, due Thursday 26 November 00:00
        push(
                report(
                        "PA-S1",
                        "binh-thuy",
                        "water",
                        "resolved",
                        "2026-11-21T15:00:00+07:00",
                        "2026-11-23T08:00:00+07:00",
                        "2026-11-25T23:59:59+07:00"),
                PUSHED.plusSeconds(400_000));
        push(
                report(
                        "PA-S2",
                        "binh-thuy",
                        "water",
                        "resolved",
                        "2026-11-21T15:00:00+07:00",
                        "2026-11-23T08:00:00+07:00",
                        "2026-11-26T00:00:01+07:00"),
                PUSHED.plusSeconds(400_000));

        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "citizen_reports_resolution_sla", Scope.AREA, "binh-thuy", "", day("2026-11-20")))
                .isCloseTo(50.0, within(1e-9));
        assertThat(value(latest, "citizen_reports_resolution_sla", Scope.AREA, "binh-thuy", "", day("2026-11-21")))
                .isCloseTo(50.0, within(1e-9));
        assertThat(SlaPolicy.standard(WorkingCalendar.builtIn())
                        .resolutionDeadline(Instant.parse("2026-11-21T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
    }

    @Test
    void backlog_per_area_and_category_goes_up_and_down_with_status_updates_and_category_corrections() {
        Instant t1 = Instant.parse("2026-11-23T01:00:00Z");
        Instant t2 = Instant.parse("2026-11-23T02:00:00Z");
        Instant t3 = Instant.parse("2026-11-23T03:00:00Z");
        // Given two open environment reports in Ninh Kiều
        push(report("PA-10", "ninh-kieu", "environment", "received", "2026-11-23T07:50:00+07:00", null, null), t1);
        push(report("PA-11", "ninh-kieu", "environment", "received", "2026-11-23T07:55:00+07:00", null, null), t1);
        // When one is resolved, and the other is re-classified as urban order
        push(
                report(
                        "PA-10",
                        "ninh-kieu",
                        "environment",
                        "resolved",
                        "2026-11-23T07:50:00+07:00",
                        "2026-11-23T08:00:00+07:00",
                        "2026-11-23T08:40:00+07:00"),
                t2);
        push(
                report(
                        "PA-11",
                        "ninh-kieu",
                        "urban_order",
                        "acknowledged",
                        "2026-11-23T07:55:00+07:00",
                        "2026-11-23T08:10:00+07:00",
                        null),
                t3);

        // Then each change is a backlog value stamped with its time, and the latest ones are right
        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "citizen_reports_backlog", Scope.AREA, "ninh-kieu", "category=environment", t1))
                .isEqualTo(2.0);
        assertThat(value(latest, "citizen_reports_backlog", Scope.AREA, "ninh-kieu", "category=environment", t2))
                .isEqualTo(1.0);
        assertThat(value(latest, "citizen_reports_backlog", Scope.AREA, "ninh-kieu", "category=environment", t3))
                .isEqualTo(0.0);
        assertThat(value(latest, "citizen_reports_backlog", Scope.AREA, "ninh-kieu", "category=urban_order", t3))
                .isEqualTo(1.0);
        assertThat(value(latest, "citizen_reports_backlog_city", Scope.CITY, "can-tho", "category=urban_order", t3))
                .isEqualTo(1.0);
        Indicator instant = latest.get(key(
                "citizen_reports_backlog", Scope.AREA, "ninh-kieu", "category=urban_order", Granularity.INSTANT, t3));
        assertThat(instant.periodEnd()).isEqualTo(t3);
        assertThat(instant.labels()).containsEntry("category", "urban_order");
    }

    // --- online information -------------------------------------------------------------------------

    @Test
    void negative_share_per_hour_and_over_the_last_six_hours_weighted_by_mentions() {
        // Given hours 06:00..12:00 with 100 mentions each, 10 % negative, and 13:00 with 500 mentions, 40 % negative
        Instant six = Instant.parse("2026-11-22T23:00:00Z");
        for (int h = 0; h < 7; h++) {
            push(mentions(six.plusSeconds(3600L * h), "all", 100, 10), PUSHED);
        }
        Instant one = six.plusSeconds(3600L * 7);
        push(mentions(one, "all", 500, 40), PUSHED);

        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "online_negative_share", Scope.CITY, "can-tho", "channel=all", one))
                .isCloseTo(40.0, within(1e-9));
        // 08:00..13:00: 5 × 10 + 200 negative of 1,000 mentions
        Indicator window = latest.get(
                key("online_negative_share_6h", Scope.CITY, "can-tho", "channel=all", Granularity.HOUR, one));
        assertThat(window.value()).isCloseTo(25.0, within(1e-9));
        assertThat(window.attributes())
                .containsEntry("hoursReported", "6")
                .containsEntry("windowStart", one.minusSeconds(5 * 3600).toString());
        // no 6-hour value for an hour that has not been reported
        assertThat(latest.keySet())
                .noneMatch(k -> k.startsWith("online_negative_share_6h|")
                        && k.endsWith("|" + one.plusSeconds(3600).toEpochMilli()));
    }

    // --- cybersecurity ------------------------------------------------------------------------------

    @Test
    void soc_daily_figures_and_incidents_by_severity_follow_reclassification() {
        push(
                record(
                        "soc-daily",
                        "2026-11-22",
                        day("2026-11-22"),
                        "2026-11-22",
                        null,
                        Map.of(
                                "date",
                                "2026-11-22",
                                "blocked_attacks",
                                15234L,
                                "high_alerts",
                                12L,
                                "critical_alerts",
                                2L,
                                "defaced_websites",
                                1L,
                                "infected_endpoints",
                                7L)),
                PUSHED);
        push(incident("SOC-1", "high", "2026-11-22T09:00:00Z"), PUSHED);
        push(incident("SOC-2", "high", "2026-11-22T10:00:00Z"), PUSHED);
        push(incident("SOC-2", "critical", "2026-11-22T10:00:00Z"), PUSHED.plusSeconds(10));

        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "cyber_blocked_attacks", Scope.CITY, "can-tho", "", day("2026-11-22")))
                .isEqualTo(15234.0);
        assertThat(value(latest, "cyber_high_critical_alerts", Scope.CITY, "can-tho", "", day("2026-11-22")))
                .isEqualTo(14.0);
        assertThat(value(latest, "cyber_defaced_websites", Scope.CITY, "can-tho", "", day("2026-11-22")))
                .isEqualTo(1.0);
        assertThat(value(latest, "cyber_incidents", Scope.CITY, "can-tho", "severity=high", day("2026-11-22")))
                .isEqualTo(1.0);
        assertThat(value(latest, "cyber_incidents", Scope.CITY, "can-tho", "severity=critical", day("2026-11-22")))
                .isEqualTo(1.0);
    }

    // --- tourism ------------------------------------------------------------------------------------

    @Test
    void arrivals_are_compared_with_the_same_month_last_year_and_a_corrected_last_year_updates_the_change() {
        // Given October 2025 and October 2026
        push(tourism("2025-10-01", 800_000, 1_300.0), PUSHED);
        push(tourism("2026-10-01", 920_000, 1_500.0), PUSHED);
        Indicator change = latest().get(key(
                "tourist_arrivals_change", Scope.CITY, "can-tho", "", Granularity.MONTH, day("2026-10-01")));
        assertThat(change.value()).isCloseTo(15.0, within(1e-9));

        // When last year's figure is corrected
        push(tourism("2025-10-01", 850_000, 1_300.0), PUSHED.plusSeconds(60));

        // Then this year's comparison follows, and last year's own value has no comparison of its own
        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "tourist_arrivals_change", Scope.CITY, "can-tho", "", day("2026-10-01")))
                .isCloseTo((920_000.0 / 850_000 - 1) * 100, within(1e-9));
        Indicator arrivals =
                latest.get(key("tourist_arrivals", Scope.CITY, "can-tho", "", Granularity.MONTH, day("2026-10-01")));
        assertThat(arrivals.value()).isEqualTo(920_000.0);
        assertThat(arrivals.attributes()).containsEntry("lastYear", "850000").containsEntry("changePct", "8.24");
        assertThat(arrivals.periodEnd()).isEqualTo(day("2026-11-01"));
        assertThat(latest.get(key("tourist_arrivals", Scope.CITY, "can-tho", "", Granularity.MONTH, day("2025-10-01")))
                        .attributes())
                .doesNotContainKey("lastYear");
        assertThat(latest.keySet())
                .noneMatch(k -> k.startsWith("tourist_arrivals|")
                        && k.endsWith("|" + day("2027-10-01").toEpochMilli()));
        assertThat(REGISTRY.require("tourist_arrivals_change").meetsTarget(change.value()))
                .isTrue();
    }

    @Test
    void hotel_occupancy_per_area_and_for_the_city_from_rooms() {
        push(
                record(
                        "hotel-occupancy-daily",
                        "2026-11-22|ninh-kieu",
                        day("2026-11-22"),
                        "2026-11-22",
                        "ninh-kieu",
                        Map.of(
                                "date",
                                "2026-11-22",
                                "area_code",
                                "ninh-kieu",
                                "rooms_available",
                                4000L,
                                "rooms_occupied",
                                2600L,
                                "occupancy",
                                65.0)),
                PUSHED);
        push(
                record(
                        "hotel-occupancy-daily",
                        "2026-11-22|cai-rang",
                        day("2026-11-22"),
                        "2026-11-22",
                        "cai-rang",
                        Map.of(
                                "date",
                                "2026-11-22",
                                "area_code",
                                "cai-rang",
                                "rooms_available",
                                1000L,
                                "rooms_occupied",
                                400L,
                                "occupancy",
                                40.0)),
                PUSHED);

        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "hotel_occupancy", Scope.AREA, "ninh-kieu", "", day("2026-11-22")))
                .isCloseTo(65.0, within(1e-9));
        assertThat(value(latest, "hotel_occupancy_city", Scope.CITY, "can-tho", "", day("2026-11-22")))
                .isCloseTo(60.0, within(1e-9));
        assertThat(latest.get(key("hotel_occupancy", Scope.AREA, "cai-rang", "", Granularity.DAY, day("2026-11-22")))
                        .areaCode())
                .isEqualTo("cai-rang");
    }

    // --- socio-economic -----------------------------------------------------------------------------

    @Test
    void socioeconomic_indices_become_growth_rates_judged_against_the_year_target() {
        push(
                record(
                        "socioeconomic-monthly",
                        "2026-10-01",
                        day("2026-10-01"),
                        "2026-10",
                        null,
                        Map.of(
                                "period",
                                "2026-10-01",
                                "retail_sales",
                                14_250.0,
                                "retail_sales_yoy",
                                113.2,
                                "exports",
                                245.0,
                                "exports_yoy",
                                108.1,
                                "iip",
                                109.4,
                                "cpi",
                                103.1,
                                "reports_due",
                                40L,
                                "reports_on_time",
                                38L)),
                PUSHED);
        push(
                record(
                        "socioeconomic-quarterly",
                        "2026-07-01",
                        day("2026-07-01"),
                        "2026-Q3",
                        null,
                        Map.of("period", "2026-07-01", "grdp_growth", 7.6)),
                PUSHED);

        Map<String, Indicator> latest = latest();
        double retail = value(latest, "retail_sales_growth", Scope.CITY, "can-tho", "", day("2026-10-01"));
        double exports = value(latest, "exports_growth", Scope.CITY, "can-tho", "", day("2026-10-01"));
        double cpi = value(latest, "cpi_change", Scope.CITY, "can-tho", "", day("2026-10-01"));
        double timeliness =
                value(latest, "statistical_report_timeliness", Scope.CITY, "can-tho", "", day("2026-10-01"));
        Indicator grdp =
                latest.get(key("grdp_growth", Scope.CITY, "can-tho", "", Granularity.QUARTER, day("2026-07-01")));
        assertThat(retail).isCloseTo(13.2, within(1e-9));
        assertThat(REGISTRY.require("retail_sales_growth").meetsTarget(retail)).isTrue();
        assertThat(REGISTRY.require("exports_growth").meetsTarget(exports)).isFalse();
        assertThat(REGISTRY.require("cpi_change").meetsTarget(cpi)).isTrue();
        assertThat(timeliness).isCloseTo(95.0, within(1e-9));
        assertThat(grdp.value()).isEqualTo(7.6);
        assertThat(grdp.periodEnd()).isEqualTo(day("2026-10-01"));
        assertThat(REGISTRY.require("grdp_growth").meetsTarget(grdp.value())).isFalse();
    }

    // --- security and traffic -----------------------------------------------------------------------

    @Test
    void traffic_accidents_deaths_and_injuries_per_area_and_for_the_city() {
        push(traffic("2026-11-22", "ninh-kieu", 2, 0, 3), PUSHED);
        push(traffic("2026-11-22", "cai-rang", 1, 1, 0), PUSHED);
        push(traffic("2026-11-22", "cai-rang", 1, 1, 1), PUSHED.plusSeconds(30));

        Map<String, Indicator> latest = latest();
        assertThat(value(latest, "traffic_accidents", Scope.AREA, "ninh-kieu", "", day("2026-11-22")))
                .isEqualTo(2.0);
        assertThat(value(latest, "traffic_deaths_city", Scope.CITY, "can-tho", "", day("2026-11-22")))
                .isEqualTo(1.0);
        assertThat(value(latest, "traffic_injuries_city", Scope.CITY, "can-tho", "", day("2026-11-22")))
                .isEqualTo(4.0);
    }

    @Test
    void records_of_feeds_without_kpis_and_unreadable_records_change_nothing() {
        push(
                record(
                        "dossiers-daily",
                        "2026-11-22|x",
                        day("2026-11-22"),
                        "2026-11-22",
                        null,
                        Map.of("date", "2026-11-22")),
                PUSHED);
        assertThat(indicators.isEmpty()).isTrue();
    }

    @Test
    void the_topology_emits_every_department_kpi_of_the_registry() {
        List<String> registered = REGISTRY.all().stream()
                .filter(d -> d.domain() != Domain.ENVIRONMENT)
                .map(d -> d.id())
                .toList();

        assertThat(KpiCatalog.KPI_IDS).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(REGISTRY.all())
                .filteredOn(d -> KpiCatalog.KPI_IDS.contains(d.id()))
                .allMatch(d -> d.source().contains("-") && d.description() != null);
    }

    @Test
    void every_node_store_and_topic_of_the_topology_is_named() {
        String description = KpiTopology.build(REGISTRY, SlaPolicy.standard(WorkingCalendar.builtIn()))
                .describe()
                .toString();

        assertThat(description)
                .doesNotContain("KSTREAM-")
                .doesNotContain("KTABLE-")
                .contains(KpiTopology.VERSIONS_STORE, KpiTopology.CELLS_STORE, KpiTopology.REPARTITION);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private void push(FeedRecord record, Instant receivedAt) {
        FeedRecord received = new FeedRecord(
                record.schemaVersion(),
                record.feed(),
                record.department(),
                record.domain(),
                record.recordKey(),
                record.ts(),
                record.period(),
                record.areaCode(),
                record.fields(),
                record.metrics(),
                receivedAt,
                record.source(),
                record.conversions());
        feeds.pipeInput(received.key(), received, receivedAt);
    }

    private Map<String, Indicator> latest() {
        return indicators.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b, LinkedHashMap::new));
    }

    private static double value(Map<String, Indicator> latest, String id, String agency, Instant day) {
        Scope scope = REGISTRY.require(id).scope();
        return value(latest, id, scope, agency, "", day);
    }

    private static double value(
            Map<String, Indicator> latest, String id, Scope scope, String entity, String labels, Instant start) {
        String key = key(id, scope, entity, labels, REGISTRY.require(id).granularity(), start);
        Indicator indicator = latest.get(key);
        assertThat(indicator).as("indicator %s among %s", key, latest.keySet()).isNotNull();
        assertThat(indicator.key()).isEqualTo(key);
        return indicator.value();
    }

    private static String key(
            String id, Scope scope, String entity, String labels, Granularity granularity, Instant start) {
        return id
                + '|'
                + scope.id()
                + '|'
                + entity
                + '|'
                + labels
                + '|'
                + granularity.id()
                + '|'
                + start.toEpochMilli();
    }

    static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(Periods.VIETNAM).toInstant();
    }

    static FeedRecord record(
            String feed, String recordKey, Instant ts, String period, String area, Map<String, Object> fields) {
        return new FeedRecord(
                FeedRecord.SCHEMA_VERSION,
                feed,
                "dept",
                "domain",
                recordKey,
                ts,
                period,
                area,
                fields,
                Map.of(),
                PUSHED,
                "feeds/" + feed + "/token/1",
                Map.of());
    }

    static FeedRecord dossiers(
            String date, String agency, long received, long resolved, long onTime, long overdue, long online) {
        return record(
                "dossiers-daily",
                date + "|" + agency,
                day(date),
                date,
                null,
                Map.of(
                        "date",
                        date,
                        "agency_code",
                        agency,
                        "received",
                        received,
                        "resolved",
                        resolved,
                        "resolved_on_time",
                        onTime,
                        "overdue",
                        overdue,
                        "online_received",
                        online));
    }

    static FeedRecord report(
            String id,
            String area,
            String category,
            String status,
            String receivedAt,
            String acknowledgedAt,
            String resolvedAt) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of(
                "report_id",
                id,
                "channel",
                "phone",
                "category",
                category,
                "summary",
                "Phản ánh",
                "area_code",
                area,
                "status",
                status,
                "received_at",
                Instant.from(java.time.OffsetDateTime.parse(receivedAt)).toString()));
        if (acknowledgedAt != null) {
            fields.put(
                    "acknowledged_at",
                    Instant.from(java.time.OffsetDateTime.parse(acknowledgedAt)).toString());
        }
        if (resolvedAt != null) {
            fields.put(
                    "resolved_at",
                    Instant.from(java.time.OffsetDateTime.parse(resolvedAt)).toString());
        }
        return record(
                "hotline-1022-reports",
                id,
                Instant.from(java.time.OffsetDateTime.parse(receivedAt)),
                null,
                area,
                fields);
    }

    static FeedRecord mentions(Instant hour, String channel, long mentions, double negativeShare) {
        return record(
                "social-listening-hourly",
                hour + "|" + channel,
                hour,
                null,
                null,
                Map.of(
                        "hour",
                        hour.toString(),
                        "channel",
                        channel,
                        "mentions",
                        mentions,
                        "negative_share",
                        negativeShare));
    }

    static FeedRecord incident(String id, String severity, String detectedAt) {
        return record(
                "soc-incidents",
                id,
                Instant.parse(detectedAt),
                null,
                null,
                Map.of(
                        "incident_id",
                        id,
                        "severity",
                        severity,
                        "category",
                        "malware",
                        "target",
                        "Cổng dịch vụ công",
                        "status",
                        "open",
                        "detected_at",
                        detectedAt));
    }

    static FeedRecord tourism(String period, long visitors, double revenue) {
        return record(
                "tourism-monthly",
                period,
                day(period),
                period.substring(0, 7),
                null,
                Map.of("period", period, "visitors", visitors, "overnight_guests", visitors / 3, "revenue", revenue));
    }

    static FeedRecord traffic(String date, String area, long accidents, long deaths, long injuries) {
        return record(
                "traffic-safety-daily",
                date + "|" + area,
                day(date),
                date,
                area,
                Map.of(
                        "date",
                        date,
                        "area_code",
                        area,
                        "accidents",
                        accidents,
                        "deaths",
                        deaths,
                        "injuries",
                        injuries,
                        "violations",
                        100L));
    }
}
