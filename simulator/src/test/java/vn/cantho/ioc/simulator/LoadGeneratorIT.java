package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.testkit.SharedServers;

/** The load generator against the real (embedded HiveMQ) broker. */
@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoadGeneratorIT {

    private static final SharedServers SERVERS = SharedServers.get();

    @Test
    void every_acknowledged_message_reaches_a_subscriber_exactly_once() throws Exception {
        try (Subscriber subscriber = new Subscriber(SERVERS.mqttUrl())) {
            LoadReport report = new LoadGenerator(new LoadOptions(
                            2000, Duration.ofSeconds(3), SERVERS.mqttUrl(), 2, 0.3, 7, Optional.empty(), false))
                    .run();
            System.out.println("load generator, 2000 msg/s with a subscriber: " + report.toJson());

            assertThat(report.complete()).as(report.toJson()).isTrue();
            assertThat(report.sent()).isBetween(5400L, 6000L);
            assertThat(report.acknowledged()).isEqualTo(report.sent());
            assertThat(report.failed()).isZero();
            assertThat(report.achievedRate()).isGreaterThan(1600);
            assertThat((double) report.senml() / report.sent()).isBetween(0.25, 0.35);
            assertThat(report.devices())
                    .isEqualTo(vn.cantho.ioc.model.registry.DeviceRegistry.builtIn()
                            .devices()
                            .size());
            assertThat(report.latencyMs().get("p50")).isPositive();
            assertThat(report.latencyMs().get("p99"))
                    .isGreaterThanOrEqualTo(report.latencyMs().get("p50"));
            await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.received() >= report.acknowledged());
            Thread.sleep(500);
            assertThat(subscriber.received()).isEqualTo(report.acknowledged());
            assertThat(Json.mapper().readTree(subscriber.lastSenml()).isArray()).isTrue();
            JsonNode compact = Json.mapper().readTree(subscriber.lastCompact());
            assertThat(compact.has("ts")).isTrue();
            assertThat(compact.get("values").isObject()).isTrue();
            JsonNode line = Json.mapper().readTree(report.toJson());
            assertThat(line.fieldNames())
                    .toIterable()
                    .contains("sent", "acknowledged", "failed", "achievedRate", "latencyMs");
        }
    }

    @Test
    void the_outcome_listener_hears_each_acknowledged_message_once_under_a_pair_of_device_and_timestamp_no_other_has()
            throws Exception {
        // Given a listener remembering every (device, timestamp) pair it is told was acknowledged
        Set<String> pairs = ConcurrentHashMap.newKeySet();
        AtomicLong told = new AtomicLong();
        LoadGenerator generator = new LoadGenerator(
                new LoadOptions(1500, Duration.ofSeconds(2), SERVERS.mqttUrl(), 3, 0.2, 3, Optional.empty(), false),
                (device, ts, acknowledged) -> {
                    told.incrementAndGet();
                    if (acknowledged) {
                        pairs.add(device + "@" + ts);
                    }
                });

        // When the load runs
        LoadReport report = generator.run();

        // Then every message was reported once, and no two acknowledged messages share a device and timestamp
        assertThat(report.complete()).as(report.toJson()).isTrue();
        assertThat(told.get()).isEqualTo(report.sent());
        assertThat(pairs).hasSize((int) report.acknowledged());
        assertThat(pairs).allSatisfy(pair -> assertThat(generator.deviceIds()).contains(pair.split("@")[0]));
    }

    @Test
    void throughput_against_the_embedded_broker() throws Exception {
        LoadReport report = new LoadGenerator(new LoadOptions(
                        Integer.getInteger("load.rate", 50_000),
                        Duration.ofSeconds(Integer.getInteger("load.seconds", 5)),
                        SERVERS.mqttUrl(),
                        2,
                        0.2,
                        1,
                        Optional.empty(),
                        false))
                .run();
        System.out.println("load generator, maximum rate, no subscriber: " + report.toJson());

        assertThat(report.complete()).as(report.toJson()).isTrue();
        assertThat(report.achievedRate()).isGreaterThan(1000);
    }
}
