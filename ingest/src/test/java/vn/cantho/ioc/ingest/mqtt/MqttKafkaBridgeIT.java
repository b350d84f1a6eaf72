package vn.cantho.ioc.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.ingest.IngestProducer;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.SharedServers;

/** The bridge against a real MQTT broker and a real Kafka broker. */
@Tag("kafka")
@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MqttKafkaBridgeIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final String DEVICE = "aq-binh-thuy-01";

    private MqttKafkaBridge bridge;

    @BeforeEach
    void startBridge() throws Exception {
        SERVERS.ensureTopics();
        String clientId = SharedServers.uniqueName("bridge");
        bridge = new MqttKafkaBridge(
                new BridgeOptions(SERVERS.mqttUrl(), clientId, "", 1000, Duration.ofHours(1), 65536),
                new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5)),
                IngestProducer.create(SERVERS.kafkaBootstrap(), clientId),
                Clock.systemUTC());
        bridge.start();
    }

    @AfterEach
    void stopBridge() {
        bridge.close();
    }

    @Test
    void every_one_of_a_quick_burst_of_qos1_messages_reaches_kafka_exactly_once() throws Exception {
        int messages = 30_000;
        Instant base = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        long acknowledged = publishBurst(messages, i -> payload(base.plusMillis(i), i % 500));

        assertThat(acknowledged).isEqualTo(messages);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            Map<Instant, Integer> seen = new HashMap<>();
            for (Reading reading : readAll(Topics.TELEMETRY)) {
                if (reading.deviceId().equals(DEVICE)
                        && !reading.ts().isBefore(base)
                        && reading.ts().isBefore(base.plusMillis(messages))) {
                    seen.merge(reading.ts(), 1, Integer::sum);
                }
            }
            assertThat(seen).hasSize(messages);
            assertThat(seen.values()).allMatch(count -> count == 1);
        });
        assertThat(bridge.stats().forwarded()).isGreaterThanOrEqualTo(messages);
    }

    @Test
    void senml_packs_become_one_reading_per_timestamp_each_exactly_once() throws Exception {
        int packs = 500;
        Instant base = Instant.now().minusSeconds(5400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Three timestamps per pack, 10 ms apart; pack i covers base + 30i .. base + 30i + 20 ms.
        long acknowledged = publishBurst(packs, i -> {
            double bt = base.plusMillis(30L * i).toEpochMilli() / 1000.0;
            return "[{\"bn\":\"urn:dev:ioc:" + DEVICE + ":\",\"bt\":" + bt + ",\"bu\":\"ug/m3\",\"n\":\"pm25\",\"v\":"
                    + (i % 100) + "},{\"n\":\"pm10\",\"v\":" + (i % 100 + 5) + "},"
                    + "{\"n\":\"pm25\",\"t\":0.01,\"v\":1},{\"n\":\"pm25\",\"t\":0.02,\"v\":2}]";
        });

        assertThat(acknowledged).isEqualTo(packs);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            Map<Instant, Integer> seen = new HashMap<>();
            for (Reading reading : readAll(Topics.TELEMETRY)) {
                if (reading.deviceId().equals(DEVICE)
                        && !reading.ts().isBefore(base)
                        && reading.ts().isBefore(base.plusMillis(30L * packs))) {
                    seen.merge(reading.ts(), 1, Integer::sum);
                    if ((reading.ts().toEpochMilli() - base.toEpochMilli()) % 30 == 0) {
                        assertThat(reading.values()).containsOnlyKeys("pm25", "pm10");
                    }
                }
            }
            assertThat(seen).hasSize(3 * packs);
            assertThat(seen.values()).allMatch(count -> count == 1);
        });
        assertThat(bridge.stats().readingsForwarded()).isGreaterThanOrEqualTo(3L * packs);
    }

    @Test
    void malformed_and_unknown_messages_are_dead_lettered_and_do_not_stop_good_ones() throws Exception {
        String marker = SharedServers.uniqueName("bad");
        Instant ts = Instant.now().minusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (DevicePublisher publisher = new DevicePublisher(SERVERS.mqttUrl())) {
            publisher.send(TelemetryTopic.of(DEVICE), ("not json " + marker).getBytes(StandardCharsets.UTF_8));
            publisher.send(TelemetryTopic.of("ghost-" + marker), "{\"values\":{\"pm25\":1}}".getBytes());
            publisher.send(
                    TelemetryTopic.of(DEVICE), ("{\"values\":{\"pm25\":NaN},\"m\":\"" + marker + "\"}").getBytes());
            publisher.send(TelemetryTopic.of(DEVICE), payload(ts, 42).getBytes(StandardCharsets.UTF_8));
            publisher.awaitAcks(4);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(readAll(Topics.TELEMETRY)).anyMatch(r -> r.deviceId().equals(DEVICE) && r.ts().equals(ts));
            List<DeadLetter> letters = readAll(Topics.DEAD_LETTER).stream()
                    .filter(l -> new String(l.payload(), StandardCharsets.UTF_8).contains(marker)
                            || l.source().contains(marker))
                    .toList();
            assertThat(letters)
                    .extracting(DeadLetter::reason)
                    .containsExactlyInAnyOrder(
                            DeadLetterReason.BAD_JSON, DeadLetterReason.UNKNOWN_DEVICE, DeadLetterReason.NON_FINITE);
        });
        assertThat(bridge.stats().deadLettered(DeadLetterReason.BAD_JSON)).isEqualTo(1);
        assertThat(bridge.stats().deadLetteredTotal()).isEqualTo(3);
        assertThat(bridge.stats().forwarded()).isEqualTo(1);
        assertThat(bridge.check().up()).isTrue();
    }

    private static String payload(Instant ts, double pm25) {
        return "{\"ts\":\"" + ts + "\",\"values\":{\"pm25\":" + pm25 + "}}";
    }

    private static long publishBurst(int messages, java.util.function.IntFunction<String> payload) throws Exception {
        try (DevicePublisher publisher = new DevicePublisher(SERVERS.mqttUrl())) {
            for (int i = 0; i < messages; i++) {
                publisher.send(TelemetryTopic.of(DEVICE), payload.apply(i).getBytes(StandardCharsets.UTF_8));
            }
            return publisher.awaitAcks(messages);
        }
    }

    private static <V> List<V> readAll(Topic<String, V> topic) {
        try (KafkaTail<V> tail = new KafkaTail<>(SERVERS.kafkaBootstrap(), topic)) {
            return tail.valuesUpToEnd(v -> true);
        }
    }
}
