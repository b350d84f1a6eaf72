package vn.cantho.ioc.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigTest {

    private static final Setting<Integer> PORT = Setting.port("HTTP_PORT", 8080, "API port");
    private static final Setting<Duration> GRACE = Setting.duration("GRACE", "30s", "grace");
    private static final Setting<Boolean> ENABLED = Setting.flag("ENABLED", true, "on/off");

    @Test
    void missing_or_empty_value_falls_back_to_the_default() {
        Config config = new Config(Map.of("GRACE", " "));

        assertThat(config.get(PORT)).isEqualTo(8080);
        assertThat(config.get(GRACE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.isSet(GRACE)).isFalse();
    }

    @Test
    void given_value_wins_and_short_and_iso_durations_both_parse() {
        Config config = new Config(Map.of("HTTP_PORT", "9000", "GRACE", "PT2M", "ENABLED", "off"));

        assertThat(config.get(PORT)).isEqualTo(9000);
        assertThat(config.get(GRACE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.get(ENABLED)).isFalse();
        assertThat(config.with(Map.of("GRACE", "500ms")).get(GRACE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void invalid_value_fails_with_a_message_naming_the_key() {
        Config config = new Config(Map.of("HTTP_PORT", "70000", "GRACE", "soon", "ENABLED", "maybe"));

        assertThatThrownBy(() -> config.get(PORT)).isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '70000' for HTTP_PORT: expected a TCP port number 0-65535 (0 = any free port)");
        assertThatThrownBy(() -> config.get(GRACE)).hasMessageContaining("for GRACE");
        assertThatThrownBy(() -> config.get(ENABLED)).hasMessageContaining("for ENABLED: expected true or false");
    }
}
