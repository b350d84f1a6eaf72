package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

class SimulatorOptionsTest {

    @Test
    void by_default_devices_publish_at_their_own_cadence_with_a_fresh_seed_and_some_incidents() {
        SimulatorOptions config = SimulatorOptions.from(new Config(Map.of()));

        assertThat(config.interval().of("air_station")).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.interval().of("traffic_counter")).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.interval().of("water_gauge")).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.seed()).isEmpty();
        assertThat(config.incidentProbability()).isEqualTo(0.05);
    }

    @Test
    void one_interval_for_every_device_a_fixed_seed_and_no_incidents() {
        SimulatorOptions config = SimulatorOptions.from(new Config(
                Map.of("SIMULATOR_INTERVAL", "5s", "SIMULATOR_SEED", "2026", "SIMULATOR_INCIDENT_PROBABILITY", "0")));

        assertThat(config.interval().of("water_gauge")).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.seed()).hasValue(2026);
        assertThat(config.incidentProbability()).isZero();
    }

    @Test
    void bad_simulator_settings_stop_the_start_with_the_key_named() {
        assertThatThrownBy(() -> SimulatorOptions.from(new Config(Map.of("SIMULATOR_INTERVAL", "water_gauge=soon"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SIMULATOR_INTERVAL");
        assertThatThrownBy(() -> SimulatorOptions.from(new Config(Map.of("SIMULATOR_SEED", "lucky"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SIMULATOR_SEED");
        assertThatThrownBy(() -> SimulatorOptions.from(new Config(Map.of("SIMULATOR_INCIDENT_PROBABILITY", "5"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SIMULATOR_INCIDENT_PROBABILITY");
        assertThatThrownBy(() -> SimulatorOptions.from(new Config(Map.of("SIMULATOR_INCIDENT_PROBABILITY", "NaN"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SIMULATOR_INCIDENT_PROBABILITY");
    }
}
