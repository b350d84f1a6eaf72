package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.cantho.ioc.simulator.LoadReport;

/**
 * One fault drill (docs/operations.md, "Fault drills"), the same for every fault: the load generator publishes
 * sensor readings throughout and alert probes raise, acknowledge and escalate alerts around the fault; at the
 * end the drill checks acknowledged publishes = readings stored + dead-lettered by ingest, no doubled
 * aggregates, and no alert, audit entry or pending escalation lost, then prints one line with its counts.
 *
 * <p>Use: {@link #prepare} before the hub starts (its {@link #settings()} go into the hub's configuration),
 * {@link #start} once the hub is up, {@link #duringFault()}, {@link #afterRecovery()}, then {@link #finish}.
 */
final class FaultDrill implements AutoCloseable {

    /** Sensor load of a drill, messages per second over the built-in registry's simulated devices. */
    static final int RATE = 500;
    /** When probe 3's escalation step comes due: after the fault has begun, so it fires after recovery. */
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(45);

    private final String name;
    private final DrillLedger ledger = new DrillLedger();
    private final DrillAlerts alerts;

    private FaultDrill(String name, DrillAlerts alerts) {
        this.name = name;
        this.alerts = alerts;
    }

    /** Writes the drill's registry, rules and escalation policies under {@code dir}. */
    static FaultDrill prepare(String name, Path dir) {
        return new FaultDrill(name, DrillAlerts.write(dir, ESCALATE_AFTER));
    }

    /** Hub settings the drill needs, merged over {@code base}. */
    Map<String, String> settings(Map<String, String> base) {
        Map<String, String> settings = new HashMap<>(base);
        settings.putAll(alerts.settings());
        return settings;
    }

    /** Starts the load on the hub's broker, waits until it flows, then raises and handles the first alerts. */
    void start(String mqttUrl, int httpPort, String apiToken) throws Exception {
        ledger.startLoad(mqttUrl, RATE);
        alerts.connect(ledger, mqttUrl, httpPort, apiToken);
        await().atMost(Duration.ofMinutes(1)).until(() -> ledger.acknowledgedSoFar() >= RATE * 3L);
        alerts.beforeFault();
    }

    /** Publishes acknowledged so far, load and probes. */
    long acknowledgedSoFar() {
        return ledger.acknowledgedSoFar();
    }

    void duringFault() throws Exception {
        alerts.duringFault();
    }

    void afterRecovery() throws Exception {
        alerts.afterRecovery();
    }

    /** Stops the load, waits for the books to balance and the alerts to be complete, prints the drill's line. */
    void finish(String jdbcUrl, String user, String password, String kafkaBootstrap) throws Exception {
        LoadReport load = ledger.stopLoad();
        DrillLedger.Books[] books = new DrillLedger.Books[1];
        // Storage and aggregation follow Kafka; after a fault (and the load generator's catch-up burst) the hub
        // needed over 5 minutes to aggregate the backlog while other builds loaded the machine (load average 30+).
        await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> books[0] = ledger.close(jdbcUrl, user, password, kafkaBootstrap));
        DrillAlerts.Counts counts = alerts.assertNothingLost(Duration.ofMinutes(3));
        DrillLedger.Books b = books[0];
        System.out.printf(
                "drill %s: acknowledged %d (load generator %d of %d sent, %d failed), stored %d,"
                        + " dead-lettered %d, stored without acknowledgement %d, LATE %d, observation rows %d,"
                        + " counted in aggregates %d, alerts %d, audit entries %d, escalations fired %d%n",
                name,
                b.acknowledged(),
                load.acknowledged(),
                load.sent(),
                load.failed(),
                b.stored(),
                b.deadLettered(),
                b.storedUnacknowledged(),
                b.late(),
                b.observationRows(),
                b.aggregated(),
                counts.alerts(),
                counts.auditEntries(),
                counts.escalations());
        // A floor, not a target: the drill's length follows how fast the hub recovers.
        assertThat(b.acknowledged())
                .as("publishes acknowledged during the drill (10 s of load at least)")
                .isGreaterThan(RATE * 10L);
        assertThat(b.deadLettered())
                .as("the probes' impossible readings, dead-lettered")
                .isGreaterThanOrEqualTo(5);
    }

    @Override
    public void close() throws Exception {
        ledger.close();
        alerts.close();
    }
}
