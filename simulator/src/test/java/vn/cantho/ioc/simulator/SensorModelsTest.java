package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.Metric;

class SensorModelsTest {

    private static final DeviceRegistry REGISTRY = DeviceRegistry.builtIn();

    @Test
    void every_sensor_of_the_built_in_registry_has_a_model() {
        assertThat(REGISTRY.devices()).allMatch(SensorModels::supports);
        assertThat(REGISTRY.devices()).extracting(Device::type).containsAll(SensorModels.TYPES);
    }

    @ParameterizedTest(name = "incident probability {0}")
    @ValueSource(doubles = {0.0, 0.3, 1.0})
    void values_are_always_inside_the_metric_ranges_and_complete(double incidentProbability) {
        SensorModels models = new SensorModels(99, incidentProbability);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (Device device : REGISTRY.devices()) {
            for (int step = 0; step < 24 * 365; step += 7) {
                // Every 7 hours plus a varying minute: all hours of the day, all seasons.
                Instant at = start.plus(Duration.ofHours(step)).plusSeconds((step * 379L) % 3600);
                for (Duration interval : List.of(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5))) {
                    Map<String, Double> values = models.reading(device, at, interval);
                    assertThat(values.keySet()).as(device.id()).containsExactlyInAnyOrderElementsOf(device.metrics());
                    values.forEach((metric, value) -> assertThat(
                                    Metric.byId(metric).orElseThrow().accepts(value))
                            .as("%s %s = %s at %s", device.id(), metric, value, at)
                            .isTrue());
                }
            }
        }
    }

    @Test
    void water_quality_stays_in_its_natural_bands() {
        SensorModels models = new SensorModels(3, 0);
        Device station = REGISTRY.device("wq-song-can-tho").orElseThrow();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int hour = 0; hour < 24 * 365; hour += 5) {
            Map<String, Double> values =
                    models.reading(station, start.plus(Duration.ofHours(hour)), Duration.ofMinutes(5));
            assertThat(values.get("ph")).isBetween(6.5, 7.5);
            assertThat(values.get("dissolved_oxygen")).isBetween(3.0, 6.0);
            assertThat(values.get("turbidity")).isBetween(3.0, 300.0);
        }
    }

    @Test
    void flood_season_water_is_more_turbid_than_dry_season_water() {
        SensorModels models = new SensorModels(3, 0);
        Device station = REGISTRY.device("wq-song-can-tho").orElseThrow();

        assertThat(mean(models, station, "turbidity", Instant.parse("2026-10-01T00:00:00Z")))
                .isGreaterThan(2 * mean(models, station, "turbidity", Instant.parse("2026-04-01T00:00:00Z")));
    }

    @Test
    void the_same_seed_gives_the_same_city_whatever_the_order_of_questions() {
        List<Device> devices = new ArrayList<>(REGISTRY.devices());
        Instant at = Instant.parse("2026-10-15T11:23:45.678Z");
        SensorModels first = new SensorModels(2026, 0.5);
        SensorModels second = new SensorModels(2026, 0.5);
        Map<String, Map<String, Double>> expected = new java.util.HashMap<>();
        for (Device device : devices) {
            expected.put(device.id(), first.reading(device, at, Duration.ofMinutes(1)));
        }
        Collections.reverse(devices);
        for (Device device : devices) {
            second.reading(device, at.minusSeconds(60), Duration.ofMinutes(1));
            assertThat(second.reading(device, at, Duration.ofMinutes(1))).isEqualTo(expected.get(device.id()));
            assertThat(second.incident(device, at)).isEqualTo(first.incident(device, at));
        }
    }

    @Test
    void another_seed_gives_other_values() {
        Device station = REGISTRY.device("aq-ninh-kieu-01").orElseThrow();
        Instant at = Instant.parse("2026-10-15T11:23:45Z");

        assertThat(new SensorModels(1, 0).reading(station, at, Duration.ofMinutes(1)))
                .isNotEqualTo(new SensorModels(2, 0).reading(station, at, Duration.ofMinutes(1)));
    }

    @Test
    void a_device_type_without_a_model_is_refused() {
        Device lamp = new Device(
                "sl-01", "Đèn", "street_light", Domain.ENVIRONMENT, "ninh-kieu", 10, 105, "x", List.of("pm25"));

        assertThat(SensorModels.supports(lamp)).isFalse();
        assertThatThrownBy(() -> new SensorModels(1, 0).reading(lamp, Instant.now(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double mean(SensorModels models, Device device, String metric, Instant monthStart) {
        double sum = 0;
        int n = 0;
        for (int hour = 0; hour < 30 * 24; hour++) {
            sum += models.reading(device, monthStart.plus(Duration.ofHours(hour)), Duration.ofMinutes(5))
                    .get(metric);
            n++;
        }
        return sum / n;
    }
}
