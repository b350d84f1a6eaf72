package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.simulator.feed.FeedClient;
import vn.cantho.ioc.simulator.feed.FeedTokens;
import vn.cantho.ioc.simulator.feed.PushResult;
import vn.cantho.ioc.streams.kpi.KpiTopology;
import vn.cantho.ioc.streams.kpi.SlaPolicy;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Department feeds end to end on real servers: records pushed through the real feed API (HTTP, tokens,
 * ledger) reach Kafka, the KPI streams application turns them into KPI values on the indicator topic —
 * with a correction replacing the first version and an identical re-push changing nothing.
 *
 * <p>The reported day and month are drawn at random from 2001–2019 and every value is a function of
 * them, so records of an earlier run on the same broker can only be identical re-pushes.
 */
@Tag("kafka")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KpiPipelineIT {

    @Test
    void pushed_feed_records_become_kpi_values_and_corrections_replace_earlier_versions() throws Exception {
        // Given the feed API and the KPI streams application on the shared Kafka
        Path dataDir = WorkDirectories.temporary("kpi-pipeline-it");
        LocalDate day =
                LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(19 * 365));
        String date = day.toString();
        try (FeedServerFixture api = new FeedServerFixture(dataDir);
                StreamsRunner kpis = new StreamsRunner(
                        KpiTopology.build(IndicatorRegistry.builtIn(), SlaPolicy.standard(WorkingCalendar.builtIn())),
                        StreamsRunner.properties(
                                SharedServers.uniqueName("kpis-it"),
                                api.servers.kafkaBootstrap(),
                                dataDir.resolve("streams"),
                                1,
                                1));
                KafkaTail<Indicator> indicators = new KafkaTail<>(api.servers.kafkaBootstrap(), Topics.INDICATORS)) {
            kpis.start();
            Map<String, String> tokens = FeedTokens.read(api.demoTokens);
            FeedClient client = new FeedClient(api.url());

            // When the one-stop-shop centre pushes two agencies' day, then a correction and an identical re-push
            PushResult dossiers = client.push(
                    "dossiers-daily",
                    tokens.get("trung-tam-phuc-vu-hcc"),
                    List.of(dossier(date, "it-agency-1", 40, 20, 19, 1), dossier(date, "it-agency-2", 50, 30, 24, 6)));
            PushResult correction = client.push(
                    "dossiers-daily",
                    tokens.get("trung-tam-phuc-vu-hcc"),
                    List.of(dossier(date, "it-agency-1", 40, 20, 20, 0), dossier(date, "it-agency-2", 50, 30, 24, 6)));
            // the 1022 hotline two reports of the day, acknowledged after exactly 2 h and after 2 h 30 min
            PushResult reports = client.push(
                    "hotline-1022-reports",
                    tokens.get("tong-dai-1022"),
                    List.of(
                            report("IT-" + date + "-1", date + "T08:00:00+07:00", date + "T10:00:00+07:00"),
                            report("IT-" + date + "-2", date + "T09:00:00+07:00", date + "T11:30:00+07:00")));
            // and the tourism department the same month of two years
            String month = day.withDayOfMonth(1).toString();
            String lastYear = day.withDayOfMonth(1).minusYears(1).toString();
            PushResult tourism = client.push(
                    "tourism-monthly",
                    tokens.get("so-vhttdl"),
                    List.of(tourism(lastYear, 800_000), tourism(month, 900_000)));

            // Then the API accepted everything, and the KPIs arrive with the corrected values
            assertThat(List.of(dossiers, reports, tourism)).allMatch(PushResult::ok);
            assertThat(correction.ok()).isTrue();
            assertThat(correction.duplicates()).isEqualTo(1);
            assertThat(correction.corrections()).isEqualTo(1);
            long dayStart = day.atStartOfDay(ZoneOffset.ofHours(7)).toInstant().toEpochMilli();
            long monthStart = day.withDayOfMonth(1)
                    .atStartOfDay(ZoneOffset.ofHours(7))
                    .toInstant()
                    .toEpochMilli();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        Map<String, Indicator> latest = new LinkedHashMap<>();
                        for (ConsumerRecord<String, Indicator> record : indicators.upToEnd(r -> true)) {
                            latest.put(record.key(), record.value());
                        }
                        assertThat(value(latest, "dossiers_on_time_rate|agency|it-agency-1||day|" + dayStart))
                                .isEqualTo(100.0);
                        assertThat(value(latest, "dossiers_overdue_city|city|can-tho||day|" + dayStart))
                                .isEqualTo(6.0);
                        assertThat(value(latest, "dossiers_on_time_rate_city|city|can-tho||day|" + dayStart))
                                .isCloseTo(44.0 / 50 * 100, within(1e-9));
                        assertThat(value(latest, "citizen_reports_ack_sla|area|ninh-kieu||day|" + dayStart))
                                .isCloseTo(50.0, within(1e-9));
                        assertThat(value(latest, "tourist_arrivals_change|city|can-tho||month|" + monthStart))
                                .isCloseTo(12.5, within(1e-9));
                    });
        }
    }

    private static Double value(Map<String, Indicator> latest, String key) {
        Indicator indicator = latest.get(key);
        assertThat(indicator).as(key).isNotNull();
        return indicator.value();
    }

    private static Map<String, Object> dossier(
            String date, String agency, long received, long resolved, long onTime, long overdue) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", date);
        r.put("agency_code", agency);
        r.put("received", received);
        r.put("resolved", resolved);
        r.put("resolved_on_time", onTime);
        r.put("overdue", overdue);
        return r;
    }

    private static Map<String, Object> report(String id, String received, String acknowledged) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("report_id", id);
        r.put("channel", "phone");
        r.put("category", "environment");
        r.put("summary", "Rác thải ùn ứ trên đường Nguyễn Văn Cừ");
        r.put("ward", "Phường An Khánh");
        r.put("area_code", "ninh-kieu");
        r.put("status", "acknowledged");
        r.put("received_at", received);
        r.put("acknowledged_at", acknowledged);
        return r;
    }

    private static Map<String, Object> tourism(String period, long visitors) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", period);
        r.put("visitors", visitors);
        r.put("overnight_guests", visitors / 3);
        r.put("revenue", visitors / 625.0);
        return r;
    }
}
