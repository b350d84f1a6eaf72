package vn.cantho.ioc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.simulator.LoadOptions;

/**
 * The hub benchmark's device registry and rule catalogue: the built-in ones, plus probe gauges that no
 * simulator drives and one threshold rule over them. Each probe gauge is used for exactly one probe
 * reading above the rule's level, so every probe opens a fresh alert (no flap control, no hysteresis
 * or keep-firing from an earlier probe in the way) and its arrival on the live stream can be timed.
 */
final class ProbeFixture {

    static final String RULE_ID = "bench-probe-level";
    static final String METRIC = Metric.WATER_LEVEL.id();
    /** Above the rule's raise level (1.90 m), like a river past BĐ II. */
    static final double FIRING_LEVEL = 1.95;

    private static final String DEVICE_TYPE = "bench_probe";
    private static final String AREA = "ninh-kieu";

    private final Path registryDir;
    private final Path rulesFile;
    private final List<String> probeIds;

    private ProbeFixture(Path registryDir, Path rulesFile, List<String> probeIds) {
        this.registryDir = registryDir;
        this.rulesFile = rulesFile;
        this.probeIds = probeIds;
    }

    /** Writes {@code registry/} (areas.json, devices.json) and {@code rules.json} under {@code dir}. */
    static ProbeFixture write(Path dir, int probes) {
        return write(dir, probes, 0);
    }

    /**
     * The same, plus {@code loadStations} copies of a built-in full air station (six metrics): with a fixed
     * number of values per message only devices measuring that many take part, and the built-in registry has
     * too few of them to keep each device's timestamps real-time at benchmark rates.
     */
    static ProbeFixture write(Path dir, int probes, int loadStations) {
        try {
            Path registryDir = Files.createDirectories(dir.resolve("registry"));
            Files.write(registryDir.resolve("areas.json"), resource("registry/areas.json"));
            ArrayNode devices = (ArrayNode) Json.mapper().readTree(resource("registry/devices.json"));
            addLoadStations(devices, loadStations);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= probes; i++) {
                String id = String.format("bench-probe-%04d", i);
                ids.add(id);
                ObjectNode device = devices.addObject();
                device.put("id", id)
                        .put("name", "Benchmark probe gauge " + i)
                        .put("type", DEVICE_TYPE)
                        .put("domain", "environment")
                        .put("areaCode", AREA)
                        .put("lat", 10.03)
                        .put("lon", 105.78)
                        .put("owner", "bench");
                device.putArray("metrics").add(METRIC);
            }
            Json.mapper().writeValue(registryDir.resolve("devices.json").toFile(), devices);

            ObjectNode catalogue = (ObjectNode) Json.mapper().readTree(resource("rules/rules.json"));
            ((ArrayNode) catalogue.get("rules")).add(probeRule());
            Path rulesFile = dir.resolve("rules.json");
            Json.mapper().writeValue(rulesFile.toFile(), catalogue);
            return new ProbeFixture(registryDir, rulesFile, List.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's registry and rules under " + dir, e);
        }
    }

    private static void addLoadStations(ArrayNode devices, int count) {
        if (count == 0) {
            return;
        }
        JsonNode template = null;
        for (JsonNode device : devices) {
            if (device.path("metrics").size() == LoadOptions.MAX_VALUES_PER_MESSAGE) {
                template = device;
                break;
            }
        }
        if (template == null) {
            throw new IllegalStateException("the built-in registry has no device with "
                    + LoadOptions.MAX_VALUES_PER_MESSAGE + " metrics to copy");
        }
        for (int i = 1; i <= count; i++) {
            ObjectNode station = template.deepCopy();
            station.put("id", String.format("bench-air-%03d", i)).put("name", "Benchmark air station " + i);
            devices.add(station);
        }
    }

    private static JsonNode probeRule() {
        ObjectNode rule = Json.mapper().createObjectNode();
        rule.put("id", RULE_ID)
                .put("title", "Đo độ trễ cảnh báo (benchmark)")
                .put("domain", "environment")
                .put("description", "Fires at once when a benchmark probe gauge reports above 1.90 m.")
                .put("kind", "THRESHOLD");
        ObjectNode input = rule.putObject("input").put("source", "telemetry").put("metric", METRIC);
        input.putArray("deviceTypes").add(DEVICE_TYPE);
        rule.putArray("levels")
                .addObject()
                .put("severity", "MAJOR")
                .put("raise", 1.90)
                .put("clear", 1.85);
        return rule;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ProbeFixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("built-in resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    Path registryDir() {
        return registryDir;
    }

    Path rulesFile() {
        return rulesFile;
    }

    List<String> probeIds() {
        return probeIds;
    }
}
