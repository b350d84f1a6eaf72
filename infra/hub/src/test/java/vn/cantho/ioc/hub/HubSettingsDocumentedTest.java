package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.config.Setting;

class HubSettingsDocumentedTest {

    @Test
    void readme_configuration_table_lists_every_setting_with_its_default() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));

        for (Setting<?> setting : HubSettings.all()) {
            String defaultCell = setting.defaultValue().isEmpty() ? "" : "`" + setting.defaultValue() + "`";
            assertThat(readme).as(setting.key()).contains("| `" + setting.key() + "` | " + defaultCell + " |");
        }
    }
}
