package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.embedded.EmbeddedKafka;
import vn.cantho.ioc.embedded.FreePorts;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * Fault drills under sensor load (docs/operations.md): the hub runs on a Kafka broker and a PostgreSQL server
 * the test owns, so the test can kill and restart them; a device outside the hub publishes QoS 1 readings
 * throughout. Each drill ends with every acknowledged reading stored and no reading counted twice in the
 * 1-minute aggregates.
 */
@Tag("drill")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubFaultDrillIT {

    private static final int RATE = 500;

    @Test
    void kafka_killed_with_sigkill_and_restarted_loses_and_doubles_no_acknowledged_reading() throws Exception {
        Path work = WorkDirectories.temporary("drill-kafka");
        int kafkaPort = FreePorts.pick();
        EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), kafkaPort, 0, true);
        kafka.start();
        try (EmbeddedDatabase db = startDatabase(work)) {
            try (Hub hub = Hub.start(config(work, kafka.bootstrapServers(), db));
                 AcknowledgedReadings device = new AcknowledgedReadings(hub.mqttUrl(), "aq-cai-rang-01",
                         base(), RATE)) {
                // Given readings flowing; When the broker's JVM is SIGKILLed and started again 15 s later
                Thread.sleep(10_000);
                ProcessHandle.of(kafka.pid()).ifPresent(ProcessHandle::destroyForcibly);
                kafka.close();
                Thread.sleep(15_000);
                kafka = new EmbeddedKafka(work.resolve("kafka"), kafkaPort, 0, true);
                kafka.start();
                Thread.sleep(10_000);
                device.stop();

                // Then every acknowledged reading is stored once, and counted once in the aggregates
                assertStoredOnce("kafka SIGKILL", device, db);
            }
        } finally {
            kafka.close();
        }
    }

    @Test
    void postgresql_stopped_for_60_seconds_loses_and_doubles_no_acknowledged_reading() throws Exception {
        Path work = WorkDirectories.temporary("drill-db");
        try (EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), 0, 0, true)) {
            kafka.start();
            EmbeddedDatabase db = startDatabase(work);
            int dbPort = db.port();
            try (Hub hub = Hub.start(config(work, kafka.bootstrapServers(), db));
                 AcknowledgedReadings device = new AcknowledgedReadings(hub.mqttUrl(), "aq-cai-rang-02",
                         base(), RATE)) {
                // Given readings flowing; When PostgreSQL stops for 60 s and comes back
                Thread.sleep(10_000);
                db.close();
                Thread.sleep(60_000);
                db = new EmbeddedDatabase(work.resolve("postgres"), dbPort);
                db.start();
                Thread.sleep(10_000);
                device.stop();

                // Then every acknowledged reading is stored once, and counted once in the aggregates
                assertStoredOnce("PostgreSQL stopped 60 s", device, db);
            } finally {
                db.close();
            }
        }
    }

    @Test
    void streams_restarted_with_their_local_state_wiped_count_no_reading_twice() throws Exception {
        Path work = WorkDirectories.temporary("drill-streams");
        int mqttPort = FreePorts.pick();
        try (EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), 0, 0, true);
             EmbeddedDatabase db = startDatabase(work)) {
            kafka.start();
            HubConfig config = config(work, kafka.bootstrapServers(), db, mqttPort);
            Hub hub = Hub.start(config);
            try (AcknowledgedReadings device = new AcknowledgedReadings(hub.mqttUrl(), "aq-binh-thuy-01", base(),
                    RATE)) {
                // Given readings flowing; When the hub stops, its streams state directory is deleted, and it starts
                Thread.sleep(10_000);
                hub.close();
                WorkDirectories.deleteRecursively(work.resolve("hub").resolve("streams"));
                hub = Hub.start(config);
                Thread.sleep(10_000);
                device.stop();

                // Then the aggregates rebuilt from the changelogs count every reading once
                assertStoredOnce("streams state wiped", device, db);
            } finally {
                hub.close();
            }
        }
    }

    private static void assertStoredOnce(String drill, AcknowledgedReadings device, EmbeddedDatabase db) {
        Set<Instant> stored = new HashSet<>();
        long[] aggregated = new long[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            stored.clear();
            stored.addAll(device.stored(db.jdbcUrl(), db.user(), db.password()));
            assertThat(stored).as("stored %d of %d acknowledged", stored.size(), device.acknowledged().size())
                    .containsAll(device.acknowledged());
            aggregated[0] = device.aggregated(db.jdbcUrl(), db.user(), db.password());
            assertThat(aggregated[0]).as("readings counted in the 1-minute aggregates").isEqualTo(stored.size());
        });
        System.out.printf("drill %s: sent %d, acknowledged %d, refused %d, stored %d, counted in aggregates %d%n",
                drill, device.sent(), device.acknowledged().size(), device.refused(), stored.size(), aggregated[0]);
        assertThat(device.acknowledged()).as("readings acknowledged during the drill").hasSizeGreaterThan(RATE * 20);
    }

    /** Readings a few minutes old, so all of them fall well inside the aggregation grace. */
    private static Instant base() {
        return Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    }

    private static EmbeddedDatabase startDatabase(Path work) {
        EmbeddedDatabase db = new EmbeddedDatabase(work.resolve("postgres"), 0);
        db.start();
        // An external database has no default credentials: the hub needs an admin token to exist.
        try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password(), 2)) {
            new TokenService(database.dataSource()).issue(TokenRole.ADMIN, null, "drill");
        }
        return db;
    }

    private static HubConfig config(Path work, String kafka, EmbeddedDatabase db) {
        return config(work, kafka, db, 0);
    }

    private static HubConfig config(Path work, String kafka, EmbeddedDatabase db, int mqttPort) {
        return HubConfig.from(new Config(Map.of(
                "IOC_DATA_DIR", work.resolve("hub").toString(),
                "KAFKA_BOOTSTRAP", kafka, "DB_URL", db.jdbcUrl(), "DB_USER", db.user(), "DB_PASSWORD", db.password(),
                "HTTP_PORT", "0", "FEED_HTTP_PORT", "0", "MQTT_PORT", Integer.toString(mqttPort),
                "SIMULATOR_ENABLED", "false", "AGGREGATE_GRACE", "1h")));
    }
}
