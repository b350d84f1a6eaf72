package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

class WaterLevelModelTest {

    private static final Duration LUNAR_DAY = Duration.ofMinutes(24 * 60 + 50);
    private static final Duration STEP = Duration.ofMinutes(5);

    private final WaterLevelModel model = new WaterLevelModel(new Noise(42));

    @Test
    void two_high_waters_of_unequal_height_per_lunar_day_about_12_h_25_min_apart() {
        for (String month : List.of("2026-02-01T00:00", "2026-06-01T00:00", "2026-10-01T00:00")) {
            Instant from = Local.at(month);
            List<Instant> times = new ArrayList<>();
            List<Double> heights = new ArrayList<>();
            highWaters(WaterLevelModel.CAN_THO, from, from.plus(Duration.ofDays(30)), times, heights);

            // 30 days are 28.99 lunar days: 57 or 58 high waters.
            assertThat(times).as(month).hasSizeBetween(57, 59);
            double meanGapHours =
                    Duration.between(times.get(0), times.get(times.size() - 1)).toMinutes() / 60.0 / (times.size() - 1);
            assertThat(meanGapHours).as(month).isBetween(12.2, 12.6);
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)).toMinutes() / 60.0)
                        .as(month)
                        .isBetween(9.0, 16.5);
            }
            int unequal = 0;
            for (int i = 1; i < heights.size(); i += 2) {
                if (Math.abs(heights.get(i) - heights.get(i - 1)) > 0.05) {
                    unequal++;
                }
            }
            assertThat(unequal)
                    .as(month + ": lunar days with unequal high waters")
                    .isGreaterThan(heights.size() / 2 * 2 / 3);
        }
    }

    @Test
    void every_lunar_day_has_two_high_waters() {
        Instant from = Local.at("2026-01-01T00:00");
        List<Instant> times = new ArrayList<>();
        highWaters(WaterLevelModel.CAN_THO, from, from.plus(Duration.ofDays(365)), times, new ArrayList<>());
        Instant window = from;
        while (window.plus(LUNAR_DAY).isBefore(from.plus(Duration.ofDays(364)))) {
            Instant start = window;
            long count = times.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plus(LUNAR_DAY)))
                    .count();
            assertThat(count).as("high waters in the lunar day from " + start).isBetween(1L, 3L);
            window = window.plus(LUNAR_DAY);
        }
        assertThat(times.size() / (365 * 24 * 60 / (double) LUNAR_DAY.toMinutes()))
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void flood_season_high_waters_reach_about_two_metres_the_dry_season_stays_lower() {
        double autumn = max(WaterLevelModel.CAN_THO, Local.at("2026-09-01T00:00"), Local.at("2026-12-01T00:00"));
        double spring = max(WaterLevelModel.CAN_THO, Local.at("2026-03-01T00:00"), Local.at("2026-05-01T00:00"));

        assertThat(autumn).isBetween(1.85, 2.25);
        assertThat(spring).isBetween(0.9, 1.5);
        assertThat(mean(Local.at("2026-10-01T00:00"))).isGreaterThan(mean(Local.at("2026-04-01T00:00")) + 0.7);
    }

    @Test
    void the_level_is_smooth_and_the_tide_is_about_a_metre_either_side_of_the_mean() {
        Instant from = Local.at("2026-07-01T00:00");
        double previous = model.level(WaterLevelModel.CAN_THO, from);
        double min = previous;
        double max = previous;
        for (Instant t = from.plus(STEP); t.isBefore(from.plus(Duration.ofDays(15))); t = t.plus(STEP)) {
            double level = model.level(WaterLevelModel.CAN_THO, t);
            assertThat(Math.abs(level - previous)).as("change in 5 min at " + t).isLessThan(0.08);
            min = Math.min(min, level);
            max = Math.max(max, level);
            previous = level;
        }
        assertThat(max - min).as("spring tidal range").isBetween(1.6, 2.8);
    }

    @Test
    void upstream_gauges_see_a_smaller_tide() {
        Instant from = Local.at("2026-04-01T00:00");
        Instant to = from.plus(Duration.ofDays(15));

        double canTho = max(WaterLevelModel.CAN_THO, from, to) - min(WaterLevelModel.CAN_THO, from, to);
        WaterLevelModel.Gauge thotNot = WaterLevelModel.gauge("wl-thot-not");
        double upstream = max(thotNot, from, to) - min(thotNot, from, to);

        assertThat(upstream).isLessThan(canTho * 0.8);
    }

    @Test
    void a_river_rise_incident_takes_the_can_tho_station_past_flood_alert_level_2_even_in_the_dry_season() {
        Device gauge = DeviceRegistry.builtIn().device("wl-can-tho").orElseThrow();
        SensorModels models = new SensorModels(42, 1.0);
        Instant day = Local.at("2026-04-10T00:00");

        Incident rise = new Incidents(new Noise(42), 1.0)
                .between(
                        Incident.Kind.RIVER_RISE,
                        "wl-can-tho",
                        day.minus(Duration.ofDays(1)),
                        day.plus(Duration.ofDays(1)))
                .get(0);
        double highest = 0;
        for (Instant t = rise.start(); t.isBefore(rise.end()); t = t.plus(STEP)) {
            highest = Math.max(highest, models.reading(gauge, t, STEP).get("water_level"));
        }
        double highestWithout = max(WaterLevelModel.CAN_THO, rise.start(), rise.end());

        assertThat(highest).isGreaterThan(1.90).isLessThan(2.3);
        assertThat(highestWithout).isLessThan(1.5);
        Instant middle =
                rise.start().plus(Duration.between(rise.start(), rise.end()).dividedBy(2));
        assertThat(models.incident(gauge, middle)).contains(rise);
        assertThat(models.incident(gauge, rise.end())).isNotEqualTo(Optional.of(rise));
        assertThat(Duration.between(rise.start(), rise.end())).isEqualTo(Duration.ofHours(17));
    }

    private void highWaters(
            WaterLevelModel.Gauge gauge, Instant from, Instant to, List<Instant> times, List<Double> heights) {
        double before = model.level(gauge, from);
        double current = model.level(gauge, from.plus(STEP));
        for (Instant t = from.plus(STEP.multipliedBy(2)); t.isBefore(to); t = t.plus(STEP)) {
            double after = model.level(gauge, t);
            if (current > before && current >= after) {
                times.add(t.minus(STEP));
                heights.add(current);
            }
            before = current;
            current = after;
        }
    }

    private double max(WaterLevelModel.Gauge gauge, Instant from, Instant to) {
        double max = Double.NEGATIVE_INFINITY;
        for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
            max = Math.max(max, model.level(gauge, t));
        }
        return max;
    }

    private double min(WaterLevelModel.Gauge gauge, Instant from, Instant to) {
        double min = Double.POSITIVE_INFINITY;
        for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
            min = Math.min(min, model.level(gauge, t));
        }
        return min;
    }

    private double mean(Instant monthStart) {
        double sum = 0;
        int n = 0;
        for (Instant t = monthStart; t.isBefore(monthStart.plus(Duration.ofDays(30))); t = t.plus(STEP)) {
            sum += model.level(WaterLevelModel.CAN_THO, t);
            n++;
        }
        return sum / n;
    }
}
