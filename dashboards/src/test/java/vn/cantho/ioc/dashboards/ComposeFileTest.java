package vn.cantho.ioc.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production Docker Compose stack checked without Docker (none here): pinned images, healthchecks, start
 * order, no default passwords, mounted files present, and Mosquitto, Prometheus and Grafana configured
 * consistently with the compose file and the hub.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = ComposeFile.compose();
    private static final JsonNode SERVICES = COMPOSE.path("services");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]*}");
    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    @Test
    void theStackHasKafkaTimescaleDbMosquittoTheHubPrometheusAndGrafana() {
        assertThat(names(SERVICES))
                .containsExactlyInAnyOrder("kafka", "timescaledb", "mosquitto", "hub", "prometheus", "grafana");
    }

    @Test
    void everyImageIsPinnedToTheVersionsTheInfraNotesName() {
        Map<String, String> expected = Map.of(
                "kafka", "apache/kafka:4\\.4\\.0",
                "timescaledb", "timescale/timescaledb:2\\.32\\.2-pg17",
                "mosquitto", "eclipse-mosquitto:2\\.\\d+\\.\\d+",
                "grafana", "grafana/grafana:13\\.2\\.\\d+",
                "prometheus", "prom/prometheus:v\\d+\\.\\d+\\.\\d+",
                "hub", "cantho-ioc/hub:\\d+\\.\\d+\\.\\d+");
        for (String service : names(SERVICES)) {
            String image = SERVICES.path(service).path("image").asText();
            assertThat(image).as(service).matches(expected.get(service)).doesNotEndWith(":latest");
        }
        assertThat(SERVICES.path("hub").path("build").path("dockerfile").asText())
                .isEqualTo("infra/compose/hub.Dockerfile");
    }

    @Test
    void theHubImageIsBuiltInStagesFromPinnedBaseImages() throws IOException {
        List<String> from = Files.readAllLines(ComposeFile.dir().resolve("hub.Dockerfile")).stream()
                .filter(l -> l.startsWith("FROM "))
                .toList();
        assertThat(from).hasSize(2);
        String dockerfile = Files.readString(ComposeFile.dir().resolve("hub.Dockerfile"));
        // The build image has no Node.js: the test-only TimescaleDB server's npm install must be skipped.
        assertThat(dockerfile).contains("-DskipTests -DskipITs");
        // Local data, build output and the operator's secrets never enter the build context.
        assertThat(Files.readAllLines(ComposeFile.dir().resolve("hub.Dockerfile.dockerignore")))
                .contains("data", "infra/compose/.env", "infra/compose/secrets", "**/target");
        for (String line : from) {
            String image = line.split("\\s+")[1];
            assertThat(image).as(line).contains(":").doesNotEndWith(":latest").matches(".*:\\d+[^ ]*");
        }
    }

    @Test
    void everyServiceHasAHealthcheckAndTheHubAndGrafanaWaitForHealthyDependencies() {
        for (String service : names(SERVICES)) {
            JsonNode test = SERVICES.path(service).path("healthcheck").path("test");
            assertThat(test.isArray() && test.size() >= 2)
                    .as(service + " healthcheck")
                    .isTrue();
        }
        // INFRA-NOTES: kafka-broker-api-versions.sh can exit 0 on failure, so the check must read its output.
        assertThat(SERVICES.path("kafka").path("healthcheck").path("test").toString())
                .contains("kafka-broker-api-versions.sh")
                .contains("grep");
        for (String dependency : List.of("kafka", "timescaledb", "mosquitto")) {
            assertThat(SERVICES.path("hub")
                            .path("depends_on")
                            .path(dependency)
                            .path("condition")
                            .asText())
                    .as("hub waits for " + dependency)
                    .isEqualTo("service_healthy");
        }
        assertThat(SERVICES.path("grafana")
                        .path("depends_on")
                        .path("timescaledb")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void thereAreNoDefaultPasswordsOnlyRequiredValuesFromTheOperatorsEnvFile() throws IOException {
        Set<String> required = new HashSet<>();
        for (String service : names(SERVICES)) {
            JsonNode env = SERVICES.path(service).path("environment");
            for (Iterator<String> it = env.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String value = env.path(key).asText();
                if (key.matches(".*(PASSWORD|SECRET|CLUSTER_ID).*")) {
                    Matcher m = REQUIRED.matcher(value);
                    assertThat(m.matches())
                            .as(service + " " + key + " must be ${VAR:?…}, was " + value)
                            .isTrue();
                    required.add(m.group(1));
                } else if (key.matches(".*TOKEN.*")) {
                    // A token issued by the running stack cannot be required up front; it may be unset, never preset.
                    assertThat(value).as(service + " " + key).matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*|:-)}");
                }
            }
        }
        // And the template the operator copies names each of them, without a value.
        Map<String, String> example = envFile(ComposeFile.dir().resolve(".env.example"));
        for (String variable : required) {
            assertThat(example).as(".env.example").containsKey(variable);
            assertThat(example.get(variable)).as(".env.example " + variable).isEmpty();
        }
        assertThat(required)
                .contains("IOC_DB_PASSWORD", "GRAFANA_DB_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "KAFKA_CLUSTER_ID");
        assertThat(Files.readString(ComposeFile.dir().resolve(".gitignore"))).contains(".env");
    }

    @Test
    void everyVariableTheComposeFileReadsIsInTheEnvExample() throws IOException {
        Map<String, String> example = envFile(ComposeFile.dir().resolve(".env.example"));
        String text = Files.readString(ComposeFile.dir().resolve(".env.example"));
        Matcher m = ANY_REFERENCE.matcher(Files.readString(ComposeFile.dir().resolve("docker-compose.yml")));
        while (m.find()) {
            assertThat(example.containsKey(m.group(1)) || text.contains("# " + m.group(1) + "="))
                    .as(m.group(1) + " in .env.example")
                    .isTrue();
        }
    }

    @Test
    void mountedFilesExistAndDataLivesInNamedVolumes() {
        Set<String> declared = names(COMPOSE.path("volumes"));
        Set<String> used = new HashSet<>();
        for (String service : names(SERVICES)) {
            for (JsonNode volume : SERVICES.path(service).path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    Path path = ComposeFile.dir().resolve(source).normalize();
                    // secrets/ holds what the operator makes (gitignored); everything else ships in the repository.
                    if (!source.startsWith("./secrets/")) {
                        assertThat(path).as(service + " mounts " + source).exists();
                    }
                } else {
                    assertThat(declared).as(service + " volume " + source).contains(source);
                    used.add(source);
                }
            }
        }
        assertThat(used).isEqualTo(declared);
    }

    @Test
    void mosquittoNeverDropsQueuedMessagesAndListensWhereTheHubAndDevicesConnect() throws IOException {
        List<String> conf = Files.readAllLines(ComposeFile.dir().resolve("mosquitto/mosquitto.conf")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(conf).contains("max_queued_messages 0");
        Set<String> listeners = new HashSet<>();
        conf.stream().filter(l -> l.startsWith("listener ")).forEach(l -> listeners.add(l.split("\\s+")[1]));
        String mqttUrl =
                SERVICES.path("hub").path("environment").path("MQTT_URL").asText();
        assertThat(mqttUrl).startsWith("tcp://mosquitto:");
        assertThat(listeners).contains(mqttUrl.substring(mqttUrl.lastIndexOf(':') + 1));
        for (JsonNode port : SERVICES.path("mosquitto").path("ports")) {
            assertThat(listeners).contains(port.asText().substring(port.asText().lastIndexOf(':') + 1));
        }
        // The published listener requires a password; its file is mounted where the config reads it.
        assertThat(conf).contains("allow_anonymous false");
        String passwordFile = conf.stream()
                .filter(l -> l.startsWith("password_file "))
                .findFirst()
                .orElseThrow()
                .split("\\s+")[1];
        assertThat(SERVICES.path("mosquitto").path("volumes").toString()).contains(":" + passwordFile + ":");
    }

    @Test
    void prometheusScrapesTheHubsMetricsEndpoint() {
        JsonNode prometheus = GrafanaProvisioning.yaml(ComposeFile.dir().resolve("prometheus/prometheus.yml"));
        JsonNode hubJob = null;
        for (JsonNode job : prometheus.path("scrape_configs")) {
            if (job.path("job_name").asText().equals("ioc-hub")) {
                hubJob = job;
            }
        }
        assertThat(hubJob).isNotNull();
        assertThat(hubJob.path("metrics_path").asText()).isEqualTo("/metrics");
        String port = SERVICES.path("hub").path("environment").path("HTTP_PORT").asText();
        assertThat(hubJob.path("static_configs").path(0).path("targets").path(0).asText())
                .isEqualTo("hub:" + port);
        assertThat(SERVICES.path("prometheus").path("volumes").toString())
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaGetsEveryValueItsDataSourcesReadAndTheProvisioningAndMapLayerMounted() throws IOException {
        String datasources = Files.readString(GrafanaProvisioning.root().resolve("provisioning/datasources/ioc.yaml"));
        JsonNode env = SERVICES.path("grafana").path("environment");
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(datasources);
        int references = 0;
        while (m.find()) {
            assertThat(env.has(m.group(1)))
                    .as("grafana environment sets " + m.group(1))
                    .isTrue();
            references++;
        }
        assertThat(references).isGreaterThanOrEqualTo(6);
        assertThat(env.path("GRAFANA_DB_USER").asText()).isEqualTo("grafana");
        assertThat(env.path("IOC_DB_TIMESCALEDB").asText()).isEqualTo("true");
        assertThat(env.path("IOC_PROMETHEUS_URL").asText()).isEqualTo("http://prometheus:9090");
        String volumes = SERVICES.path("grafana").path("volumes").toString();
        assertThat(volumes)
                .contains("../../dashboards/grafana/provisioning:/etc/grafana/provisioning")
                .contains("../../dashboards/grafana/dashboards:/etc/grafana/dashboards")
                .contains("../../model/src/main/resources/registry/areas.geojson:/usr/share/grafana/"
                        + ComposeFile.GRAFANA_GEOJSON_URL);
        // The database init script creates the read-only login the data source uses, in the role migration V8 grants.
        String init = Files.readString(ComposeFile.dir().resolve("timescaledb/20-grafana-reader.sh"));
        assertThat(init)
                .contains("CREATE ROLE ioc_reader NOLOGIN")
                .contains("CREATE ROLE grafana LOGIN IN ROLE ioc_reader");
    }

    @Test
    void everyHubVariableTheStackSetsIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(GrafanaProvisioning.repositoryRoot().resolve("README.md"));
        JsonNode env = SERVICES.path("hub").path("environment");
        for (Iterator<String> it = env.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("JAVA_OPTS")) {
                assertThat(readme).as("README documents " + key).contains("| `" + key + "` |");
            }
        }
        assertThat(readme).contains("JAVA_OPTS");
    }

    @Test
    void theLocalGrafanaForTheEmbeddedDefaultUsesTheSameImagesAndReadsTheEmbeddedDatabaseReadOnly() throws IOException {
        // Given the compose file the banner of ./ioc up names
        JsonNode local = GrafanaProvisioning.yaml(ComposeFile.dir().resolve("grafana-local.yml"))
                .path("services");
        assertThat(names(local)).containsExactlyInAnyOrder("grafana", "prometheus");
        for (String service : names(local)) {
            // Then it runs the production images, checks health, and mounts files that exist
            assertThat(local.path(service).path("image").asText())
                    .isEqualTo(SERVICES.path(service).path("image").asText());
            assertThat(local.path(service).path("healthcheck").path("test").size())
                    .isGreaterThanOrEqualTo(2);
            for (JsonNode volume : local.path(service).path("volumes")) {
                assertThat(ComposeFile.dir()
                                .resolve(volume.asText().split(":")[0])
                                .normalize())
                        .exists();
            }
        }
        JsonNode env = local.path("grafana").path("environment");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").asText()).matches(REQUIRED);
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}")
                .matcher(Files.readString(GrafanaProvisioning.root().resolve("provisioning/datasources/ioc.yaml")));
        while (m.find()) {
            assertThat(env.has(m.group(1)))
                    .as("grafana-local sets " + m.group(1))
                    .isTrue();
        }
        // The embedded server is plain PostgreSQL; its Grafana login is the one EmbeddedDatabase creates.
        assertThat(env.path("IOC_DB_TIMESCALEDB").asText()).isEqualTo("false");
        assertThat(env.path("IOC_DB_HOST").asText()).isEqualTo("127.0.0.1:${IOC_DB_PORT:-5433}");
        assertThat(env.path("GRAFANA_DB_USER").asText())
                .isEqualTo(vn.cantho.ioc.embedded.EmbeddedDatabase.GRAFANA_LOGIN);
        JsonNode prometheus = GrafanaProvisioning.yaml(ComposeFile.dir().resolve("prometheus/prometheus-local.yml"));
        assertThat(prometheus
                        .path("scrape_configs")
                        .path(0)
                        .path("static_configs")
                        .path(0)
                        .path("targets")
                        .path(0)
                        .asText())
                .isEqualTo("127.0.0.1:8080");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
