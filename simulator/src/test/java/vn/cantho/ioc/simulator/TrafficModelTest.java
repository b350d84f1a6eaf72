package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

class TrafficModelTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Device road =
            DeviceRegistry.builtIn().device("tc-tran-hung-dao").orElseThrow();
    private final SensorModels calm = new SensorModels(11, 0);

    @Test
    void weekday_has_a_morning_and_an_evening_rush() {
        // 2026-03-10 is a Tuesday.
        double morning = vehicles("2026-03-10T07:15");
        double evening = vehicles("2026-03-10T17:35");
        double midday = vehicles("2026-03-10T12:30");
        double night = vehicles("2026-03-10T03:00");

        assertThat(morning).isGreaterThan(1.5 * midday);
        assertThat(evening).isGreaterThan(1.5 * midday);
        assertThat(midday).isGreaterThan(5 * night);
        assertThat(TrafficModel.intensity(Local.at("2026-03-10T07:15"))).isGreaterThan(0.9);
    }

    @Test
    void weekend_mornings_are_quieter_and_the_day_flatter() {
        // 2026-03-14 is a Saturday.
        assertThat(vehicles("2026-03-14T07:15")).isLessThan(0.6 * vehicles("2026-03-10T07:15"));
        assertThat(vehicles("2026-03-14T15:00")).isGreaterThan(0.7 * vehicles("2026-03-14T11:00"));
        assertThat(CityTime.weekend(Local.at("2026-03-14T07:15"))).isTrue();
        assertThat(CityTime.weekend(Local.at("2026-03-15T23:59"))).isTrue();
        assertThat(CityTime.weekend(Local.at("2026-03-16T00:01"))).isFalse();
    }

    @Test
    void mean_speed_falls_as_volume_rises() {
        assertThat(speed("2026-03-10T07:15")).isLessThan(speed("2026-03-10T12:30") - 5);
        assertThat(speed("2026-03-10T12:30")).isLessThan(speed("2026-03-10T03:00") - 3);
    }

    @Test
    void without_incidents_traffic_never_crawls_below_10_kmh() {
        Instant from = Local.at("2026-03-09T00:00");
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(7))); t = t.plus(MINUTE)) {
            assertThat(calm.reading(road, t, MINUTE).get("mean_speed"))
                    .as(t.toString())
                    .isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void a_jam_keeps_the_mean_speed_below_10_kmh_for_at_least_15_minutes_and_lets_fewer_through() {
        SensorModels jammed = new SensorModels(11, 1.0);
        Instant from = Local.at("2026-03-10T06:00");
        Incident jam = new Incidents(new Noise(11), 1.0)
                .between(Incident.Kind.TRAFFIC_JAM, road.id(), from, from.plus(Duration.ofHours(4)))
                .get(0);

        int slowMinutes = 0;
        for (Instant t = jam.start(); t.isBefore(jam.end()); t = t.plus(MINUTE)) {
            assertThat(jammed.reading(road, t, MINUTE).get("mean_speed")).isLessThan(10);
            slowMinutes++;
        }
        Instant middle = jam.start().plus(Duration.ofMinutes(10));
        assertThat(slowMinutes).isGreaterThanOrEqualTo(20);
        assertThat(jammed.reading(road, middle, MINUTE).get("vehicle_count"))
                .isLessThan(calm.reading(road, middle, MINUTE).get("vehicle_count") * 0.6);
        assertThat(jammed.reading(road, jam.end(), MINUTE).get("mean_speed")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void counts_scale_with_the_publish_interval() {
        Instant t = Local.at("2026-03-10T10:00");
        double perMinute = IntStream.range(0, 50)
                .mapToDouble(i -> calm.reading(road, t.plusSeconds(i), MINUTE).get("vehicle_count"))
                .average()
                .orElseThrow();
        double perFive = IntStream.range(0, 50)
                .mapToDouble(i -> calm.reading(road, t.plusSeconds(i), Duration.ofMinutes(5))
                        .get("vehicle_count"))
                .average()
                .orElseThrow();

        assertThat(perFive / perMinute).isBetween(4.5, 5.5);
    }

    /** Average over a few minutes around the time, so Poisson noise does not decide the test. */
    private double vehicles(String local) {
        Instant at = Local.at(local);
        return IntStream.range(-5, 5)
                .mapToDouble(
                        i -> calm.reading(road, at.plusSeconds(i * 60L), MINUTE).get("vehicle_count"))
                .average()
                .orElseThrow();
    }

    private double speed(String local) {
        Instant at = Local.at(local);
        return IntStream.range(-5, 5)
                .mapToDouble(
                        i -> calm.reading(road, at.plusSeconds(i * 60L), MINUTE).get("mean_speed"))
                .average()
                .orElseThrow();
    }
}
