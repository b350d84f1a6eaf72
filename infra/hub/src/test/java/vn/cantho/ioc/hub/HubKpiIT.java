package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.simulator.feed.DepartmentFeeds;
import vn.cantho.ioc.simulator.feed.FeedBatch;
import vn.cantho.ioc.testkit.KafkaTail;

/**
 * The hub as {@code ./ioc up} runs it with the simulator on: the simulated departments push their feeds
 * over HTTP with the demo tokens, and the hub's KPI application publishes KPI values that add up to
 * exactly what the simulator pushed.
 */
@Tag("hub")
@Tag("kafka")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubKpiIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_simulated_departments_feeds_become_kpis_in_the_running_hub() throws Exception {
        // Given the hub on its embedded default with the simulator (sensors rarely, feeds at start)
        Path dataDir = WorkDirectories.temporary("hub-kpi-it");
        try (Hub hub = TestHub.in(dataDir)
                        .withSimulator()
                        .with("SIMULATOR_INTERVAL", "1h")
                        .with("SIMULATOR_SEED", "42")
                        .with("SIMULATOR_FEED_INTERVAL", "1h")
                        .with("SIMULATOR_FEED_HISTORY", "3d")
                        .start();
                KafkaTail<Indicator> indicators =
                        new KafkaTail<>(hub.endpoints().kafkaBootstrap(), Topics.INDICATORS)) {
            // What the simulator pushes: the traffic-safety reports of the nine districts two days ago (inside
            // the 3-day history whichever side of midnight the simulator's first push falls)
            LocalDate reported = LocalDate.now(ZoneOffset.ofHours(7)).minusDays(2);
            double accidents = new DepartmentFeeds(42)
                    .batches(Instant.now(), Duration.ofDays(3)).stream()
                            .filter(b -> b.feed().equals("traffic-safety-daily"))
                            .map(FeedBatch::records)
                            .flatMap(List::stream)
                            .filter(r -> r.get("date").equals(reported.toString()))
                            .mapToDouble(r -> ((Number) r.get("accidents")).doubleValue())
                            .sum();
            long day = reported.atStartOfDay(ZoneOffset.ofHours(7)).toInstant().toEpochMilli();

            // Then the KPIs of every domain arrive, and the city's accidents are the districts' sum
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        Map<String, Indicator> latest = new LinkedHashMap<>();
                        for (ConsumerRecord<String, Indicator> record : indicators.upToEnd(r -> true)) {
                            latest.put(record.key(), record.value());
                        }
                        assertThat(latest.values())
                                .extracting(Indicator::indicator)
                                .contains(
                                        "dossiers_on_time_rate",
                                        "citizen_reports_ack_sla_city",
                                        "online_negative_share_6h",
                                        "cyber_blocked_attacks",
                                        "tourist_arrivals_change",
                                        "hotel_occupancy_city",
                                        "grdp_growth",
                                        "cpi_change");
                        Indicator city = latest.get("traffic_accidents_city|city|can-tho||day|" + day);
                        assertThat(city).isNotNull();
                        assertThat(city.value()).isCloseTo(accidents, within(1e-9));
                    });
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + hub.endpoints().httpPort() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode kpis =
                    Json.mapper().readTree(health.body()).get("components").get("kpis");
            assertThat(kpis.get("status").asText()).isEqualTo("UP");
            assertThat(kpis.get("detail").asText()).contains("ioc-kpis");
        }
    }
}
