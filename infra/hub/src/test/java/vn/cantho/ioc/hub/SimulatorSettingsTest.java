package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

class SimulatorSettingsTest {

    @Test
    void by_default_devices_publish_at_their_own_cadence_with_a_fresh_seed_and_some_incidents() {
        HubConfig config = HubConfig.from(new Config(Map.of()));

        assertThat(config.simulatorInterval().of("air_station")).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.simulatorInterval().of("traffic_counter")).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.simulatorInterval().of("water_gauge")).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.simulatorSeed()).isEmpty();
        assertThat(config.simulatorIncidentProbability()).isEqualTo(0.05);
    }

    @Test
    void one_interval_for_every_device_a_fixed_seed_and_no_incidents() {
        HubConfig config = HubConfig.from(new Config(Map.of("SIMULATOR_INTERVAL", "5s", "SIMULATOR_SEED", "2026",
                "SIMULATOR_INCIDENT_PROBABILITY", "0")));

        assertThat(config.simulatorInterval().of("water_gauge")).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.simulatorSeed()).hasValue(2026);
        assertThat(config.simulatorIncidentProbability()).isZero();
    }

    @Test
    void bad_simulator_settings_stop_the_start_with_the_key_named() {
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("SIMULATOR_INTERVAL", "water_gauge=soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SIMULATOR_INTERVAL");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("SIMULATOR_SEED", "lucky"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SIMULATOR_SEED");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("SIMULATOR_INCIDENT_PROBABILITY", "5"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SIMULATOR_INCIDENT_PROBABILITY");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("SIMULATOR_INCIDENT_PROBABILITY", "NaN"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SIMULATOR_INCIDENT_PROBABILITY");
    }
}
