package vn.cantho.ioc.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.ingest.IngestProducer;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Two ingest bridges in one MQTT 5 shared-subscription group against the real brokers: the broker
 * hands each message to one member of the group, Kafka gets each message exactly once, and when one
 * bridge leaves mid-stream the other carries on alone.
 */
@Tag("kafka")
@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SharedSubscriptionIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final String DEVICE = "aq-cai-rang-01";

    private final String group = SharedServers.uniqueName("ingest-group");
    private MqttKafkaBridge first;
    private MqttKafkaBridge second;

    @BeforeEach
    void startTwoBridgesInOneGroup() throws Exception {
        SERVERS.ensureTopics();
        first = bridge("a");
        second = bridge("b");
    }

    @AfterEach
    void stopBridges() {
        first.close();
        second.close();
    }

    @Test
    void two_bridges_in_one_group_forward_each_message_exactly_once_between_them() throws Exception {
        int messages = 4_000;
        Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        publish(base, 0, messages);

        awaitEachExactlyOnce(base, messages);
        // How the broker spreads them is its choice (HiveMQ hands the next message to a member with free
        // in-flight capacity, so a fast member may take all); the contract is: together, each once.
        assertThat(first.stats().forwarded() + second.stats().forwarded()).isEqualTo(messages);
    }

    @Test
    void when_one_bridge_leaves_the_other_takes_every_later_message() throws Exception {
        int half = 2_000;
        Instant base = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        publish(base, 0, half);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> first.stats().forwarded() + second.stats().forwarded() == half);
        long secondBefore = second.stats().forwarded();

        first.close();
        publish(base, half, 2 * half);

        awaitEachExactlyOnce(base, 2 * half);
        assertThat(second.stats().forwarded() - secondBefore).isEqualTo(half);
    }

    private MqttKafkaBridge bridge(String name) throws Exception {
        String clientId = SharedServers.uniqueName("bridge-" + name);
        MqttKafkaBridge bridge = new MqttKafkaBridge(
                new BridgeOptions(SERVERS.mqttUrl(), clientId, group, 100, Duration.ofHours(1), 65536),
                new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5)),
                IngestProducer.create(SERVERS.kafkaBootstrap(), clientId),
                Clock.systemUTC());
        bridge.start();
        return bridge;
    }

    /** Messages {@code from} (inclusive) to {@code to} (exclusive), message i stamped {@code base + i ms}. */
    private static void publish(Instant base, int from, int to) throws Exception {
        try (DevicePublisher publisher = new DevicePublisher(SERVERS.mqttUrl())) {
            for (int i = from; i < to; i++) {
                String payload = "{\"ts\":\"" + base.plusMillis(i) + "\",\"values\":{\"pm25\":" + (i % 300) + "}}";
                publisher.send(TelemetryTopic.of(DEVICE), payload.getBytes(StandardCharsets.UTF_8));
            }
            publisher.awaitAcks(to - from);
        }
    }

    private static void awaitEachExactlyOnce(Instant base, int messages) {
        try (KafkaTail<Reading> tail = new KafkaTail<>(SERVERS.kafkaBootstrap(), Topics.TELEMETRY)) {
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                Map<Instant, Integer> seen = new HashMap<>();
                tail.valuesUpToEnd(r -> r.deviceId().equals(DEVICE)
                                && !r.ts().isBefore(base)
                                && r.ts().isBefore(base.plusMillis(messages)))
                        .forEach(r -> seen.merge(r.ts(), 1, Integer::sum));
                assertThat(seen).hasSize(messages);
                assertThat(seen.values()).allMatch(count -> count == 1);
            });
        }
    }
}
