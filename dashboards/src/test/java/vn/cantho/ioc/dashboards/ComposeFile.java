package vn.cantho.ioc.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** The production compose stack, {@code infra/compose}, as parsed YAML. */
final class ComposeFile {

    /** Where the map panel loads the district layer; the compose file mounts areas.geojson there. */
    static final String GRAFANA_GEOJSON_URL = "public/maps/ioc/areas.geojson";

    private ComposeFile() {}

    static Path dir() {
        return GrafanaProvisioning.repositoryRoot().resolve("infra/compose");
    }

    static JsonNode compose() {
        return GrafanaProvisioning.yaml(dir().resolve("docker-compose.yml"));
    }
}
