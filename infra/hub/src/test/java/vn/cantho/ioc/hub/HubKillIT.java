package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.FreePorts;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.testkit.ChildJvm;
import vn.cantho.ioc.testkit.KafkaTail;

/**
 * "A killed hub process must not take acknowledged messages with it" (docs/operations.md, MQTT durability):
 * the whole hub runs as its own process on its embedded servers while a device outside it publishes QoS 1
 * readings with distinct timestamps at 1,000 msg/s. The hub is killed with SIGKILL mid-stream and started
 * again on the same data directory and ports, then stopped with SIGTERM and started once more; the device
 * keeps publishing throughout (its client reconnects by itself, as a device does). Every reading the device
 * saw acknowledged is in Kafka and in the database afterwards. The same run is the whole-hub fault drill
 * ({@link FaultDrill}): the load generator and the alert probes run across the kill and the restarts.
 */
@Tag("durability")
@Tag("drill")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class HubKillIT {

    private static final String DEVICE = "aq-ninh-kieu-01";

    private final List<Process> hubs = new ArrayList<>();
    private Path dataDir;

    @AfterEach
    void stopHubs() throws Exception {
        for (Process hub : hubs) {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
    }

    @Test
    void a_hub_killed_mid_stream_and_restarted_loses_no_acknowledged_reading_alert_or_escalation() throws Exception {
        // Given a hub in its own process, a device outside it publishing 1,000 readings/s, and the fault drill's
        // load generator and alert probes (alerts raised, acknowledged, one escalation pending)
        dataDir = WorkDirectories.temporary("hub-kill");
        int[] ports = FreePorts.pick(5);
        FaultDrill drill = FaultDrill.prepare("whole hub SIGKILL", dataDir.resolve("drill"));
        Map<String, String> env = drill.settings(Map.of(
                "IOC_DATA_DIR",
                dataDir.toString(),
                "MQTT_PORT",
                Integer.toString(ports[0]),
                "HTTP_PORT",
                Integer.toString(ports[1]),
                "FEED_HTTP_PORT",
                Integer.toString(ports[2]),
                "KAFKA_PORT",
                Integer.toString(ports[3]),
                "DB_PORT",
                Integer.toString(ports[4]),
                "SIMULATOR_ENABLED",
                "false"));
        Process hub = startHub(env, "hub-1.log");
        String mqttUrl = "tcp://127.0.0.1:" + ports[0];
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (drill;
                AcknowledgedReadings device = new AcknowledgedReadings(mqttUrl, DEVICE, base, 1_000)) {
            drill.start(mqttUrl, ports[1], operatorToken());

            // When the hub is killed with SIGKILL after 15 s, started again, and later restarted cleanly
            Thread.sleep(15_000);
            long ackedBeforeKill = device.acknowledged().size();
            hub.destroyForcibly().waitFor();
            hubs.remove(hub);
            hub = startHub(env, "hub-2.log");
            drill.duringFault();
            Thread.sleep(10_000);
            hub.destroy();
            assertThat(hub.waitFor(90, TimeUnit.SECONDS))
                    .as("hub stops on SIGTERM")
                    .isTrue();
            hubs.remove(hub);
            startHub(env, "hub-3.log");
            drill.afterRecovery();
            Thread.sleep(5_000);
            device.stop();

            // Then every reading acknowledged to the device is in the database and in Kafka
            String password = Files.readString(dataDir.resolve("postgres").resolve("ioc.password"))
                    .trim();
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + ports[4] + "/ioc";
            Set<Instant> stored = new HashSet<>();
            // Storage follows Kafka; on a loaded machine the restarted hub needs a while to write ~100,000 rows.
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        stored.clear();
                        stored.addAll(device.stored(jdbcUrl, "ioc", password));
                        // A count and a few examples: tens of thousands of missing timestamps in the message would
                        // overflow the test fork's channel.
                        List<Instant> missing = device.acknowledged().stream()
                                .filter(ts -> !stored.contains(ts))
                                .toList();
                        assertThat(missing.size())
                                .as(
                                        "acknowledged but not stored, of %d (e.g. %s)",
                                        device.acknowledged().size(),
                                        missing.stream().limit(5).toList())
                                .isZero();
                    });
            // Read Kafka only now: right after the restarts the journal is still being forwarded, so an earlier
            // read of the topic "up to its end" stops short of readings that are safely on their way.
            Set<Instant> inKafka = new HashSet<>();
            try (KafkaTail<Reading> tail = new KafkaTail<>("127.0.0.1:" + ports[3], Topics.TELEMETRY)) {
                tail.valuesUpToEnd(r -> r.deviceId().equals(DEVICE)).forEach(r -> inKafka.add(r.ts()));
            }
            Set<Instant> missingInKafka = new HashSet<>(device.acknowledged());
            missingInKafka.removeAll(inKafka);
            System.out.printf(
                    "hub kill: sent %d, acknowledged %d (%d before the kill), refused %d, in Kafka %d,"
                            + " stored %d, acknowledged but missing from Kafka %d%n",
                    device.sent(),
                    device.acknowledged().size(),
                    ackedBeforeKill,
                    device.refused(),
                    inKafka.size(),
                    stored.size(),
                    missingInKafka.size());
            assertThat(ackedBeforeKill)
                    .as("readings acknowledged before the kill")
                    .isGreaterThan(5_000);
            assertThat(device.acknowledged())
                    .as("readings acknowledged after the kill (the device reconnected)")
                    .hasSizeGreaterThan((int) ackedBeforeKill + 5_000);
            assertThat(missingInKafka).isEmpty();

            // And the drill's books balance, with no alert, audit entry or pending escalation lost
            drill.finish(jdbcUrl, "ioc", password, "127.0.0.1:" + ports[3]);
        }
    }

    /** The demo operator token the embedded default writes at the first start (docs/operations.md). */
    private String operatorToken() throws Exception {
        return Files.readAllLines(dataDir.resolve("api-tokens.txt")).stream()
                .filter(line -> line.startsWith("operator="))
                .map(line -> line.substring("operator=".length()).trim())
                .findFirst()
                .orElseThrow();
    }

    private Process startHub(Map<String, String> env, String logName) throws Exception {
        Path log = dataDir.resolve(logName);
        ProcessBuilder builder = ChildJvm.of("1g", Main.class, log, List.of(), "up");
        builder.environment().putAll(env);
        Process hub = builder.start();
        hubs.add(hub);
        ChildJvm.awaitOutput(hub, log, "Cần Thơ IOC hub is up.", Duration.ofMinutes(2));
        return hub;
    }
}
