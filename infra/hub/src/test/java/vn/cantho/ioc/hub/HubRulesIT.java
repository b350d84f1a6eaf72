package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;

/**
 * The hub as {@code ./ioc up} runs it raises a rule's alert from a reading an outside MQTT client
 * publishes: MQTT → ingest → telemetry topic → rules application → alert topic.
 */
class HubRulesIT {

    @Test
    void a_river_reading_past_bd_ii_published_over_mqtt_raises_a_major_alert_on_the_alert_topic() throws Exception {
        Path dataDir = Files.createTempDirectory("hub-rules-it");
        try (Hub hub = Hub.start(HubConfig.from(new Config(Map.of(
                "IOC_DATA_DIR", dataDir.toString(),
                "HTTP_PORT", "0", "FEED_HTTP_PORT", "0", "KAFKA_PORT", "0", "MQTT_PORT", "0", "DB_PORT", "0",
                "SIMULATOR_ENABLED", "false", "RULES_TICK_INTERVAL", "1s"))));
             KafkaConsumer<String, ConditionEvent> consumer = consumer(hub.kafkaBootstrap())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> hub.rulesHealth().up());

            Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            publish(hub.mqttUrl(), TelemetryTopic.of("wl-can-tho"),
                    "{\"ts\":\"" + ts + "\",\"values\":{\"water_level\":1.93}}");

            List<ConditionEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
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

    private static KafkaConsumer<String, ConditionEvent> consumer(String bootstrap) {
        KafkaConsumer<String, ConditionEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.ALERT_CONDITIONS.keySerde().deserializer(), Topics.ALERT_CONDITIONS.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.ALERT_CONDITIONS.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.ALERT_CONDITIONS.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void publish(String brokerUrl, String topic, String payload) throws Exception {
        MqttClient client = new MqttClient(brokerUrl, "outside-" + System.nanoTime(), new MemoryPersistence());
        client.connect(new MqttConnectionOptions());
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic, message);
        client.disconnect();
        client.close();
    }
}
