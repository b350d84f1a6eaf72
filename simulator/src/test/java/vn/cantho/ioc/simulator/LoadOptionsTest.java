package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
        LoadOptions options = LoadOptions.parse("--rate", "5000", "--duration=60s", "--mqtt-url", "tcp://localhost:11883",
                "--clients=4", "--senml", "0.5", "--seed", "7");

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
    void bad_arguments_are_refused_with_a_message() {
        assertThatThrownBy(() -> LoadOptions.parse("--rate", "lots")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadOptions.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadOptions.parse("--duration", "2h")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> LoadOptions.parse("--duration")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--senml", "2")).hasMessageContaining("--senml");
        assertThatThrownBy(() -> LoadOptions.parse("--clients", "100")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> LoadOptions.parse("--mqtt-url", "mqtt.example")).hasMessageContaining("--mqtt-url");
        assertThatThrownBy(() -> LoadOptions.parse("--turbo", "1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LoadOptions.parse("fast")).hasMessageContaining("unknown argument");
    }

    @Test
    void a_broker_elsewhere_is_not_loopback() {
        assertThat(LoadOptions.parse("--mqtt-url", "tcp://192.0.2.10:1883").loopback()).isFalse();
        assertThat(LoadOptions.parse("--mqtt-url", "tcp://[::1]:1883").loopback()).isTrue();
        assertThat(LoadOptions.parse("--mqtt-url", "tcp://192.0.2.10:1883", "--allow-remote").allowRemote()).isTrue();
    }
}
