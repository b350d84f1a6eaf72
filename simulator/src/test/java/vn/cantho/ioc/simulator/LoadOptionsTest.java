package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaults_load_the_local_embedded_broker_for_ten_seconds() {
        LoadOptions options = LoadOptions.parse();

        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.mqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(options.loopback()).isTrue();
    }

    @Test
    void options_take_a_value_after_a_space_or_an_equals_sign() {
        LoadOptions options = LoadOptions.parse(
                "--rate",
                "5000",
                "--duration=60s",
                "--mqtt-url",
                "tcp://localhost:11883",
                "--clients=4",
                "--senml",
                "0.5",
                "--seed",
                "7");

        assertThat(options.rate()).isEqualTo(5000);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.mqttUrl()).isEqualTo("tcp://localhost:11883");
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.senmlShare()).isEqualTo(0.5);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.host()).isEqualTo("localhost");
        assertThat(options.loopback()).isTrue();
    }

    @Test
    void values_per_message_default_to_the_realistic_mix_and_take_1_to_6() {
        assertThat(LoadOptions.parse().valuesPerMessage()).isEmpty();
        assertThat(LoadOptions.parse("--values-per-message", "3").valuesPerMessage())
                .hasValue(3);
        assertThat(LoadOptions.parse("--values-per-message=6").valuesPerMessage())
                .hasValue(6);
        assertThatThrownBy(() -> LoadOptions.parse("--values-per-message", "0"))
                .hasMessageContaining("--values-per-message must be 1 to 6");
        assertThatThrownBy(() -> LoadOptions.parse("--values-per-message", "7"))
                .hasMessageContaining("--values-per-message");
        assertThatThrownBy(() -> LoadOptions.parse("--values-per-message", "few"))
                .hasMessageContaining("needs a number");
    }

    @Test
    void with_values_per_message_only_devices_measuring_that_many_metrics_take_part() {
        // Given the built-in registry, whose full air stations are the only devices with six metrics
        LoadOptions six = LoadOptions.parse("--values-per-message", "6");

        // When a generator is made for six values per message, and one for the mix
        int sixValueDevices = new LoadGenerator(six).devices();
        int mixDevices = new LoadGenerator(LoadOptions.parse()).devices();

        // Then fewer devices take part, and all of them with the mix
        assertThat(sixValueDevices).isPositive().isLessThan(mixDevices);
        assertThat(new LoadGenerator(LoadOptions.parse("--values-per-message", "1")).devices())
                .isEqualTo(mixDevices);
    }

    @Test
    void bad_arguments_are_refused_with_a_message() {
        assertThatThrownBy(() -> LoadOptions.parse("--rate", "lots")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadOptions.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadOptions.parse("--duration", "2h")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> LoadOptions.parse("--duration")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--senml", "2")).hasMessageContaining("--senml");
        assertThatThrownBy(() -> LoadOptions.parse("--clients", "100")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> LoadOptions.parse("--mqtt-url", "mqtt.example"))
                .hasMessageContaining("--mqtt-url");
        assertThatThrownBy(() -> LoadOptions.parse("--turbo", "1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LoadOptions.parse("fast")).hasMessageContaining("unknown argument");
    }

    @Test
    void a_broker_elsewhere_is_not_loopback() {
        assertThat(LoadOptions.parse("--mqtt-url", "tcp://192.0.2.10:1883").loopback())
                .isFalse();
        assertThat(LoadOptions.parse("--mqtt-url", "tcp://[::1]:1883").loopback())
                .isTrue();
        assertThat(LoadOptions.parse("--mqtt-url", "tcp://192.0.2.10:1883", "--allow-remote")
                        .allowRemote())
                .isTrue();
    }

    @Test
    void options_written_as_arguments_parse_back_to_the_same_options() {
        LoadOptions options = new LoadOptions(
                12_500,
                Duration.ofMillis(1500),
                "tcp://127.0.0.1:21883",
                8,
                0.25,
                42,
                Optional.of(Path.of("/tmp/registry")),
                true,
                OptionalInt.of(6));

        assertThat(LoadOptions.parse(options.toArgs().toArray(String[]::new))).isEqualTo(options);
        assertThat(LoadOptions.parse(LoadOptions.defaults().toArgs().toArray(String[]::new)))
                .isEqualTo(LoadOptions.defaults());
    }
}
