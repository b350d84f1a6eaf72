package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.simulator.MqttPublisher;

/**
 * The alert side of a fault drill: probe gauges (in the hub's registry, driven by no simulator) and a threshold
 * rule over them, so each probe reading above 1.90 m opens exactly one alert. Before the fault three alerts are
 * raised, two acknowledged through the API (audit entries) and the third left with a pending escalation step
 * (an escalation policy for the probe rule, due after {@code escalateAfter}); one more is raised during the
 * fault and one after recovery. After recovery each probe has exactly one alert, every audit entry seen before
 * the fault is still there exactly once, and the pending escalation has fired ({@code ESCALATED}).
 *
 * <p>Each probe also sends one reading outside the water level's possible range, which ingest dead-letters
 * ({@code OUT_OF_RANGE}): every probe publish goes into the drill's {@link DrillLedger}, so its equation has
 * both sides.
 */
final class DrillAlerts implements AutoCloseable {

    static final String RULE_ID = "drill-probe-level";
    private static final String DEVICE_TYPE = "drill_probe";
    private static final int PROBES = 5;
    private static final double FIRING_LEVEL = 1.95;
    private static final double IMPOSSIBLE_LEVEL = 99.0;

    private final Path dir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, List<String>> trailBeforeFault = new HashMap<>();
    /** Probes whose firing reading the broker acknowledged: each of those must have its alert. */
    private final Set<Integer> acknowledgedFiring = ConcurrentHashMap.newKeySet();

    private DrillLedger ledger;
    private MqttPublisher probes;
    private String apiBase;
    private String token;

    private DrillAlerts(Path dir) {
        this.dir = dir;
    }

    /** Writes the probe registry, the rule catalogue and the escalation policies under {@code dir}. */
    static DrillAlerts write(Path dir, Duration escalateAfter) {
        try {
            Path registry = Files.createDirectories(dir.resolve("registry"));
            Files.write(registry.resolve("areas.json"), resource("registry/areas.json"));
            ArrayNode devices = (ArrayNode) Json.mapper().readTree(resource("registry/devices.json"));
            for (int probe = 1; probe <= PROBES; probe++) {
                ObjectNode device = devices.addObject()
                        .put("id", probeId(probe))
                        .put("name", "Drill probe gauge " + probe)
                        .put("type", DEVICE_TYPE)
                        .put("domain", "environment")
                        .put("areaCode", "ninh-kieu")
                        .put("lat", 10.03)
                        .put("lon", 105.78)
                        .put("owner", "drill");
                device.putArray("metrics").add(Metric.WATER_LEVEL.id());
            }
            Json.mapper().writeValue(registry.resolve("devices.json").toFile(), devices);

            ObjectNode catalogue = (ObjectNode) Json.mapper().readTree(resource("rules/rules.json"));
            ObjectNode rule = ((ArrayNode) catalogue.get("rules"))
                    .addObject()
                    .put("id", RULE_ID)
                    .put("title", "Diễn tập sự cố (drill)")
                    .put("domain", "environment")
                    .put("description", "Fires at once when a drill probe gauge reports above 1.90 m.")
                    .put("kind", "THRESHOLD");
            rule.putObject("input")
                    .put("source", "telemetry")
                    .put("metric", Metric.WATER_LEVEL.id())
                    .putArray("deviceTypes")
                    .add(DEVICE_TYPE);
            rule.putArray("levels")
                    .addObject()
                    .put("severity", "MAJOR")
                    .put("raise", 1.90)
                    .put("clear", 1.85);
            Json.mapper().writeValue(dir.resolve("rules.json").toFile(), catalogue);

            ObjectNode policies = (ObjectNode) Json.mapper().readTree(resource("alerting/policies.json"));
            ObjectNode policy =
                    ((ArrayNode) policies.get("escalation")).insertObject(0).put("id", "drill");
            policy.putArray("match").add("rule=" + RULE_ID);
            ObjectNode step = policy.putArray("steps")
                    .addObject()
                    .put("after", escalateAfter.toString())
                    .put("unless", "ACK")
                    .put("level", 2);
            step.putArray("receivers").add("level-2");
            Json.mapper().writeValue(dir.resolve("policies.json").toFile(), policies);
            return new DrillAlerts(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the drill's registry, rules and policies under " + dir, e);
        }
    }

    /** The hub settings that load the probe registry, the rule and the policies. */
    Map<String, String> settings() {
        return Map.of(
                "REGISTRY_DIR",
                dir.resolve("registry").toString(),
                "RULES_FILE",
                dir.resolve("rules.json").toString(),
                "ALERT_POLICY_FILE",
                dir.resolve("policies.json").toString(),
                "ALERT_ESCALATION_INTERVAL",
                "1s");
    }

    /** Connects the probes to the hub's broker and its API ({@code token}: an operator's or admin's). */
    void connect(DrillLedger ledger, String mqttUrl, int httpPort, String token) throws Exception {
        this.ledger = ledger;
        this.probes = new MqttPublisher(mqttUrl, "drill-probes-" + System.nanoTime());
        this.apiBase = "http://127.0.0.1:" + httpPort + "/api/v1/alerts";
        this.token = token;
    }

    /** Raises probes 1–3, acknowledges 1 and 2 through the API, and sees 3's escalation step pending. */
    void beforeFault() throws Exception {
        for (int probe = 1; probe <= 3; probe++) {
            raise(probe);
        }
        Map<Integer, JsonNode> alerts = awaitAlerts(Set.of(1, 2, 3));
        for (int probe = 1; probe <= 2; probe++) {
            long id = alerts.get(probe).get("id").asLong();
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(apiBase + "/" + id + "/ack"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"diễn tập: đã nhận\"}")));
            assertThat(answer.get("outcome").asText())
                    .as("ack of probe %d", probe)
                    .isEqualTo("CHANGED");
        }
        JsonNode pending = get(apiBase + "/" + alerts.get(3).get("id").asLong()).get("pendingActions");
        assertThat(pending)
                .as("probe 3's escalation step, pending before the fault")
                .hasSize(1);
        assertThat(Instant.parse(pending.get(0).get("dueAt").asText())).isAfter(Instant.now());
        for (int probe = 1; probe <= 3; probe++) {
            trailBeforeFault.put(probe, trail(alerts.get(probe).get("id").asLong()));
        }
    }

    /** Raises probe 4 while the fault lasts (or as the hub comes back). */
    void duringFault() throws Exception {
        raise(4);
    }

    /** Raises probe 5 once the hub has recovered. */
    void afterRecovery() throws Exception {
        raise(5);
    }

    /** Counts for the drill's line: alerts, audit entries, escalations fired. */
    record Counts(int alerts, int auditEntries, int escalations) {}

    /**
     * Waits until every probe has its one alert, the audit trails from before the fault are intact, 1 and 2 are
     * acknowledged once and 3's escalation fired once after recovery; no audit entry of any probe is doubled.
     */
    Counts assertNothingLost(Duration atMost) {
        Counts[] counts = new Counts[1];
        // A probe published while the hub was going down may never have been acknowledged (the device would send it
        // again); what must not be lost is the alert of every reading the hub acknowledged, and 1–3 were before the
        // fault.
        assertThat(acknowledgedFiring)
                .as("probes acknowledged before the fault")
                .contains(1, 2, 3);
        await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<Integer, JsonNode> alerts = awaitAlerts(acknowledgedFiring);
            int entries = 0;
            int escalations = 0;
            for (int probe : alerts.keySet()) {
                List<String> trail = trail(alerts.get(probe).get("id").asLong());
                List<String> before = trailBeforeFault.getOrDefault(probe, List.of());
                assertThat(trail.subList(0, Math.min(before.size(), trail.size())))
                        .as("probe %d's audit trail keeps what it had before the fault", probe)
                        .isEqualTo(before);
                assertThat(trail)
                        .as("probe %d's audit trail", probe)
                        .doesNotHaveDuplicates()
                        .filteredOn(type -> type.equals("OPENED"))
                        .hasSize(1);
                assertThat(trail.stream().filter("ACKNOWLEDGED"::equals).count())
                        .as("probe %d acknowledged", probe)
                        .isEqualTo(probe <= 2 ? 1 : 0);
                long escalated = trail.stream().filter("ESCALATED"::equals).count();
                if (probe == 3) {
                    assertThat(escalated)
                            .as("probe 3's pending escalation fired after recovery")
                            .isEqualTo(1);
                }
                entries += trail.size();
                escalations += (int) escalated;
            }
            counts[0] = new Counts(alerts.size(), entries, escalations);
        });
        return counts[0];
    }

    /** One reading above the rule's level, and one outside the metric's range (dead-lettered), from a probe. */
    private void raise(int probe) throws InterruptedException {
        String device = probeId(probe);
        // Milliseconds, as payload timestamps are stored: the books match stored rows by (device, timestamp).
        Instant firing = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(device, firing, FIRING_LEVEL, () -> acknowledgedFiring.add(probe));
        publish(device, firing.plusMillis(1), IMPOSSIBLE_LEVEL, () -> {});
    }

    private void publish(String device, Instant ts, double level, Runnable onAcknowledged) throws InterruptedException {
        byte[] payload = ("{\"ts\":\"" + ts + "\",\"values\":{\"" + Metric.WATER_LEVEL.id() + "\":" + level + "}}")
                .getBytes(StandardCharsets.UTF_8);
        probes.publish(TelemetryTopic.of(device), payload, (ok, latency) -> {
            ledger.outcome(device, ts, ok);
            if (ok) {
                onAcknowledged.run();
            }
        });
    }

    /**
     * The probes' alerts by probe number, once every probe of {@code expected} has one, each probe at most once (a
     * probe whose acknowledgement was lost in a kill may have one too).
     */
    private Map<Integer, JsonNode> awaitAlerts(Set<Integer> expected) {
        Map<Integer, JsonNode> byProbe = new LinkedHashMap<>();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    byProbe.clear();
                    for (JsonNode alert :
                            get(apiBase + "?rule=" + RULE_ID + "&limit=100").get("items")) {
                        int probe =
                                Integer.parseInt(alert.get("entityId").asText().substring("drill-probe-".length()));
                        assertThat(byProbe.put(probe, alert))
                                .as("a second alert of probe %d", probe)
                                .isNull();
                    }
                    assertThat(byProbe.keySet()).as("probes with an alert").containsAll(expected);
                });
        return byProbe;
    }

    /** An alert's audit entry types in order; a probe's alert has each type at most once, so a doubled entry shows. */
    private List<String> trail(long alertId) throws Exception {
        List<String> trail = new ArrayList<>();
        for (JsonNode event : get(apiBase + "/" + alertId + "/events").get("items")) {
            trail.add(event.get("type").asText());
        }
        return trail;
    }

    private JsonNode get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(
                request.header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static String probeId(int probe) {
        return "drill-probe-" + probe;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DrillAlerts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("built-in resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws Exception {
        if (probes != null) {
            probes.close();
        }
    }
}
