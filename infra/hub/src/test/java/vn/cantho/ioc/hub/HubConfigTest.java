package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.streams.indicator.FloodAlertLevels;

class HubConfigTest {

    @Test
    void defaults_run_everything_embedded_with_the_simulator() {
        HubConfig config = HubConfig.from(new Config(Map.of()));

        assertThat(config.platform().kafkaBootstrap()).isEmpty();
        assertThat(config.platform().mqttUrl()).isEmpty();
        assertThat(config.platform().dbUrl()).isEmpty();
        assertThat(config.api().port()).isEqualTo(8080);
        assertThat(config.simulator().enabled()).isTrue();
        assertThat(config.streams().indicators().floodLevels()).isEqualTo(FloodAlertLevels.CAN_THO);
        assertThat(config.streams().formerIndicatorsAppId()).isEqualTo("ioc-indicators");
    }

    @Test
    void external_servers_are_used_when_configured() {
        HubConfig config = HubConfig.from(new Config(Map.of(
                "KAFKA_BOOTSTRAP",
                "kafka:9092",
                "MQTT_URL",
                "tcp://mqtt:1883",
                "DB_URL",
                "jdbc:postgresql://db:5432/ioc")));

        assertThat(config.platform().kafkaBootstrap()).hasValue("kafka:9092");
        assertThat(config.platform().mqttUrl()).hasValue("tcp://mqtt:1883");
        assertThat(config.platform().dbUrl()).hasValue("jdbc:postgresql://db:5432/ioc");
    }

    @Test
    void invalid_values_stop_the_start_with_the_key_named() {
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("HTTP_PORT", "eighty"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("MQTT_URL", "mqtt.example"))))
                .hasMessageContaining("MQTT_URL");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("DB_URL", "postgres://db/ioc"))))
                .hasMessageContaining("DB_URL");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("REGISTRY_DIR", "/no/such/dir"))))
                .hasMessageContaining("REGISTRY_DIR");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("SIMULATOR_INTERVAL", "0s"))))
                .hasMessageContaining("SIMULATOR_INTERVAL");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("AGGREGATE_GRACE", "a while"))))
                .hasMessageContaining("AGGREGATE_GRACE");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("FLOOD_ALERT_LEVELS", "2.0,1.9,1.8"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FLOOD_ALERT_LEVELS")
                .hasMessageContaining("rising");
    }

    @Test
    void oidc_is_off_by_default_and_on_with_an_issuer_and_an_audience() {
        assertThat(HubConfig.from(new Config(Map.of())).oidc()).isEmpty();

        HubConfig config = HubConfig.from(
                new Config(Map.of("OIDC_ISSUER", "https://sso.cantho.gov.vn/realms/ioc", "OIDC_AUDIENCE", "ioc-hub")));

        assertThat(config.oidc())
                .hasValueSatisfying(oidc -> assertThat(oidc.audience()).isEqualTo("ioc-hub"));
        assertThatThrownBy(
                        () -> HubConfig.from(new Config(Map.of("OIDC_ISSUER", "https://sso.cantho.gov.vn/realms/ioc"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OIDC_AUDIENCE");
    }
}
