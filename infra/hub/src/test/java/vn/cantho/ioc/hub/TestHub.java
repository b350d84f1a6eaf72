package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.json.Json;

/**
 * The hub as the {@code Hub*IT} tests start it: on its embedded servers with every port free (0), in a data directory
 * of the test's own, with the sensor and feed simulators off unless the test turns them on; any other setting as the
 * test says. One place for that set-up instead of a settings map per test.
 */
final class TestHub {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

    private final Map<String, String> settings = new LinkedHashMap<>();

    private TestHub(Path dataDir) {
        settings.put("IOC_DATA_DIR", dataDir.toString());
        for (String port : new String[] {"HTTP_PORT", "FEED_HTTP_PORT", "KAFKA_PORT", "MQTT_PORT", "DB_PORT"}) {
            settings.put(port, "0");
        }
        settings.put("SIMULATOR_ENABLED", "false");
    }

    /** A hub keeping its data in {@code dataDir} (a test restarting the hub passes the same directory again). */
    static TestHub in(Path dataDir) {
        return new TestHub(dataDir);
    }

    TestHub with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** The sensor simulator (and the feed simulator, unless turned off with its own setting) running. */
    TestHub withSimulator() {
        return with("SIMULATOR_ENABLED", "true");
    }

    /** The settings as the hub reads them, e.g. for {@code ./ioc token} against the same data directory. */
    Config settings() {
        return new Config(settings);
    }

    HubConfig config() {
        return HubConfig.from(settings());
    }

    Hub start() {
        return Hub.start(config());
    }

    /** Waits until {@code /health} answers 200 and lists at least {@code components}. */
    static void awaitHealthy(Hub hub, String... components) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hub.endpoints().httpPort() + "/health"))
                .timeout(Duration.ofSeconds(10))
                .build();
        await().atMost(HEALTHY_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (components.length > 0) {
                JsonNode listed = Json.mapper().readTree(response.body()).get("components");
                assertThat(listed.fieldNames()).toIterable().contains(components);
            }
        });
    }
}
