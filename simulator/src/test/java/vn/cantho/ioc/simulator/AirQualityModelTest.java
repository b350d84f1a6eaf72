package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;

class AirQualityModelTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final SensorModels models = new SensorModels(42, 0);
    private final Device station =
            DeviceRegistry.builtIn().device("aq-ninh-kieu-01").orElseThrow();

    @Test
    void readings_are_within_the_metric_ranges_and_pm10_is_not_below_pm25() {
        IntStream.range(0, 24 * 60).forEach(minute -> {
            var values = models.reading(
                    station, Instant.parse("2026-02-10T00:00:00Z").plusSeconds(minute * 60L), MINUTE);

            assertThat(values).containsOnlyKeys("pm25", "pm10", "o3", "co", "no2", "so2");
            values.forEach((metric, value) ->
                    assertThat(Metric.byId(metric).orElseThrow().accepts(value)).isTrue());
            assertThat(values.get("pm10")).isGreaterThanOrEqualTo(values.get("pm25"));
        });
    }

    @Test
    void morning_rush_hour_is_dirtier_than_the_middle_of_the_night() {
        assertThat(average("pm25", "2026-02-10T07:30")).isGreaterThan(average("pm25", "2026-02-10T02:00") + 5);
    }

    @Test
    void no2_and_co_follow_the_traffic() {
        assertThat(average("no2", "2026-02-10T07:30")).isGreaterThan(2 * average("no2", "2026-02-10T02:00"));
        assertThat(average("co", "2026-02-10T17:40")).isGreaterThan(2 * average("co", "2026-02-10T02:00"));
    }

    @Test
    void ozone_peaks_in_the_middle_of_the_afternoon() {
        int best = -1;
        double max = -1;
        for (int hour = 0; hour < 24; hour++) {
            double o3 = average("o3", "2026-02-10T%02d:00".formatted(hour));
            if (o3 > max) {
                max = o3;
                best = hour;
            }
        }
        assertThat(best).isBetween(13, 16);
        assertThat(max).isGreaterThan(3 * average("o3", "2026-02-10T03:00"));
    }

    @Test
    void the_dry_season_is_hazier_than_the_rainy_season() {
        double dry = IntStream.range(0, 28)
                .mapToDouble(d -> average("pm25", "2026-02-%02dT10:00".formatted(d + 1)))
                .sum();
        double wet = IntStream.range(0, 28)
                .mapToDouble(d -> average("pm25", "2026-08-%02dT10:00".formatted(d + 1)))
                .sum();

        assertThat(dry).isGreaterThan(1.3 * wet);
    }

    @Test
    void a_pm25_spike_adds_more_than_100_ug_m3_at_its_height() {
        SensorModels smoky = new SensorModels(42, 1.0);
        Incident spike = new Incidents(new Noise(42), 1.0)
                .between(
                        Incident.Kind.PM25_SPIKE,
                        station.id(),
                        Local.at("2026-02-10T00:00"),
                        Local.at("2026-02-10T04:00"))
                .get(0);
        Instant height =
                spike.start().plus(Duration.between(spike.start(), spike.end()).dividedBy(4));

        assertThat(smoky.reading(station, height, MINUTE).get("pm25"))
                .isGreaterThan(models.reading(station, height, MINUTE).get("pm25") + 100);
        assertThat(smoky.reading(station, spike.end(), MINUTE).get("pm25"))
                .isLessThan(models.reading(station, spike.end(), MINUTE).get("pm25") + 100);
    }

    @Test
    void stations_report_only_their_metrics() {
        Device small = DeviceRegistry.builtIn().device("aq-binh-thuy-01").orElseThrow();

        assertThat(models.reading(small, Instant.parse("2026-02-10T00:00:00Z"), MINUTE))
                .containsOnlyKeys("pm25", "pm10");
    }

    private double average(String metric, String local) {
        Instant at = Local.at(local);
        return IntStream.range(0, 30)
                .mapToDouble(i ->
                        models.reading(station, at.plusSeconds(i * 20L), MINUTE).get(metric))
                .average()
                .orElseThrow();
    }
}
