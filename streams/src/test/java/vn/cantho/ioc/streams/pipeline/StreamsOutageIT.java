package vn.cantho.ioc.streams.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.streams.runtime.StreamsSettings;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The aggregation down for two hours while ingest keeps writing telemetry: when it starts again it works through the
 * backlog (every partition at its own pace) and no 1-minute aggregate of those hours is missing or short, with the
 * default grace of one hour.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class StreamsOutageIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final int STATIONS_PER_AREA = 3;
    private static final int MINUTES = 120;
    private static final int READINGS_PER_MINUTE = 2;

    @Test
    void a_two_hour_streams_outage_with_ingest_running_loses_no_aggregate() throws Exception {
        // Given two areas of three stations each (names of this run only, so other tests' readings on the shared
        // telemetry topic cannot add to them), and a database of its own
        String run = SharedServers.uniqueName("outage");
        DeviceRegistry registry = DeviceRegistry.builtIn();
        List<String> areas = List.of(run + "-a", run + "-b");
        List<Device> stations = new ArrayList<>();
        for (String area : areas) {
            registry = registry.withArea(new Area(area, "Phường " + area, 10.03, 105.77));
            for (int i = 1; i <= STATIONS_PER_AREA; i++) {
                Device station = new Device(
                        area + "-aq-" + i,
                        "Trạm " + i,
                        "air_station",
                        Domain.ENVIRONMENT,
                        area,
                        10.03,
                        105.77,
                        "so-tnmt",
                        List.of("pm25"));
                registry = registry.withDevice(station);
                stations.add(station);
            }
        }
        SERVERS.ensureTopics();

        // When the stations publish for two hours while the aggregation is not running
        Instant start = Instant.now().minus(Duration.ofMinutes(MINUTES + 1)).truncatedTo(ChronoUnit.MINUTES);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int second = 0; second < MINUTES * 60; second += 60 / READINGS_PER_MINUTE) {
                Instant ts = start.plusSeconds(second);
                for (int s = 0; s < stations.size(); s++) {
                    Reading reading = new Reading(
                            Reading.SCHEMA_VERSION,
                            stations.get(s).id(),
                            ts,
                            Map.of("pm25", 10.0 * (s + 1)),
                            ts.plusMillis(50),
                            "test");
                    producer.send(Topics.TELEMETRY.record(reading.deviceId(), reading));
                }
            }
            producer.flush();
        }

        // and it comes back with the default grace
        Duration grace = StreamsSettings.AGGREGATE_GRACE.parser().apply(StreamsSettings.AGGREGATE_GRACE.defaultValue());
        Path stateDir = WorkDirectories.temporary("streams-outage");
        DeviceRegistry stationsRegistry = registry;
        try (Database database = Database.open(
                        SERVERS.freshSchemaUrl("streams_outage"), SERVERS.dbUser(), SERVERS.dbPassword(), 2);
                StreamsRunner streams = new StreamsRunner(
                        AggregationTopology.build(() -> stationsRegistry, grace, grace),
                        StreamsRunner.properties(run, SERVERS.kafkaBootstrap(), stateDir, 1, 1));
                KafkaToDatabase<Aggregate> sink = DatabaseSinks.aggregates(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), run + "-sink", Duration.ofMillis(500)),
                        database.dataSource())) {
            streams.start();
            sink.start();

            // Then every station has every minute with both readings, and every area every minute with all six
            List<String> entities = new ArrayList<>(areas);
            stations.forEach(station -> entities.add(station.id()));
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        assertThat(totals(database, "device", entities))
                                .containsExactly(
                                        (long) stations.size() * MINUTES,
                                        (long) stations.size() * MINUTES * READINGS_PER_MINUTE);
                        assertThat(totals(database, "area", entities))
                                .containsExactly(
                                        (long) areas.size() * MINUTES,
                                        (long) stations.size() * MINUTES * READINGS_PER_MINUTE);
                    });
            assertThat(minMaxSampleCount(database, "area", entities))
                    .containsExactly(
                            (long) STATIONS_PER_AREA * READINGS_PER_MINUTE,
                            (long) STATIONS_PER_AREA * READINGS_PER_MINUTE);
        }
    }

    /** Rows and readings counted for {@code scope} rows of {@code entities}. */
    private static List<Long> totals(Database database, String scope, List<String> entities) throws Exception {
        return query(
                database,
                "SELECT count(*), coalesce(sum(sample_count), 0) FROM metric_agg_1m "
                        + "WHERE scope = ? AND metric = 'pm25' AND entity_id = ANY (?)",
                scope,
                entities);
    }

    private static List<Long> minMaxSampleCount(Database database, String scope, List<String> entities)
            throws Exception {
        return query(
                database,
                "SELECT min(sample_count), max(sample_count) FROM metric_agg_1m "
                        + "WHERE scope = ? AND metric = 'pm25' AND entity_id = ANY (?)",
                scope,
                entities);
    }

    private static List<Long> query(Database database, String sql, String scope, List<String> entities)
            throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, scope);
            statement.setArray(2, connection.createArrayOf("text", entities.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2));
            }
        }
    }
}
