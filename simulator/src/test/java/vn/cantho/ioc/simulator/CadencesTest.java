package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CadencesTest {

    @Test
    void the_default_publishes_every_minute_and_water_stations_every_five() {
        Cadences cadences = Cadences.parse(Cadences.DEFAULT);

        assertThat(cadences.of("air_station")).isEqualTo(Duration.ofMinutes(1));
        assertThat(cadences.of("traffic_counter")).isEqualTo(Duration.ofMinutes(1));
        assertThat(cadences.of("visitor_counter")).isEqualTo(Duration.ofMinutes(1));
        assertThat(cadences.of("water_gauge")).isEqualTo(Duration.ofMinutes(5));
        assertThat(cadences.of("water_quality")).isEqualTo(Duration.ofMinutes(5));
        assertThat(cadences.describe()).isEqualTo("every 1 min; water_gauge 5 min; water_quality 5 min");
    }

    @Test
    void a_single_duration_applies_to_every_type() {
        Cadences cadences = Cadences.parse("5s");

        assertThat(cadences.of("water_gauge")).isEqualTo(Duration.ofSeconds(5));
        assertThat(cadences.of("air_station")).isEqualTo(Duration.ofSeconds(5));
        assertThat(cadences.describe()).isEqualTo("every 5 s");
    }

    @Test
    void types_not_named_fall_back_to_a_minute() {
        Cadences cadences = Cadences.parse(" water_gauge = 15m , air_station=PT30S ");

        assertThat(cadences.of("water_gauge")).isEqualTo(Duration.ofMinutes(15));
        assertThat(cadences.of("air_station")).isEqualTo(Duration.ofSeconds(30));
        assertThat(cadences.of("visitor_counter")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Cadences.parse("250ms").of("x")).isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "0s",
                "5ms",
                "fast",
                "5s,10s",
                "water_gauge=",
                "Water Gauge=5m",
                "=5m",
                "water_gauge=5m,water_gauge=1m",
                "-5s",
                "5d"
            })
    void bad_cadences_say_what_was_expected(String text) {
        assertThatThrownBy(() -> Cadences.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected");
    }
}
