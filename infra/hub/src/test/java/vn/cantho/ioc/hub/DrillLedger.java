package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.simulator.LoadGenerator;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.LoadReport;
import vn.cantho.ioc.testkit.KafkaTail;

/**
 * The books of a fault drill's sensor side: runs the project's load generator against the hub on a thread of
 * its own, remembers every publish the broker acknowledged by its (device, timestamp) pair — the load
 * generator's and the alert probes' alike — and closes the books against what the hub kept.
 *
 * <p>The equation: <b>acknowledged = stored + dead-lettered by ingest</b>, over the acknowledged publishes,
 * each on exactly one side. Stored means a row in {@code observations} with the pair; dead-lettered means a
 * dead letter of ingest (any reason but {@code LATE}) whose payload carries the pair. The streams stage's
 * {@code LATE} dead letters are not on the right-hand side: a late reading is stored raw as well. A pair
 * names one publish because the load generator gives each message of a device a later timestamp than the
 * one before (the hub stores a repeated pair once, as a redelivery); the books check no pair was
 * acknowledged twice. Readings stored without an acknowledgement (the PUBACK lost in a kill) are counted
 * apart. No doubled aggregates: the 1-minute device aggregates' {@code sample_count} over the drill's
 * devices adds up to the observation rows stored for them.
 */
final class DrillLedger implements AutoCloseable {

    /** One publish: a device and the timestamp of its reading. */
    record Publish(String deviceId, Instant ts) {}

    /** How the books closed; {@code aggregated} is the sum of the aggregates' sample counts. */
    record Books(
            long acknowledged,
            long failed,
            long stored,
            long storedUnacknowledged,
            long deadLettered,
            long late,
            long observationRows,
            long aggregated) {}

    private final Instant since = Instant.now().minusSeconds(1);
    private final Set<Publish> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledgements = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private final AtomicReference<LoadReport> report = new AtomicReference<>();
    private final AtomicReference<Throwable> loadFailure = new AtomicReference<>();
    private LoadGenerator generator;
    private Thread thread;

    /** Starts the load generator: {@code rate} messages/s over the built-in registry's simulated devices. */
    void startLoad(String mqttUrl, int rate) {
        generator = new LoadGenerator(
                new LoadOptions(rate, Duration.ofMinutes(30), mqttUrl, 2, 0.2, 15, Optional.empty(), false),
                this::outcome);
        devices.addAll(generator.deviceIds());
        thread = new Thread(
                () -> {
                    try {
                        report.set(generator.run());
                    } catch (Exception e) {
                        loadFailure.set(e);
                    }
                },
                "drill-load");
        thread.start();
    }

    /** Records one publish's outcome; the load generator and the alert probes both report here. */
    void outcome(String deviceId, Instant ts, boolean ok) {
        devices.add(deviceId);
        if (!ok) {
            failed.incrementAndGet();
            return;
        }
        acknowledgements.incrementAndGet();
        acknowledged.add(new Publish(deviceId, ts));
    }

    long acknowledgedSoFar() {
        return acknowledgements.get();
    }

    /** Stops the load and waits for its last acknowledgements (the generator drains for at most 30 s). */
    LoadReport stopLoad() throws InterruptedException {
        generator.stop();
        thread.join(Duration.ofMinutes(3).toMillis());
        assertThat(loadFailure.get()).as("load generator failure").isNull();
        assertThat(report.get()).as("load generator report").isNotNull();
        return report.get();
    }

    /** Closes the books once: throws an AssertionError while they do not balance (poll it). */
    Books close(String jdbcUrl, String user, String password, String kafkaBootstrap) throws Exception {
        assertThat(acknowledged)
                .as("acknowledged publishes with distinct (device, timestamp) pairs")
                .hasSize((int) acknowledgements.get());
        Set<Publish> stored = stored(jdbcUrl, user, password);
        Set<Publish> deadLettered = new HashSet<>();
        long late = deadLetters(kafkaBootstrap, deadLettered);
        List<Publish> missing = new ArrayList<>();
        long storedAcknowledged = 0;
        long deadAcknowledged = 0;
        for (Publish publish : acknowledged) {
            boolean isStored = stored.contains(publish);
            boolean isDead = deadLettered.contains(publish);
            assertThat(isStored && isDead)
                    .as("%s both stored and dead-lettered", publish)
                    .isFalse();
            storedAcknowledged += isStored ? 1 : 0;
            deadAcknowledged += isDead ? 1 : 0;
            if (!isStored && !isDead && missing.size() < 5) {
                missing.add(publish);
            }
        }
        assertThat(storedAcknowledged + deadAcknowledged)
                .as(
                        "acknowledged %d = stored %d + dead-lettered %d (missing e.g. %s)",
                        acknowledged.size(), storedAcknowledged, deadAcknowledged, missing)
                .isEqualTo(acknowledged.size());
        long[] rows = rowsAndAggregated(jdbcUrl, user, password);
        assertThat(rows[1])
                .as("readings counted in the 1-minute device aggregates = observation rows")
                .isEqualTo(rows[0]);
        return new Books(
                acknowledged.size(),
                failed.get(),
                storedAcknowledged,
                stored.size() - storedAcknowledged,
                deadAcknowledged,
                late,
                rows[0],
                rows[1]);
    }

    /** The distinct (device, timestamp) pairs stored for the drill's devices since it began. */
    private Set<Publish> stored(String jdbcUrl, String user, String password) throws Exception {
        Set<Publish> stored = new HashSet<>();
        try (Connection connection = AcknowledgedReadings.connect(jdbcUrl, user, password);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT DISTINCT device_id, ts FROM observations" + " WHERE device_id = ANY(?) AND ts >= ?")) {
            query.setArray(1, connection.createArrayOf("text", devices.toArray()));
            query.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(
                            new Publish(rows.getString(1), rows.getTimestamp(2).toInstant()));
                }
            }
        }
        return stored;
    }

    /** Observation rows of the drill's devices, and the sample counts of their 1-minute aggregates. */
    private long[] rowsAndAggregated(String jdbcUrl, String user, String password) throws Exception {
        try (Connection connection = AcknowledgedReadings.connect(jdbcUrl, user, password);
                PreparedStatement query = connection.prepareStatement("SELECT"
                        + " (SELECT count(*) FROM observations WHERE device_id = ANY(?) AND ts >= ?),"
                        + " (SELECT coalesce(sum(sample_count), 0) FROM metric_agg_1m WHERE scope = 'device'"
                        + " AND entity_id = ANY(?) AND bucket >= ?)")) {
            java.sql.Array ids = connection.createArrayOf("text", devices.toArray());
            query.setArray(1, ids);
            query.setTimestamp(2, Timestamp.from(since));
            query.setArray(3, ids);
            // Readings since the drill began; the first minute's bucket starts up to a minute earlier.
            query.setTimestamp(4, Timestamp.from(since.minusSeconds(60)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /**
     * Adds to {@code pairs} the publishes ingest dead-lettered for the drill's devices (a redelivered message's
     * dead letter may be there twice: one publish); returns how many LATE dead letters the streams stage wrote.
     */
    private long deadLetters(String kafkaBootstrap, Set<Publish> pairs) {
        long[] late = new long[1];
        try (KafkaTail<DeadLetter> tail = new KafkaTail<>(kafkaBootstrap, Topics.DEAD_LETTER)) {
            for (DeadLetter letter : tail.valuesUpToEnd(l -> !l.receivedAt().isBefore(since))) {
                Optional<String> device = TelemetryTopic.deviceId(letter.source());
                if (device.isEmpty() || !devices.contains(device.get())) {
                    continue;
                }
                if (letter.reason() == DeadLetterReason.LATE) {
                    late[0]++;
                    continue;
                }
                pairs.add(new Publish(device.get(), timestampOf(letter.payload())));
            }
        }
        return late[0];
    }

    /** The reading's timestamp in a compact ({@code ts}) or SenML ({@code bt}, seconds) payload. */
    private static Instant timestampOf(byte[] payload) {
        try {
            JsonNode json = Json.mapper().readTree(payload);
            if (json.isArray()) {
                return Instant.ofEpochMilli(
                        json.get(0).get("bt").decimalValue().movePointRight(3).longValueExact());
            }
            return Instant.parse(json.get("ts").asText());
        } catch (Exception e) {
            throw new AssertionError(
                    "a dead letter of a drill device without a readable timestamp: "
                            + new String(payload, java.nio.charset.StandardCharsets.UTF_8),
                    e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (generator != null && thread.isAlive()) {
            generator.stop();
            thread.join(Duration.ofMinutes(2).toMillis());
        }
    }
}
