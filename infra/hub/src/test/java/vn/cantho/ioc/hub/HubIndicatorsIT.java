package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;

/**
 * VN_AQI and flood indicators end to end, through the hub as {@code ./ioc up} runs it: an outside MQTT client
 * publishes a station's and a gauge's readings over three simulated hours (explicit timestamps), and the API
 * serves the hand-computed hourly AQI and the gauge's crossing of BĐ II from {@code indicator_values}. A restart
 * then shows the indicator state (hourly windows and each station's recent hours) restored from its changelogs.
 */
@Tag("hub")
@Tag("mqtt")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubIndicatorsIT {

    private static final String STATION = "aq-binh-thuy-01";
    private static final String GAUGE = "wl-can-tho";
    private static final Duration HOUR = Duration.ofHours(1);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readings_over_three_hours_become_the_hand_computed_aqi_and_bd_ii_in_the_api_and_survive_a_restart()
            throws Exception {
        Path dataDir = WorkDirectories.temporary("hub-indicators-it");
        // Three whole hours that have all passed; the readings are published in time order.
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(HOUR.multipliedBy(3));
        Instant current = base.plus(HOUR.multipliedBy(2));

        try (Hub hub = Hub.start(config(dataDir))) {
            awaitHealthy(hub);

            // In event-time order: stream time is per partition, and a device sharing a partition with one that
            // reported hours later would otherwise be past the grace period.
            // PM2.5 hourly means 20, 30, 42; PM10 40 in the last two hours.
            // The river: 1.70 m, then 1.85 and 1.95 m in the current hour (BĐ II is 1.90 m).
            publish(hub, STATION, base.plusSeconds(600), "\"pm25\":18");
            publish(hub, STATION, base.plusSeconds(1200), "\"pm25\":22");
            publish(hub, STATION, base.plus(HOUR).plusSeconds(600), "\"pm25\":30,\"pm10\":40");
            publish(hub, GAUGE, base.plus(HOUR).plusSeconds(600), "\"water_level\":1.70");
            publish(hub, STATION, current.plusSeconds(600), "\"pm25\":40,\"pm10\":40");
            publish(hub, GAUGE, current.plusSeconds(600), "\"water_level\":1.85");
            publish(hub, GAUGE, current.plusSeconds(1200), "\"water_level\":1.95");
            publish(hub, STATION, current.plusSeconds(1800), "\"pm25\":44");

            // NowCast of 42, 30, 20: w* = 20/42 <= 1/2, so 42/2 + 30/4 + 20/8 = 31 µg/m³ -> 50 + (31 - 25) * 2 = 62
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode station = station(hub);
                assertThat(station.get("periodStart").asText()).isEqualTo(current.toString());
                assertThat(station.get("aqi").asInt()).isEqualTo(62);
                assertThat(station.get("category").asText()).isEqualTo("Trung bình");
                assertThat(station.get("colour").asText()).isEqualTo("#FFFF00");
                assertThat(station.get("dominantPollutant").asText()).isEqualTo("pm25");
                assertThat(station.get("subIndices").get("pm10").asInt()).isEqualTo(40);
            });
            JsonNode area =
                    get(hub, "/api/v1/aqi/current?area=binh-thuy").get("areas").get(0);
            assertThat(area.get("aqi").asInt()).isEqualTo(62);
            assertThat(area.get("station").asText()).isEqualTo(STATION);

            // Hourly means 1.70 and 1.90: rising 20 cm/h; the highest level 1.95 m is past BĐ II
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode gauge = gauge(hub);
                assertThat(gauge.get("hour").asText()).isEqualTo(current.toString());
                assertThat(gauge.get("level").asDouble()).isEqualTo(1.95);
                assertThat(gauge.get("alertLevel").asInt()).isEqualTo(2);
                assertThat(gauge.get("alertLevelName").asText()).isEqualTo("BĐ II");
                assertThat(gauge.get("riseRateCmPerHour").asDouble()).isEqualTo(20.0);
            });
            JsonNode stored = get(hub, "/api/v1/indicators?indicator=vn_aqi_hourly&entity=" + STATION);
            assertThat(stored.get("items"))
                    .extracting(i ->
                            i.get("periodStart").asText() + "=" + i.get("value").asInt())
                    .containsExactly(base.plus(HOUR) + "=52", current + "=62");
        }

        try (Hub hub = Hub.start(config(dataDir))) {
            awaitHealthy(hub);
            assertThat(station(hub).get("aqi").asInt()).isEqualTo(62);

            publish(hub, STATION, current.plusSeconds(2400), "\"pm25\":50");

            // The hour's mean is now (40 + 44 + 50) / 3 = 44.667 and the earlier hours still count (state restored):
            // 44.667/2 + 30/4 + 20/8 = 32.333 -> 50 + 7.333 * 2 = 64.67 -> 65
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(
                            () -> assertThat(station(hub).get("aqi").asInt()).isEqualTo(65));
        }
    }

    private static HubConfig config(Path dataDir) {
        return TestHub.in(dataDir).config();
    }

    private JsonNode station(Hub hub) throws Exception {
        JsonNode stations = get(hub, "/api/v1/aqi/current?area=binh-thuy").get("stations");
        assertThat(stations).hasSize(1);
        return stations.get(0);
    }

    private JsonNode gauge(Hub hub) throws Exception {
        for (JsonNode item : get(hub, "/api/v1/water-levels/current").get("items")) {
            if (item.get("device").asText().equals(GAUGE)) {
                return item;
            }
        }
        throw new AssertionError("no gauge " + GAUGE);
    }

    private void awaitHealthy(Hub hub) {
        TestHub.awaitHealthy(hub, "indicators", "streams", "db", "api");
    }

    private JsonNode get(Hub hub, String path) throws Exception {
        HttpResponse<String> response = send(hub, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> send(Hub hub, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + hub.endpoints().httpPort() + path))
                        .header("Authorization", "Bearer " + HubIT.apiToken(hub, "leader"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(Hub hub, String device, Instant ts, String values) throws Exception {
        MqttClient client =
                new MqttClient(hub.endpoints().mqttUrl(), "outside-" + System.nanoTime(), new MemoryPersistence());
        client.connect(new MqttConnectionOptions());
        String payload = "{\"ts\":\"" + ts + "\",\"values\":{" + values + "}}";
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(TelemetryTopic.of(device), message);
        client.disconnect();
        client.close();
    }
}
