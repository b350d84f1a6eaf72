package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.streams.rules.catalogue.InvalidCatalogueException;

class HubCatalogueTest {

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
        HubConfig config = HubConfig.from(new Config(Map.of(
                "RULES_FILE",
                file.toString(),
                "IOC_DATA_DIR",
                dir.resolve("data").toString())));

        assertThatThrownBy(() -> Hub.start(config))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("rule 'x': input.metric: unknown sensor metric 'pm99'")
                .hasMessageContaining("rule 'x': levels[0].clear");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
