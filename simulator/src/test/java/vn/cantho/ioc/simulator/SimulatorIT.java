package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.testkit.SharedServers;

/** The simulator against a real MQTT broker, watched by an independent subscriber. */
@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SimulatorIT {

    private static final SharedServers SERVERS = SharedServers.get();

    @Test
    void every_sensor_type_publishes_at_its_cadence_in_its_payload_form() throws Exception {
        DeviceRegistry registry = DeviceRegistry.builtIn();
        try (Subscriber subscriber = new Subscriber(SERVERS.mqttUrl())) {
            Simulator simulator = new Simulator(
                    registry.devices(),
                    new SensorModels(1, 0.5),
                    new MqttPublisher(SERVERS.mqttUrl(), SharedServers.uniqueName("simulator")),
                    Clock.systemUTC(),
                    Cadences.parse("250ms,water_gauge=1s,water_quality=1s"));
            simulator.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.devices().stream()
                    .allMatch(d -> subscriber.received(TelemetryTopic.of(d.id())) >= 2));
            simulator.close();

            assertThat(simulator.devices()).hasSameSizeAs(registry.devices());
            assertThat(simulator.acknowledged()).isEqualTo(simulator.sent());
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received() == simulator.sent());
            Device air = registry.device("aq-ninh-kieu-01").orElseThrow();
            Device gauge = registry.device("wl-can-tho").orElseThrow();
            assertThat(subscriber.received(TelemetryTopic.of(air.id())))
                    .isGreaterThan(2 * subscriber.received(TelemetryTopic.of(gauge.id())));
            JsonNode compact = Json.mapper().readTree(subscriber.lastPayload(TelemetryTopic.of(air.id())));
            assertThat(compact.get("values").fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("pm25", "pm10", "o3", "co", "no2", "so2");
            JsonNode senml = Json.mapper().readTree(subscriber.lastPayload(TelemetryTopic.of(gauge.id())));
            assertThat(senml.get(0).get("bn").asText()).isEqualTo("urn:dev:ioc:wl-can-tho:");
            assertThat(senml.get(0).get("n").asText()).isEqualTo("water_level");
        }
    }
}
