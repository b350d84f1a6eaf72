package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.ingest.mqtt.ParseResult;
import vn.cantho.ioc.ingest.mqtt.ReadingParser;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.simulator.Payloads;
import vn.cantho.ioc.simulator.SensorModels;

/**
 * The simulator and ingest meet only on the MQTT contract: every payload the simulator (and the load
 * generator) sends, in either form, is one the hub accepts with exactly the simulated values.
 */
class SimulatedPayloadsTest {

    private final DeviceRegistry registry = DeviceRegistry.builtIn();
    private final ReadingParser parser = new ReadingParser(registry, Duration.ofDays(7), Duration.ofMinutes(5));

    @Test
    void every_simulated_payload_is_accepted_by_ingest_with_its_values() {
        SensorModels models = new SensorModels(17, 0.5);
        Instant start = Instant.parse("2026-01-01T00:00:00.123Z");
        for (Device device : registry.devices()) {
            for (int step = 0; step < 365 * 24; step += 13) {
                Instant at = start.plus(Duration.ofHours(step)).plusMillis(step * 7919L % 3_600_000);
                Map<String, Double> values = models.reading(device, at, Duration.ofMinutes(1));
                for (Payloads.Format format : Payloads.Format.values()) {
                    ParseResult result = parser.parse(
                            TelemetryTopic.of(device.id()), Payloads.encode(format, device, at, values), at);

                    assertThat(result)
                            .as("%s %s at %s: %s", device.id(), format, at, result)
                            .isInstanceOfSatisfying(ParseResult.Accepted.class, accepted -> {
                                assertThat(accepted.readings()).hasSize(1);
                                assertThat(accepted.readings().get(0).ts()).isEqualTo(at);
                                assertThat(accepted.readings().get(0).values()).isEqualTo(values);
                            });
                }
            }
        }
    }
}
