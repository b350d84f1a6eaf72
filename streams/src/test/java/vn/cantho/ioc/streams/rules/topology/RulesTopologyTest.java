package vn.cantho.ioc.streams.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.Domain;

class RulesTopologyTest {

    /** A Monday, 00:00 in Vietnam. */
    private static final Instant START = Instant.parse("2026-11-15T17:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void a_pm25_spike_at_one_station_opens_one_alert_with_labels_and_a_summary() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            // Given a week of ordinary hourly PM2.5 at two stations
            history(rules, "aq-ninh-kieu-01", 20);

            // When the next hour at one station runs at four times its usual level
            Instant hour = rules.now();
            rules.reading("aq-ninh-kieu-01", "pm25", 80, hour.plusSeconds(60));
            rules.reading("aq-ninh-kieu-02", "pm25", 20, hour.plusSeconds(60));

            // Then exactly that station's spike alert opens
            List<ConditionEvent> spikes = ofRule(rules.events(), "pm25-spike");
            assertThat(spikes).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                assertThat(e.alertKey()).isEqualTo("pm25-spike|aq-ninh-kieu-01|");
                assertThat(e.entityId()).isEqualTo("aq-ninh-kieu-01");
                assertThat(e.scope()).isEqualTo(Scope.DEVICE);
                assertThat(e.severity()).isEqualTo(Severity.WARNING);
                assertThat(e.measure()).isEqualTo(4.0);
                assertThat(e.labels())
                        .containsEntry("domain", "environment")
                        .containsEntry("area", "ninh-kieu")
                        .containsEntry("metric", "pm25")
                        .containsEntry("device", "aq-ninh-kieu-01");
                assertThat(e.summary())
                        .contains(
                                "Bụi PM2.5 tăng đột biến",
                                "Trạm quan trắc không khí Ninh Kiều 1",
                                "PM2.5 gấp 4 lần mức thường ngày (bắt đầu, cảnh báo)",
                                "PM2.5 spike",
                                "PM2.5 4 times the usual level (opened, warning)");
                assertThat(e.at()).isEqualTo(rules.now());
            });
        }
    }

    @Test
    void river_level_crossing_bd_i_every_minute_for_an_hour_does_not_produce_a_storm_of_events() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            // Given the Cần Thơ gauge alternating between 1.81 m and 1.70 m every minute for an hour
            for (int minute = 0; minute < 60; minute++) {
                rules.reading("wl-can-tho", "water_level", minute % 2 == 0 ? 1.81 : 1.70, rules.now());
                rules.advance(Duration.ofMinutes(1));
            }

            // Then the 60 crossings give a handful of events, ending held by flap control
            List<ConditionEvent> events = ofRule(rules.events(), "river-level-bd");
            assertThat(events).hasSizeLessThanOrEqualTo(6);
            assertThat(events)
                    .extracting(ConditionEvent::type)
                    .containsOnlyOnce(TransitionType.OPENED)
                    .contains(TransitionType.FLAPPING_STARTED)
                    .doesNotContain(TransitionType.RESOLVED);
        }
    }

    @Test
    void a_silent_device_raises_one_source_stale_alert_and_no_no_data_alerts_of_its_rules() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            // Given the gauge reported at 1.85 m (BĐ I) and then went silent for an hour
            rules.reading("wl-can-tho", "water_level", 1.85, rules.now());
            assertThat(ofRule(rules.events(), "river-level-bd"))
                    .extracting(ConditionEvent::type)
                    .containsExactly(TransitionType.OPENED);
            rules.advance(Duration.ofHours(1));

            // Then one stale alert opened for it, and the river rules stayed silent (no NO_DATA)
            List<ConditionEvent> events = rules.events();
            assertThat(events).extracting(ConditionEvent::type).doesNotContain(TransitionType.NO_DATA);
            assertThat(ofRule(events, "device-stale"))
                    .extracting(ConditionEvent::alertKey, ConditionEvent::type)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("device-stale|wl-can-tho|", TransitionType.OPENED));

            // When it reports again, the stale alert resolves and no DATA_RETURNED is published
            rules.reading("wl-can-tho", "water_level", 1.85, rules.now());
            events = rules.events();
            assertThat(events)
                    .extracting(ConditionEvent::ruleId, ConditionEvent::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("device-stale", TransitionType.RESOLVED));
        }
    }

    @Test
    void a_1022_report_not_acknowledged_in_two_hours_opens_an_sla_alert_that_acknowledgement_resolves() {
        try (RulesDriver rules = new RulesDriver(stateDir, START.plus(Duration.ofHours(2)))) {
            Instant received = rules.now();
            Map<String, Object> report = new java.util.HashMap<>(Map.of(
                    "report_id",
                    "R-1",
                    "status",
                    "received",
                    "received_at",
                    received.toString(),
                    "category",
                    "traffic"));
            rules.feedRecord("hotline-1022-reports", "R-1", received, "cai-rang", report, Map.of());
            rules.advance(Duration.ofMinutes(119));
            assertThat(ofRule(rules.events(), "hotline-1022-ack-sla")).isEmpty();

            rules.advance(Duration.ofMinutes(2));
            assertThat(ofRule(rules.events(), "hotline-1022-ack-sla"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                        assertThat(e.alertKey()).isEqualTo("hotline-1022-ack-sla|hotline-1022-reports|record=R-1");
                        assertThat(e.areaCode()).isEqualTo("cai-rang");
                        assertThat(e.domain()).isEqualTo("citizen_feedback");
                    });

            report.put("status", "acknowledged");
            report.put("acknowledged_at", rules.now().toString());
            rules.feedRecord("hotline-1022-reports", "R-1", received, "cai-rang", report, Map.of());
            assertThat(ofRule(rules.events(), "hotline-1022-ack-sla"))
                    .extracting(ConditionEvent::type)
                    .containsExactly(TransitionType.RESOLVED);
            assertThat(rules.alerts())
                    .noneSatisfy((key, state) -> assertThat(key).startsWith("hotline-1022-ack-sla"));
        }
    }

    @Test
    void a_website_defacement_is_critical_until_the_soc_resolves_it() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            Map<String, Object> incident = new java.util.HashMap<>(Map.of(
                    "incident_id",
                    "INC-7",
                    "severity",
                    "medium",
                    "category",
                    "defacement",
                    "target",
                    "cantho.gov.vn",
                    "status",
                    "open",
                    "detected_at",
                    rules.now().toString()));
            rules.feedRecord("soc-incidents", "INC-7", rules.now(), null, incident, Map.of());
            assertThat(ofRule(rules.events(), "soc-defacement")).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
            });

            incident.put("status", "resolved");
            rules.feedRecord("soc-incidents", "INC-7", rules.now(), null, incident, Map.of());
            assertThat(ofRule(rules.events(), "soc-defacement"))
                    .extracting(ConditionEvent::type)
                    .containsExactly(TransitionType.RESOLVED);
        }
    }

    @Test
    void an_area_mean_above_its_level_for_the_pending_period_opens_an_area_alert() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            // Given Ninh Kiều's 1-minute PM2.5 mean at 95 µg/m³ minute after minute
            for (int minute = 0; minute < 29; minute++) {
                rules.areaMean("ninh-kieu", "pm25", 95, rules.now());
                rules.advance(Duration.ofMinutes(1));
            }
            // Then nothing before the 30-minute pending period is over
            assertThat(ofRule(rules.events(), "pm25-area-high")).isEmpty();

            rules.areaMean("ninh-kieu", "pm25", 95, rules.now());
            rules.advance(Duration.ofMinutes(1));
            assertThat(ofRule(rules.events(), "pm25-area-high")).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                assertThat(e.alertKey()).isEqualTo("pm25-area-high|ninh-kieu|");
                assertThat(e.scope()).isEqualTo(Scope.AREA);
                assertThat(e.summary()).contains("Ninh Kiều");
            });
        }
    }

    @Test
    void kpis_alert_on_their_target_gap_and_their_identity_labels_split_alerts() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            Instant day = Instant.parse("2026-11-15T17:00:00Z");
            rules.indicator(
                    kpi("dossiers_on_time_rate", Scope.AGENCY, "so-tu-phap", Map.of(), 80, Granularity.DAY, day));
            rules.indicator(
                    kpi("dossiers_on_time_rate", Scope.AGENCY, "so-xay-dung", Map.of(), 96, Granularity.DAY, day));
            rules.indicator(kpi(
                    "online_negative_share_6h",
                    Scope.CITY,
                    "can-tho",
                    Map.of("channel", "facebook"),
                    35,
                    Granularity.HOUR,
                    day));
            rules.indicator(kpi(
                    "online_negative_share_6h",
                    Scope.CITY,
                    "can-tho",
                    Map.of("channel", "news"),
                    12,
                    Granularity.HOUR,
                    day));

            assertThat(rules.events())
                    .extracting(
                            ConditionEvent::alertKey,
                            ConditionEvent::type,
                            ConditionEvent::severity,
                            ConditionEvent::scope)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "dossier-on-time-below-target|so-tu-phap|",
                                    TransitionType.OPENED,
                                    Severity.MAJOR,
                                    Scope.AGENCY),
                            org.assertj.core.groups.Tuple.tuple(
                                    "online-negative-share|can-tho|channel=facebook",
                                    TransitionType.OPENED,
                                    Severity.WARNING,
                                    Scope.CITY));
        }
    }

    private static Indicator kpi(
            String id,
            Scope scope,
            String entity,
            Map<String, String> labels,
            double value,
            Granularity granularity,
            Instant start) {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                id,
                scope,
                entity,
                "test",
                null,
                granularity,
                start,
                start.plus(Duration.ofHours(1)),
                value,
                new java.util.TreeMap<>(labels),
                Map.of(),
                start);
    }

    @Test
    void replaying_the_same_records_at_another_wall_clock_time_gives_the_same_event_ids() {
        List<String> first;
        List<String> second;
        try (RulesDriver rules = new RulesDriver(stateDir.resolve("a"), START)) {
            riverRisesPastBdIi(rules, START);
            first = ofRule(rules.events(), "river-level-bd").stream()
                    .map(ConditionEvent::eventId)
                    .toList();
        }
        try (RulesDriver rules = new RulesDriver(stateDir.resolve("b"), START.plus(Duration.ofMinutes(5)))) {
            riverRisesPastBdIi(rules, START);
            second = ofRule(rules.events(), "river-level-bd").stream()
                    .map(ConditionEvent::eventId)
                    .toList();
        }
        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void a_station_added_to_the_live_registry_while_running_is_watched_by_the_device_rules_at_once() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            // Given a water-quality station that is not registered: its low oxygen is not watched
            rules.reading(NEW_STATION.id(), "dissolved_oxygen", 3.0, rules.now());
            assertThat(rules.events()).isEmpty();
            assertThat(rules.alerts()).isEmpty();

            // When an admin registers it while the topology runs, and it reports 3 mg/L for 40 minutes
            rules.changeRegistry(r -> r.withDevice(NEW_STATION));
            for (int minute = 0; minute <= 40; minute += 5) {
                rules.reading(NEW_STATION.id(), "dissolved_oxygen", 3.0, rules.now());
                rules.advance(Duration.ofMinutes(5));
            }

            // Then its low-oxygen alert opens after the rule's 30-minute pending period, with its area and name
            assertThat(ofRule(rules.events(), "water-do-low")).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                assertThat(e.entityId()).isEqualTo(NEW_STATION.id());
                assertThat(e.areaCode()).isEqualTo("cai-rang");
                assertThat(e.labels()).containsEntry("area", "cai-rang").containsEntry("device_type", "water_quality");
                assertThat(e.summary()).contains(NEW_STATION.name(), "(bắt đầu, cảnh báo)", "(opened, warning)");
            });
        }
    }

    @Test
    void a_device_removed_from_the_live_registry_has_its_open_stale_alert_resolved_and_forgotten() {
        try (RulesDriver rules = new RulesDriver(stateDir, START)) {
            // Given a registered station that reported once and then went silent: its stale alert is open
            rules.changeRegistry(r -> r.withDevice(NEW_STATION));
            rules.reading(NEW_STATION.id(), "dissolved_oxygen", 7.0, rules.now());
            rules.advance(Duration.ofMinutes(20));
            assertThat(ofRule(rules.events(), "device-stale"))
                    .extracting(ConditionEvent::type)
                    .containsExactly(TransitionType.OPENED);

            // When an admin removes it
            rules.changeRegistry(r -> r.withoutDevice(NEW_STATION.id()));
            rules.advance(Duration.ofMinutes(1));

            // Then its stale alert resolves, nothing of it is kept, and its silence raises nothing more
            assertThat(rules.events())
                    .extracting(ConditionEvent::ruleId, ConditionEvent::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("device-stale", TransitionType.RESOLVED));
            assertThat(rules.alerts().keySet()).noneMatch(k -> k.contains(NEW_STATION.id()));
            rules.advance(Duration.ofHours(3));
            assertThat(rules.events()).isEmpty();
        }
    }

    private static final Device NEW_STATION = new Device(
            "wq-test-moi",
            "Trạm chất lượng nước thử nghiệm Cái Răng",
            "water_quality",
            Domain.ENVIRONMENT,
            "cai-rang",
            10.01,
            105.79,
            "so-tnmt",
            List.of("dissolved_oxygen"));

    private static void riverRisesPastBdIi(RulesDriver rules, Instant t) {
        rules.reading("wl-can-tho", "water_level", 1.70, t);
        rules.reading("wl-can-tho", "water_level", 1.82, t.plusSeconds(60));
        rules.reading("wl-can-tho", "water_level", 1.92, t.plusSeconds(120));
    }

    /** Seven days of hourly readings at {@code value}, the wall clock moving with them. */
    private static void history(RulesDriver rules, String device, double value) {
        for (int h = 0; h < 7 * 24; h++) {
            rules.reading(device, "pm25", value, rules.now().plusSeconds(60));
            rules.reading("aq-ninh-kieu-02", "pm25", value, rules.now().plusSeconds(60));
            rules.advance(Duration.ofHours(1));
        }
        rules.events();
    }

    private static List<ConditionEvent> ofRule(List<ConditionEvent> events, String rule) {
        return events.stream().filter(e -> e.ruleId().equals(rule)).toList();
    }
}
