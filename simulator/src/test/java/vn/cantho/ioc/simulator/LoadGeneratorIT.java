package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.embedded.SharedServers;
import vn.cantho.ioc.model.json.Json;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/** The load generator against the real (embedded HiveMQ) broker. */
@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoadGeneratorIT {

    private static final SharedServers SERVERS = SharedServers.get();

    @Test
    void every_acknowledged_message_reaches_a_subscriber_exactly_once() throws Exception {
        try (Subscriber subscriber = new Subscriber(SERVERS.mqttUrl())) {
            LoadReport report = new LoadGenerator(new LoadOptions(2000, Duration.ofSeconds(3), SERVERS.mqttUrl(), 2, 0.3,
                    7, Optional.empty(), false)).run();
            System.out.println("load generator, 2000 msg/s with a subscriber: " + report.toJson());

            assertThat(report.complete()).as(report.toJson()).isTrue();
            assertThat(report.sent()).isBetween(5400L, 6000L);
            assertThat(report.acknowledged()).isEqualTo(report.sent());
            assertThat(report.failed()).isZero();
            assertThat(report.achievedRate()).isGreaterThan(1600);
            assertThat((double) report.senml() / report.sent()).isBetween(0.25, 0.35);
            assertThat(report.devices()).isEqualTo(vn.cantho.ioc.model.registry.DeviceRegistry.builtIn().devices().size());
            assertThat(report.latencyMs().get("p50")).isPositive();
            assertThat(report.latencyMs().get("p99")).isGreaterThanOrEqualTo(report.latencyMs().get("p50"));
            await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.received() >= report.acknowledged());
            Thread.sleep(500);
            assertThat(subscriber.received()).isEqualTo(report.acknowledged());
            assertThat(Json.mapper().readTree(subscriber.lastSenml()).isArray()).isTrue();
            JsonNode compact = Json.mapper().readTree(subscriber.lastCompact());
            assertThat(compact.has("ts")).isTrue();
            assertThat(compact.get("values").isObject()).isTrue();
            JsonNode line = Json.mapper().readTree(report.toJson());
            assertThat(line.fieldNames()).toIterable().contains("sent", "acknowledged", "failed", "achievedRate",
                    "latencyMs");
        }
    }

    @Test
    void throughput_against_the_embedded_broker() throws Exception {
        LoadReport report = new LoadGenerator(new LoadOptions(Integer.getInteger("load.rate", 50_000),
                Duration.ofSeconds(Integer.getInteger("load.seconds", 5)), SERVERS.mqttUrl(), 2, 0.2, 1,
                Optional.empty(), false)).run();
        System.out.println("load generator, maximum rate, no subscriber: " + report.toJson());

        assertThat(report.complete()).as(report.toJson()).isTrue();
        assertThat(report.achievedRate()).isGreaterThan(1000);
    }
}
