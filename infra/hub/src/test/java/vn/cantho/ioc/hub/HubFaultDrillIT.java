package vn.cantho.ioc.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.embedded.EmbeddedKafka;
import vn.cantho.ioc.embedded.EmbeddedMqtt;
import vn.cantho.ioc.embedded.FreePorts;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.ingest.IngestMain;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.testkit.ChildJvm;

/**
 * Fault drills under sensor load (docs/operations.md, "Fault drills"): the hub runs on a Kafka broker and a
 * PostgreSQL server the test owns, so the test can kill and restart them, and the load generator publishes
 * QoS 1 readings throughout. Each drill is a {@link FaultDrill}: it ends with acknowledged publishes = readings
 * stored + dead-lettered, no doubled aggregates, and no alert, audit entry or pending escalation lost.
 * The whole hub killed with SIGKILL is {@link HubKillIT}.
 */
@Tag("drill")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class HubFaultDrillIT {

    @Test
    void kafka_killed_with_sigkill_and_restarted_loses_and_doubles_nothing_acknowledged() throws Exception {
        Path work = WorkDirectories.temporary("drill-kafka");
        int kafkaPort = FreePorts.pick();
        EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), kafkaPort, 0, true);
        kafka.start();
        FaultDrill drill = FaultDrill.prepare("Kafka SIGKILL", work.resolve("drill"));
        try (EmbeddedDatabase db = startDatabase(work);
                Hub hub = Hub.start(config(drill, work, kafka.bootstrapServers(), db, Map.of()))) {
            // Given load flowing and alerts raised, acknowledged and pending escalation
            drill.start(hub.endpoints().mqttUrl(), hub.endpoints().httpPort(), operatorToken(db));

            // When the broker's JVM is SIGKILLed and started again 15 s later
            ProcessHandle.of(kafka.pid()).ifPresent(ProcessHandle::destroyForcibly);
            kafka.close();
            drill.duringFault();
            Thread.sleep(15_000);
            kafka = new EmbeddedKafka(work.resolve("kafka"), kafkaPort, 0, true);
            kafka.start();

            // Then nothing acknowledged is lost or doubled, and no alert, audit entry or escalation is lost
            settleAndFinish(drill, db, kafka);
        } finally {
            drill.close();
            kafka.close();
        }
    }

    @Test
    void postgresql_stopped_for_60_seconds_loses_and_doubles_nothing_acknowledged() throws Exception {
        Path work = WorkDirectories.temporary("drill-db");
        FaultDrill drill = FaultDrill.prepare("PostgreSQL stopped 60 s", work.resolve("drill"));
        try (EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), 0, 0, true)) {
            kafka.start();
            EmbeddedDatabase db = startDatabase(work);
            int dbPort = db.port();
            try (Hub hub = Hub.start(config(drill, work, kafka.bootstrapServers(), db, Map.of()))) {
                // Given load flowing and alerts raised, acknowledged and pending escalation
                drill.start(hub.endpoints().mqttUrl(), hub.endpoints().httpPort(), operatorToken(db));

                // When PostgreSQL stops for 60 s and comes back
                db.close();
                drill.duringFault();
                Thread.sleep(60_000);
                db = new EmbeddedDatabase(work.resolve("postgres"), dbPort);
                db.start();

                // Then nothing acknowledged is lost or doubled, and no alert, audit entry or escalation is lost
                settleAndFinish(drill, db, kafka);
            } finally {
                drill.close();
                db.close();
            }
        }
    }

    @Test
    void streams_restarted_with_their_local_state_wiped_count_nothing_twice_and_lose_no_alert() throws Exception {
        Path work = WorkDirectories.temporary("drill-streams");
        int[] ports = FreePorts.pick(2);
        FaultDrill drill = FaultDrill.prepare("streams state wiped", work.resolve("drill"));
        try (EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), 0, 0, true);
                EmbeddedDatabase db = startDatabase(work)) {
            kafka.start();
            HubConfig config = config(
                    drill,
                    work,
                    kafka.bootstrapServers(),
                    db,
                    Map.of("MQTT_PORT", Integer.toString(ports[0]), "HTTP_PORT", Integer.toString(ports[1])));
            Hub hub = Hub.start(config);
            try {
                // Given load flowing and alerts raised, acknowledged and pending escalation
                drill.start(hub.endpoints().mqttUrl(), hub.endpoints().httpPort(), operatorToken(db));

                // When the hub stops, its streams state directory (every application's) is deleted, and it starts
                hub.close();
                WorkDirectories.deleteRecursively(work.resolve("hub").resolve("streams"));
                hub = Hub.start(config);
                drill.duringFault();

                // Then the state rebuilt from the changelogs counts every reading once and loses no alert
                settleAndFinish(drill, db, kafka);
            } finally {
                drill.close();
                hub.close();
            }
        }
    }

    @Test
    void one_of_two_ingest_instances_sharing_a_subscription_killed_loses_nothing_acknowledged() throws Exception {
        Path work = WorkDirectories.temporary("drill-shared-ingest");
        FaultDrill drill =
                FaultDrill.prepare("one of two shared-subscription ingest instances SIGKILL", work.resolve("drill"));
        EmbeddedMqtt broker = new EmbeddedMqtt(work.resolve("mqtt"), 0);
        broker.start();
        Process ingest = null;
        try (EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"), 0, 0, true);
                EmbeddedDatabase db = startDatabase(work)) {
            kafka.start();
            // Given the hub's ingest bridge and an ingest process of its own in one MQTT 5 shared-subscription
            // group on an external broker, load flowing and alerts raised, acknowledged and pending escalation
            Map<String, String> shared = Map.of("MQTT_URL", broker.url(), "INGEST_SHARED_GROUP", "drill");
            HubConfig config = config(drill, work, kafka.bootstrapServers(), db, shared);
            try (Hub hub = Hub.start(config)) {
                ingest = startIngest(drill.settings(shared), kafka.bootstrapServers(), work.resolve("ingest.log"));
                drill.start(broker.url(), hub.endpoints().httpPort(), operatorToken(db));

                // When the separate ingest process is SIGKILLed
                long acknowledged = drill.acknowledgedSoFar();
                long byHub = hub.ingestStats().received();
                ingest.destroyForcibly().waitFor();
                System.out.printf(
                        "shared subscription: before the kill the hub's bridge had received %d of %d"
                                + " acknowledged publishes, the killed ingest process about %d%n",
                        byHub, acknowledged, acknowledged - byHub);
                drill.duringFault();

                // Then the survivor takes over: nothing acknowledged is lost or doubled, no alert lost
                settleAndFinish(drill, db, kafka);
            }
        } finally {
            drill.close();
            if (ingest != null) {
                ingest.destroyForcibly().waitFor();
            }
            broker.close();
        }
    }

    /** Lets the load run 10 s on the recovered hub, raises the last alert, and closes the drill's books. */
    private static void settleAndFinish(FaultDrill drill, EmbeddedDatabase db, EmbeddedKafka kafka) throws Exception {
        Thread.sleep(10_000);
        drill.afterRecovery();
        drill.finish(db.jdbcUrl(), db.user(), db.password(), kafka.bootstrapServers());
    }

    private static Process startIngest(Map<String, String> settings, String kafka, Path log) throws Exception {
        ProcessBuilder builder = ChildJvm.of("256m", IngestMain.class, log, List.of());
        builder.environment().putAll(settings);
        builder.environment().put("KAFKA_BOOTSTRAP", kafka);
        builder.environment().put("INGEST_CLIENT_ID", "drill-ingest-" + System.nanoTime());
        Process process = builder.start();
        ChildJvm.awaitOutput(process, log, "ingest bridge running", Duration.ofSeconds(60));
        return process;
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

    /** A token for the drill's operator, who acknowledges alerts through the API. */
    private static String operatorToken(EmbeddedDatabase db) {
        try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password(), 2)) {
            return new TokenService(database.dataSource())
                    .issue(TokenRole.OPERATOR, null, "drill operator")
                    .secret();
        }
    }

    private static HubConfig config(
            FaultDrill drill, Path work, String kafka, EmbeddedDatabase db, Map<String, String> extra) {
        TestHub hub = TestHub.in(work.resolve("hub"))
                .with("KAFKA_BOOTSTRAP", kafka)
                .with("DB_URL", db.jdbcUrl())
                .with("DB_USER", db.user())
                .with("DB_PASSWORD", db.password())
                .with("AGGREGATE_GRACE", "1h");
        drill.settings(extra).forEach(hub::with);
        return hub.config();
    }
}
