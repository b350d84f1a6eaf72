package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;

class AirQualityModelTest {

    private final AirQualityModel model = new AirQualityModel(new Random(42));
    private final Device station = DeviceRegistry.builtIn().device("aq-ninh-kieu-01").orElseThrow();

    @Test
    void readings_are_within_the_metric_ranges_and_pm10_is_not_below_pm25() {
        IntStream.range(0, 24 * 60).forEach(minute -> {
            var values = model.reading(station, Instant.parse("2026-02-10T00:00:00Z").plusSeconds(minute * 60L));

            assertThat(Metric.PM25.accepts(values.get("pm25"))).isTrue();
            assertThat(Metric.PM10.accepts(values.get("pm10"))).isTrue();
            assertThat(values.get("pm10")).isGreaterThanOrEqualTo(values.get("pm25"));
        });
    }

    @Test
    void morning_rush_hour_is_dirtier_than_the_small_hours() {
        // 07:30 and 03:00 local time (UTC+7).
        double rush = average(Instant.parse("2026-02-10T00:30:00Z"));
        double night = average(Instant.parse("2026-02-09T20:00:00Z"));

        assertThat(rush).isGreaterThan(night + 5);
    }

    private double average(Instant at) {
        return IntStream.range(0, 200).mapToDouble(i -> model.reading(station, at).get("pm25")).average().orElseThrow();
    }
}
