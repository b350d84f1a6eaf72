package vn.cantho.ioc.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provisioning files as Grafana reads them: {@code dashboards/grafana/provisioning} (data sources and
 * dashboard providers, YAML) and the dashboard JSON under {@code dashboards/grafana/dashboards/<folder>}.
 */
final class GrafanaProvisioning {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String POSTGRES_TYPE = "grafana-postgresql-datasource";

    /** One dashboard file: its provider folder (wall, city, platform), path and parsed JSON. */
    record Dashboard(String folder, Path file, JsonNode json) {
        String uid() {
            return json.path("uid").asText();
        }

        String title() {
            return json.path("title").asText();
        }

        /** Every panel, including those inside collapsed rows. */
        List<JsonNode> panels() {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode panel : json.path("panels")) {
                out.add(panel);
                for (JsonNode inner : panel.path("panels")) {
                    out.add(inner);
                }
            }
            return out;
        }
    }

    private GrafanaProvisioning() {}

    /** {@code dashboards/grafana}, found from the module directory (Maven) or the repository root (IDE). */
    static Path root() {
        for (Path candidate : List.of(Path.of("grafana"), Path.of("dashboards", "grafana"))) {
            if (Files.isDirectory(candidate.resolve("provisioning"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "dashboards/grafana not found from " + Path.of("").toAbsolutePath());
    }

    /** The repository root (the parent of the dashboards module). */
    static Path repositoryRoot() {
        return root().getParent().getParent();
    }

    static List<Dashboard> dashboards() {
        Path dir = root().resolve("dashboards");
        List<Dashboard> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Dashboard(dir.relativize(file).getName(0).toString(), file, JSON.readTree(file.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static JsonNode datasources() {
        return yaml(root().resolve("provisioning/datasources/ioc.yaml"));
    }

    static JsonNode dashboardProviders() {
        return yaml(root().resolve("provisioning/dashboards/ioc.yaml"));
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
