package vn.cantho.ioc.streams.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.indicator.FloodAlertLevels;
import vn.cantho.ioc.streams.indicator.IndicatorOptions;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.streams.runtime.StreamsSettings;
import vn.cantho.ioc.streams.telemetry.TelemetryTopology;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * A station's datalogger uploads four hours of buffered readings after its neighbour's live ones, through real Kafka
 * Streams (the telemetry application with its default graces) and a real database: its 1-minute aggregates, its
 * area's, and its hourly VN_AQI are stored exactly as for a twin pair of stations whose identical readings arrived
 * live, interleaved.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BufferedUploadIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final int HOURS = 4;
    private static final int STEP_MINUTES = 5;

    @Test
    void a_station_uploading_four_hours_after_its_neighbour_gets_the_aggregates_and_aqi_of_a_live_upload()
            throws Exception {
        // Given two areas of two stations each: the "live" pair publishes interleaved as it measures, the
        // "buffered" pair publishes the same values, but its first station only after the other's four hours
        String run = SharedServers.uniqueName("buffered");
        DeviceRegistry registry = DeviceRegistry.builtIn();
        for (String pair : List.of("live", "buffered")) {
            registry = registry.withArea(new Area(run + "-" + pair, "Phường " + pair, 10.03, 105.77));
            for (int s = 1; s <= 2; s++) {
                registry = registry.withDevice(new Device(
                        station(run, pair, s),
                        "Trạm " + s,
                        "air_station",
                        Domain.ENVIRONMENT,
                        run + "-" + pair,
                        10.03,
                        105.77,
                        "so-tnmt",
                        List.of("pm25")));
            }
        }
        SERVERS.ensureTopics();
        Instant start = Instant.now().minus(Duration.ofHours(HOURS + 1)).truncatedTo(ChronoUnit.HOURS);
        List<Reading> live = new ArrayList<>();
        List<Reading> neighbour = new ArrayList<>();
        List<Reading> buffered = new ArrayList<>();
        for (int minute = 0; minute < HOURS * 60; minute += STEP_MINUTES) {
            for (int s = 1; s <= 2; s++) {
                // The second station half a minute later: an area's "last" of two readings at one instant would
                // depend on which arrived first.
                Instant ts = start.plus(Duration.ofMinutes(minute)).plusSeconds(30L * (s - 1));
                double pm25 = 10 + (minute % 90) / 4.0 + s;
                live.add(reading(station(run, "live", s), ts, pm25));
                (s == 1 ? buffered : neighbour).add(reading(station(run, "buffered", s), ts, pm25));
            }
        }
        List<Reading> published = new ArrayList<>(live);
        published.addAll(neighbour);
        published.addAll(buffered);
        publish(published);

        // When the telemetry application and the two sinks run with the hub's default graces
        Duration grace = StreamsSettings.AGGREGATE_GRACE.parser().apply(StreamsSettings.AGGREGATE_GRACE.defaultValue());
        Duration indicatorGrace =
                StreamsSettings.INDICATOR_GRACE.parser().apply(StreamsSettings.INDICATOR_GRACE.defaultValue());
        DeviceRegistry devices = registry;
        try (Database database = Database.open(
                        SERVERS.freshSchemaUrl("buffered_upload"), SERVERS.dbUser(), SERVERS.dbPassword(), 3);
                StreamsRunner streams = new StreamsRunner(
                        TelemetryTopology.build(
                                () -> devices,
                                IndicatorRegistry.builtIn(),
                                grace,
                                grace,
                                new IndicatorOptions(indicatorGrace, FloodAlertLevels.CAN_THO)),
                        StreamsRunner.properties(run, SERVERS.kafkaBootstrap(), WorkDirectories.temporary(run), 1, 1));
                KafkaToDatabase<?> aggregates = DatabaseSinks.aggregates(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), run + "-aggregates", Duration.ofMillis(500)),
                        database.dataSource());
                KafkaToDatabase<?> indicators = DatabaseSinks.indicators(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), run + "-indicators", Duration.ofMillis(500)),
                        database.dataSource())) {
            streams.start();
            aggregates.start();
            indicators.start();

            // Then every minute of both pairs and both areas is stored with all its readings, and the buffered pair's
            // minutes and VN_AQI are the live pair's
            long readingsPerPair = 2L * HOURS * 60 / STEP_MINUTES;
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        assertThat(sampleCount(database, run + "-live")).isEqualTo(readingsPerPair);
                        assertThat(sampleCount(database, run + "-buffered")).isEqualTo(readingsPerPair);
                        assertThat(hourlyAqi(database, run, "buffered")).hasSize(HOURS - 1);
                    });
            assertThat(aggregates(database, run, "buffered"))
                    // a row per device minute of each station, and one per area minute
                    .hasSize(3 * HOURS * 60 / STEP_MINUTES)
                    .isEqualTo(aggregates(database, run, "live"));
            assertThat(hourlyAqi(database, run, "buffered")).isEqualTo(hourlyAqi(database, run, "live"));
        }
    }

    private static String station(String run, String pair, int s) {
        return run + "-" + pair + "-aq-" + s;
    }

    private static Reading reading(String device, Instant ts, double pm25) {
        return new Reading(Reading.SCHEMA_VERSION, device, ts, Map.of("pm25", pm25), ts.plusMillis(50), "test");
    }

    private static void publish(List<Reading> readings) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            readings.forEach(reading -> producer.send(Topics.TELEMETRY.record(reading.deviceId(), reading)));
            producer.flush();
        }
    }

    /** Readings counted in the area's minutes. */
    private static long sampleCount(Database database, String area) throws Exception {
        List<String> rows = query(
                database,
                "SELECT coalesce(sum(sample_count), 0) FROM metric_agg_1m WHERE scope = 'area' AND entity_id = ?",
                area);
        return Long.parseLong(rows.get(0));
    }

    /** The pair's device and area minutes, entity ids without the pair's name, in one order. */
    private static List<String> aggregates(Database database, String run, String pair) throws Exception {
        return query(
                database,
                "SELECT scope || ' ' || replace(entity_id, ?, '') || ' ' || bucket || ' ' || sample_count || ' '"
                        + " || sum_value || ' ' || min_value || ' ' || max_value || ' ' || last_value"
                        + " FROM metric_agg_1m WHERE entity_id LIKE ? ORDER BY scope, entity_id, bucket",
                run + "-" + pair,
                run + "-" + pair + "%");
    }

    /**
     * The pair's first station's hourly VN_AQI: hour, value and attributes. Not {@code computed_at}: it is the
     * station's progress when the coalesced change was passed on, which depends on where the wall-clock emissions
     * fell in the burst of readings (docs/vn-aqi.md, "Updates, not final values"), live or buffered alike.
     */
    private static List<String> hourlyAqi(Database database, String run, String pair) throws Exception {
        return query(
                database,
                "SELECT period_start || ' ' || value || ' ' || attributes::text"
                        + " FROM indicator_values WHERE indicator = 'vn_aqi_hourly' AND entity_id = ?"
                        + " ORDER BY period_start",
                station(run, pair, 1));
    }

    private static List<String> query(Database database, String sql, String... parameters) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
