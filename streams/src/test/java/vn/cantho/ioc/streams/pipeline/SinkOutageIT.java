package vn.cantho.ioc.streams.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.embedded.FreePorts;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.model.stage.Stage;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.SharedServers;
import vn.cantho.ioc.testkit.SqlRows;

/**
 * Issue 4's must-show: the real PostgreSQL server is stopped while readings flow through the real Kafka
 * Streams app and both sinks (aggregates, raw observations), then started again on the same data
 * directory and port. Afterwards the stored one-minute aggregates equal those computed by hand from the
 * readings sent, and every reading is stored once: no gaps, no doubles.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SinkOutageIT {

    private static final SharedServers SERVERS = SharedServers.get();
    /** A device no other Kafka test in this module writes. */
    private static final String DEVICE = "aq-vinh-thanh-01";

    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final int READINGS = 150;

    @Test
    void stored_aggregates_equal_a_clean_run_after_the_database_was_stopped_and_restarted_mid_stream()
            throws Exception {
        SERVERS.ensureTopics();
        Path dir = WorkDirectories.temporary("sink-outage-db");
        EmbeddedDatabase postgres = new EmbeddedDatabase(dir, FreePorts.pick());
        postgres.start();
        String appId = SharedServers.uniqueName("outage");
        List<Reading> sent = new ArrayList<>();
        try (Database database = Database.open(postgres.jdbcUrl(), postgres.user(), postgres.password(), 4);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
                StreamsRunner streams = new StreamsRunner(
                        AggregationTopology.build(DeviceRegistry.builtIn(), GRACE, GRACE),
                        StreamsRunner.properties(
                                appId, SERVERS.kafkaBootstrap(), WorkDirectories.temporary("outage-state"), 1, 1));
                KafkaToDatabase<Aggregate> aggregates = DatabaseSinks.aggregates(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), appId + "-sink", Duration.ofMillis(500)),
                        database.dataSource());
                // Three loops of one group, as the hub runs it: the outage must not lose a row between them.
                Stage observations = Stage.of(
                        "observations",
                        DatabaseSinks.observations(
                                LoopOptions.sink(
                                        SERVERS.kafkaBootstrap(), appId + "-observations", Duration.ofMillis(500)),
                                3,
                                new LiveRegistry(DeviceRegistry.builtIn(), 0),
                                database.dataSource()))) {
            streams.start();
            aggregates.start();
            observations.start();

            AtomicInteger downWhileSending = new AtomicInteger();
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < READINGS; i++) {
                if (i == READINGS / 4) {
                    postgres.close(); // the database goes away mid-stream
                }
                if (i == READINGS * 3 / 4) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> !aggregates.check().up());
                    downWhileSending.set(aggregates.check().up() ? 0 : 1);
                    postgres.start(); // and comes back on the same port and data
                }
                // Distinct timestamps (the topology drops exact duplicates), spread over a few minutes.
                Instant ts = start.plusMillis(400L * i);
                Reading reading = new Reading(
                        Reading.SCHEMA_VERSION, DEVICE, ts, Map.of("pm25", (double) (i % 17)), Instant.now(), "test");
                producer.send(Topics.TELEMETRY.record(DEVICE, reading)).get();
                sent.add(reading);
                Thread.sleep(40);
            }
            assertThat(downWhileSending.get()).as("the sink noticed the outage").isEqualTo(1);

            List<String> expected = expectedMinutes(sent);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(strings(
                                        database,
                                        "SELECT count(*) FROM observations WHERE device_id = '" + DEVICE + "'"))
                                .containsExactly(String.valueOf(READINGS));
                        assertThat(strings(
                                        database,
                                        "SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI')"
                                                + " || ' ' || sample_count || ' ' || sum_value || ' ' || min_value || ' ' || max_value"
                                                + " || ' ' || last_value FROM metric_agg_1m WHERE scope = 'device' AND entity_id = '"
                                                + DEVICE + "' AND metric = 'pm25' ORDER BY bucket"))
                                .containsExactlyElementsOf(expected);
                    });
            assertThat(aggregates.check().up()).isTrue();
            assertThat(observations.check().up()).isTrue();
        } finally {
            postgres.close();
        }
    }

    /** The one-minute statistics of the readings, computed by hand: "minute count sum min max last". */
    private static List<String> expectedMinutes(List<Reading> readings) {
        Map<Instant, List<Reading>> byMinute = new TreeMap<>();
        for (Reading r : readings) {
            byMinute.computeIfAbsent(r.ts().truncatedTo(ChronoUnit.MINUTES), m -> new ArrayList<>())
                    .add(r);
        }
        List<String> lines = new ArrayList<>();
        byMinute.forEach((minute, rs) -> {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Reading r : rs) {
                double v = r.values().get("pm25");
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double last = rs.get(rs.size() - 1).values().get("pm25");
            lines.add(minute.toString().substring(0, 16) + " " + rs.size() + " " + fmt(sum) + " " + fmt(min) + " "
                    + fmt(max) + " " + fmt(last));
        });
        return lines;
    }

    /** Integral values as PostgreSQL prints a double. */
    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static List<String> strings(Database database, String sql) throws Exception {
        return SqlRows.strings(database.dataSource(), sql);
    }
}
