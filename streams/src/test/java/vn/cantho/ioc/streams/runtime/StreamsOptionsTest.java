package vn.cantho.ioc.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

class StreamsOptionsTest {

    @Test
    void defaults_use_the_built_in_catalogue_and_a_ten_second_timer() {
        StreamsOptions options = StreamsOptions.from(new Config(Map.of()));
        StreamsOptions.Rules rules = options.rules();

        assertThat(rules.file()).isEmpty();
        assertThat(rules.appId()).isEqualTo("ioc-rules");
        assertThat(rules.tickInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.calendar().source()).contains("vn-holidays.json");
    }

    @Test
    void a_holidays_file_replaces_the_built_in_calendar_and_an_invalid_one_is_refused_naming_the_key(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("holidays.json");
        Files.writeString(file, """
                {"version": 1, "years": [{"year": 2026, "status": "official",
                  "daysOff": [{"from": "2026-11-24", "name": "Ngày Văn hóa Việt Nam"}], "workingSaturdays": []}]}
                """);
        assertThat(StreamsOptions.from(new Config(Map.of("HOLIDAYS_FILE", file.toString())))
                        .calendar()
                        .isWorkingDay(java.time.LocalDate.of(2026, 11, 24)))
                .isFalse();

        Files.writeString(file, "{\"version\": 1, \"years\": [{\"year\": 2026, \"status\": \"maybe\"}]}");
        assertThatThrownBy(() -> StreamsOptions.from(new Config(Map.of("HOLIDAYS_FILE", file.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOLIDAYS_FILE")
                .hasMessageContaining("status must be official or provisional");
        assertThatThrownBy(() -> StreamsOptions.from(new Config(
                        Map.of("HOLIDAYS_FILE", dir.resolve("nope.json").toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOLIDAYS_FILE");
    }

    @Test
    void a_missing_rules_file_or_a_too_short_timer_is_refused_naming_the_key(@TempDir Path dir) {
        assertThatThrownBy(() -> StreamsOptions.from(
                        new Config(Map.of("RULES_FILE", dir.resolve("nope.json").toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RULES_FILE");
        assertThatThrownBy(() -> StreamsOptions.from(new Config(Map.of("RULES_TICK_INTERVAL", "10ms"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RULES_TICK_INTERVAL");
    }
}
