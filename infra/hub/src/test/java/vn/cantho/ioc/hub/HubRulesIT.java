package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.testkit.OutsideDevice;

/**
 * The hub as {@code ./ioc up} runs it raises a rule's alert from a reading an outside MQTT client
 * publishes: MQTT → ingest → telemetry topic → rules application → alert topic — also for a station
 * an admin registers through the API while the hub runs.
 */
@Tag("hub")
@Tag("kafka")
@Tag("mqtt")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubRulesIT {

    @Test
    void a_river_reading_past_bd_ii_published_over_mqtt_raises_a_major_alert_on_the_alert_topic() throws Exception {
        Path dataDir = WorkDirectories.temporary("hub-rules-it");
        try (Hub hub = TestHub.in(dataDir).with("RULES_TICK_INTERVAL", "1s").start();
                KafkaConsumer<String, ConditionEvent> consumer =
                        consumer(hub.endpoints().kafkaBootstrap())) {
            TestHub.awaitHealthy(hub, "rules");

            Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(),
                    TelemetryTopic.of("wl-can-tho"),
                    "{\"ts\":\"" + ts + "\",\"values\":{\"water_level\":1.93}}");

            List<ConditionEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(100)).forEach(r -> events.add(r.value()));
                        assertThat(events).anySatisfy(e -> {
                            assertThat(e.alertKey()).isEqualTo("river-level-bd|wl-can-tho|");
                            assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                            assertThat(e.severity()).isEqualTo(Severity.MAJOR);
                            assertThat(e.measure()).isEqualTo(1.93);
                        });
                    });
        }
    }

    @Test
    void a_station_added_through_the_admin_api_raises_its_alert_without_a_restart() throws Exception {
        // Given a hub whose catalogue watches the dissolved oxygen of every water-quality station
        Path dataDir = WorkDirectories.temporary("hub-rules-live-it");
        Path rulesFile = dataDir.resolve("rules.json");
        Files.writeString(rulesFile, """
                {"version": 1, "rules": [
                  {"id": "it-oxygen-low", "title": "Oxy hòa tan thấp (kiểm thử)", "domain": "environment",
                   "description": "Any water-quality station below 4 mg/L, at once.",
                   "kind": "THRESHOLD", "direction": "BELOW",
                   "input": {"source": "telemetry", "metric": "dissolved_oxygen", "deviceTypes": ["water_quality"]},
                   "levels": [{"severity": "WARNING", "raise": 4, "clear": 4.5}],
                   "pending": "PT0S", "keepFiring": "PT0S",
                   "flap": {"maxFlips": 4, "window": "PT1H", "stableFor": "PT30M"}}
                ]}""", StandardCharsets.UTF_8);
        try (Hub hub = TestHub.in(dataDir)
                        .with("RULES_TICK_INTERVAL", "1s")
                        .with("RULES_FILE", rulesFile.toString())
                        .start();
                KafkaConsumer<String, ConditionEvent> consumer =
                        consumer(hub.endpoints().kafkaBootstrap())) {
            TestHub.awaitHealthy(hub, "rules");

            // When an admin registers a new station through the API and it then reports 3 mg/L over MQTT
            HttpResponse<String> added = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + hub.endpoints().httpPort() + "/api/v1/devices/" + NEW_STATION))
                                    .header("Authorization", "Bearer " + HubIT.apiToken(hub, "admin"))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(NEW_STATION_JSON, StandardCharsets.UTF_8))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(),
                    TelemetryTopic.of(NEW_STATION),
                    "{\"ts\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                            + "\",\"values\":{\"dissolved_oxygen\":3.0}}");

            // Then the running rules application raises the station's alert, in the station's area
            List<ConditionEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(100)).forEach(r -> events.add(r.value()));
                        assertThat(events).anySatisfy(e -> {
                            assertThat(e.alertKey()).isEqualTo("it-oxygen-low|" + NEW_STATION + "|");
                            assertThat(e.type()).isEqualTo(TransitionType.OPENED);
                            assertThat(e.severity()).isEqualTo(Severity.WARNING);
                            assertThat(e.areaCode()).isEqualTo("o-mon");
                        });
                    });
        }
    }

    /** A device id and a rule no other test of this module uses (they share nothing but the code). */
    private static final String NEW_STATION = "wq-it-rules-live";

    private static final String NEW_STATION_JSON =
            "{\"id\":\"" + NEW_STATION + "\",\"name\":\"Trạm nước kiểm thử Ô Môn\","
                    + "\"type\":\"water_quality\",\"domain\":\"environment\",\"areaCode\":\"o-mon\",\"lat\":10.12,"
                    + "\"lon\":105.64,\"owner\":\"so-tnmt\",\"metrics\":[\"dissolved_oxygen\"]}";

    private static KafkaConsumer<String, ConditionEvent> consumer(String bootstrap) {
        KafkaConsumer<String, ConditionEvent> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                Topics.ALERT_CONDITIONS.keySerde().deserializer(),
                Topics.ALERT_CONDITIONS.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.ALERT_CONDITIONS.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.ALERT_CONDITIONS.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
