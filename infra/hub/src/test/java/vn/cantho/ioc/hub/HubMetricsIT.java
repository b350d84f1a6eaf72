package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.json.Json;

/**
 * The hub as {@code ./ioc up} runs it, with the simulator's sensors and department feeds: its {@code /metrics}
 * carries the stage meters, and every metric the platform-health dashboard queries
 * ({@code dashboards/grafana/dashboards/platform/ioc-platform.json}) is in the scrape.
 */
@Tag("hub")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HubMetricsIT {

    /** Meters that only appear after an event this run need not produce: an alert changing state. */
    private static final Set<String> EVENT_DRIVEN = Set.of("ioc_alert_transitions_total", "ioc_alerts_open");

    private static final Pattern METRIC = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?=[{\\[)]|$)");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "by", "rate", "histogram_quantile", "le");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsCarryEveryStageMeterThePlatformDashboardReads() throws Exception {
        // Given the hub on its embedded default, sensors publishing every 5 s and the feeds pushed at start
        TestHub settings = TestHub.in(WorkDirectories.temporary("hub-metrics-it"))
                .withSimulator()
                .with("SIMULATOR_INTERVAL", "5s")
                .with("SIMULATOR_SEED", "7")
                .with("SIMULATOR_FEED_INTERVAL", "1h")
                .with("SIMULATOR_FEED_HISTORY", "1d");
        List<String> wanted = platformDashboardMetrics();
        try (Hub hub = settings.start()) {
            // When /metrics is scraped as Prometheus does
            // Then every stage's meter is there with its labels, and so is every metric the dashboard reads
            await().atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(() -> {
                        String scrape = scrape(hub);
                        assertThat(scrape)
                                .contains("ioc_feed_pushes_total{application=\"ioc-hub\",feed=\"")
                                .contains("ioc_feed_rows_total{")
                                .contains("result=\"accepted\"")
                                .contains("ioc_sink_rows_total{")
                                .contains("sink=\"ioc.aggregates.1m.v1\"")
                                .contains("ioc_sink_batch_seconds_bucket{")
                                .contains("ioc_kafka_consumer_lag_records{application=\"ioc-hub\",group=\"ioc-sink\"}")
                                .contains(
                                        "ioc_kafka_consumer_lag_records{application=\"ioc-hub\",group=\"ioc-streams\"}")
                                .contains(
                                        "ioc_streams_process_rate{application=\"ioc-hub\",application_id=\"ioc-rules\"}")
                                .contains("ioc_rule_evaluations_total{")
                                .contains("ioc_mqtt_messages_total{application=\"ioc-hub\",outcome=\"forwarded\"}")
                                .contains("ioc_mqtt_readings_total{")
                                .contains("ioc_ingest_journal_backlog_bytes{");
                        for (String name : wanted) {
                            if (!EVENT_DRIVEN.contains(name)) {
                                assertThat(scrape)
                                        .as("/metrics has " + name)
                                        .containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
                            }
                        }
                    });
        }
    }

    private String scrape(Hub hub) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + hub.endpoints().httpPort() + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The series names the platform dashboard's PromQL reads (histograms by their bucket/count series). */
    private static List<String> platformDashboardMetrics() throws Exception {
        Path file = Path.of("..", "..", "dashboards", "grafana", "dashboards", "platform", "ioc-platform.json");
        if (!Files.exists(file)) {
            file = Path.of("dashboards", "grafana", "dashboards", "platform", "ioc-platform.json");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode panel : Json.mapper().readTree(file.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr")
                        .asText("")
                        .replaceAll("\\{[^}]*}", "{}")
                        .replaceAll("by \\([^)]*\\)", "")
                        .replaceAll("\\[[^]]*]", "[]");
                Matcher m = METRIC.matcher(expr);
                while (m.find()) {
                    if (!PROMQL_WORDS.contains(m.group(1))) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(12);
        return names;
    }
}
