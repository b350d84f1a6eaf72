package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.testkit.OutsideDevice;

/**
 * The hub exactly as {@code ./ioc up} runs it (embedded Kafka, MQTT broker and PostgreSQL under one
 * data directory), driven from outside: an independent MQTT client publishes, the HTTP API answers.
 */
@Tag("hub")
@Tag("mqtt")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubIT {

    private static final String DEVICE = "aq-cai-rang-02";
    private static final String NEW_DEVICE = "aq-cai-rang-09";
    private static final String NEW_DEVICE_JSON = "{\"id\":\"aq-cai-rang-09\",\"name\":\"Trạm không khí Cái Răng 9\","
            + "\"type\":\"air_station\",\"domain\":\"environment\",\"areaCode\":\"cai-rang\",\"lat\":9.99,"
            + "\"lon\":105.76,\"owner\":\"so-tnmt\",\"metrics\":[\"pm25\",\"pm10\"]}";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reading_from_an_outside_mqtt_client_is_served_as_a_1_minute_aggregate_and_survives_a_restart()
            throws Exception {
        Path dataDir = WorkDirectories.temporary("hub-it");
        // A minute safely inside the grace period for the whole test, whatever the wall clock does.
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(7);

        try (Hub hub = Hub.start(config(dataDir))) {
            awaitHealthy(hub);

            OutsideDevice.publishOnce(hub.endpoints().mqttUrl(), TelemetryTopic.of(DEVICE), "not json at all");
            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(), TelemetryTopic.of("ghost-device"), "{\"values\":{\"pm25\":1}}");
            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(),
                    TelemetryTopic.of(DEVICE),
                    "{\"ts\":\"" + ts + "\",\"values\":{\"pm25\":41.5,\"pm10\":70}}");

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode item = onlyAggregate(hub, "pm25", "device=" + DEVICE, ts);
                assertThat(item.get("count").asLong()).isEqualTo(1);
                assertThat(item.get("avg").asDouble()).isEqualTo(41.5);
                JsonNode area = onlyAggregate(hub, "pm10", "area=cai-rang", ts);
                assertThat(area.get("scope").asText()).isEqualTo("area");
                assertThat(area.get("max").asDouble()).isEqualTo(70.0);
            });
            assertThat(hub.ingestStats().deadLettered(DeadLetterReason.BAD_JSON))
                    .isEqualTo(1);
            assertThat(hub.ingestStats().deadLettered(DeadLetterReason.UNKNOWN_DEVICE))
                    .isEqualTo(1);

            // An admin adds a station through the API; its readings are accepted without a restart.
            HttpResponse<String> added = send(hub, "admin", "PUT", "/api/v1/devices/" + NEW_DEVICE, NEW_DEVICE_JSON);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(),
                    TelemetryTopic.of(NEW_DEVICE),
                    "{\"ts\":\"" + ts + "\",\"values\":{\"pm25\":12}}");
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(onlyAggregate(hub, "pm25", "device=" + NEW_DEVICE, ts)
                                    .get("count")
                                    .asLong())
                            .isEqualTo(1));
        }

        try (Hub hub = Hub.start(config(dataDir))) {
            awaitHealthy(hub);
            assertThat(onlyAggregate(hub, "pm25", "device=" + DEVICE, ts)
                            .get("count")
                            .asLong())
                    .isEqualTo(1);
            assertThat(get(hub, "/api/v1/devices/" + NEW_DEVICE).statusCode()).isEqualTo(200);

            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(),
                    TelemetryTopic.of(DEVICE),
                    "{\"ts\":\"" + ts.plusSeconds(10) + "\",\"values\":{\"pm25\":58.5}}");

            // Two readings, not one (state restored) and not three (nothing re-read from the start).
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode item = onlyAggregate(hub, "pm25", "device=" + DEVICE, ts);
                assertThat(item.get("count").asLong()).isEqualTo(2);
                assertThat(item.get("avg").asDouble()).isEqualTo(50.0);
            });
        }
    }

    private static HubConfig config(Path dataDir) {
        return TestHub.in(dataDir).with("AGGREGATE_GRACE", "10m").config();
    }

    private void awaitHealthy(Hub hub) {
        TestHub.awaitHealthy(hub, "kafka", "mqtt", "db", "ingest", "streams", "api");
    }

    private JsonNode onlyAggregate(Hub hub, String metric, String filter, Instant ts) throws Exception {
        Instant bucket = ts.truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> response = get(
                hub,
                "/api/v1/metrics/" + metric + "/aggregates?" + filter + "&from=" + bucket + "&to="
                        + bucket.plusSeconds(60));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode items = Json.mapper().readTree(response.body()).get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private HttpResponse<String> get(Hub hub, String path) throws Exception {
        return send(hub, "leader", "GET", path, null);
    }

    private HttpResponse<String> send(Hub hub, String role, String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + hub.endpoints().httpPort() + path))
                        .header("Authorization", "Bearer " + apiToken(hub, role))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A token of this role from the embedded default's API token file ({@code role=token} lines). */
    static String apiToken(Hub hub, String role) throws java.io.IOException {
        return Files.readAllLines(hub.endpoints().apiTokens().orElseThrow()).stream()
                .filter(l -> l.startsWith(role + "="))
                .map(l -> l.substring(role.length() + 1))
                .findFirst()
                .orElseThrow();
    }
}
