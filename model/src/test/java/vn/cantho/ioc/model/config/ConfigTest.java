package vn.cantho.ioc.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

        assertThatThrownBy(() -> config.get(PORT))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "invalid value '70000' for HTTP_PORT: expected a TCP port number 0-65535 (0 = any free port)");
        assertThatThrownBy(() -> config.get(GRACE)).hasMessageContaining("for GRACE");
        assertThatThrownBy(() -> config.get(ENABLED)).hasMessageContaining("for ENABLED: expected true or false");
    }

    @Test
    void shared_validators_refuse_a_zero_duration_a_missing_file_and_a_missing_directory(@TempDir Path dir)
            throws Exception {
        // Given
        Setting<Duration> interval = Setting.positiveDuration("X_INTERVAL", "1s", "an interval");
        Setting<Optional<Path>> file = Setting.optionalFile("X_FILE", "a file");
        Setting<Optional<Path>> directory = Setting.optionalDirectory("X_DIR", "a directory");
        Path existing = Files.writeString(dir.resolve("x.json"), "{}");

        // Then
        assertThatThrownBy(() -> new Config(Map.of("X_INTERVAL", "0s")).get(interval))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '0s' for X_INTERVAL: expected a positive duration");
        assertThatThrownBy(() -> new Config(Map.of("X_FILE", dir.resolve("nope").toString())).get(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("X_FILE: no such file");
        assertThatThrownBy(() -> new Config(Map.of("X_DIR", existing.toString())).get(directory))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("X_DIR: not a directory");
        assertThat(new Config(Map.of()).get(file)).isEmpty();
        assertThat(new Config(Map.of("X_FILE", existing.toString())).get(file)).hasValue(existing);
        assertThat(new Config(Map.of("X_DIR", dir.toString())).get(directory)).hasValue(dir);
    }

    @Test
    void a_check_applies_to_a_given_value_but_not_to_an_empty_optional_one() {
        // Given
        Setting<Optional<String>> url = Setting.optionalText("X_URL", "a URL")
                .check(value -> value.orElseThrow().startsWith("tcp://"), "e.g. tcp://host:1883");

        // Then
        assertThat(new Config(Map.of()).get(url)).isEmpty();
        assertThat(new Config(Map.of("X_URL", " tcp://mqtt:1883 ")).get(url)).hasValue("tcp://mqtt:1883");
        assertThatThrownBy(() -> new Config(Map.of("X_URL", "mqtt:1883")).get(url))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'mqtt:1883' for X_URL: expected e.g. tcp://host:1883");
    }
}
