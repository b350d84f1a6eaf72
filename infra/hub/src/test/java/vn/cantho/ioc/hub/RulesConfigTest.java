package vn.cantho.ioc.hub;

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
import vn.cantho.ioc.streams.rules.catalogue.InvalidCatalogueException;

class RulesConfigTest {

    @Test
    void defaults_use_the_built_in_catalogue_and_a_ten_second_timer() {
        RulesConfig rules = HubConfig.from(new Config(Map.of())).rules();

        assertThat(rules.file()).isEmpty();
        assertThat(rules.appId()).isEqualTo("ioc-rules");
        assertThat(rules.tickInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(rules.calendar().source()).contains("vn-holidays.json");
    }

    @Test
    void a_holidays_file_replaces_the_built_in_calendar_and_an_invalid_one_is_refused_naming_the_key(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("holidays.json");
        Files.writeString(file, """
                {"version": 1, "years": [{"year": 2026, "status": "official",
                  "daysOff": [{"from": "2026-11-24", "name": "Ngày Văn hóa Việt Nam"}], "workingSaturdays": []}]}
                """);
        assertThat(HubConfig.from(new Config(Map.of("HOLIDAYS_FILE", file.toString()))).rules().calendar()
                .isWorkingDay(java.time.LocalDate.of(2026, 11, 24))).isFalse();

        Files.writeString(file, "{\"version\": 1, \"years\": [{\"year\": 2026, \"status\": \"maybe\"}]}");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("HOLIDAYS_FILE", file.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HOLIDAYS_FILE")
                .hasMessageContaining("status must be official or provisional");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("HOLIDAYS_FILE", dir.resolve("nope.json").toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HOLIDAYS_FILE");
    }

    @Test
    void a_missing_rules_file_or_a_too_short_timer_is_refused_naming_the_key(@TempDir Path dir) {
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("RULES_FILE", dir.resolve("nope.json").toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("RULES_FILE");
        assertThatThrownBy(() -> HubConfig.from(new Config(Map.of("RULES_TICK_INTERVAL", "10ms"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("RULES_TICK_INTERVAL");
    }

    @Test
    void the_hub_refuses_to_start_on_an_invalid_catalogue_before_starting_any_server(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"version": 1, "rules": [
                  {"id": "x", "title": "X", "domain": "environment", "kind": "THRESHOLD", "direction": "ABOVE",
                   "input": {"source": "telemetry", "metric": "pm99"}, "pending": "PT0S", "keepFiring": "PT0S",
                   "levels": [{"severity": "WARNING", "raise": 1, "clear": 2}],
                   "flap": {"maxFlips": 4, "window": "PT1H", "stableFor": "PT30M"}}]}
                """);
        HubConfig config = HubConfig.from(new Config(Map.of("RULES_FILE", file.toString(),
                "IOC_DATA_DIR", dir.resolve("data").toString())));

        assertThatThrownBy(() -> Hub.start(config)).isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("rule 'x': input.metric: unknown sensor metric 'pm99'")
                .hasMessageContaining("rule 'x': levels[0].clear");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
