package vn.cantho.ioc.streams.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.AggregateQuery;
import vn.cantho.ioc.store.AggregateRow;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Two instances of the aggregation application share the telemetry partitions; when one stops, the
 * other takes its tasks over and rebuilds their window state from the changelog (it has no local copy),
 * so the stored 1-minute aggregates come out exactly as one instance alone would have made them.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StreamsTakeoverIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final Duration GRACE = Duration.ofMinutes(10);
    /**
     * The topic is shared with the other tests of this module, and this application reads it from the
     * beginning: a metric none of them sends keeps their readings out of this test's counts.
     */
    private static final String METRIC = "so2";

    private static final DeviceRegistry REGISTRY = DeviceRegistry.builtIn();

    private static Database database;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void given_topics_and_a_migrated_database() {
        SERVERS.ensureTopics();
        database = Database.open(SERVERS.jdbcUrl(), SERVERS.dbUser(), SERVERS.dbPassword(), 4);
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
        database.close();
    }

    @Test
    void when_one_of_two_instances_stops_the_other_takes_over_its_windows_without_losing_counts() throws Exception {
        String appId = SharedServers.uniqueName("takeover");
        List<Device> stations = REGISTRY.devices().stream()
                .filter(d -> d.metrics().contains(METRIC))
                .toList();
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        try (KafkaToDatabase<Aggregate> sink = DatabaseSinks.aggregates(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), appId + "-sink", Duration.ofMillis(500)),
                        database.dataSource());
                StreamsRunner survivor = runner(appId);
                StreamsRunner leaving = runner(appId)) {
            sink.start();
            leaving.start();
            survivor.start();
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> leaving.state() == KafkaStreams.State.RUNNING
                            && survivor.state() == KafkaStreams.State.RUNNING);

            // Given both instances have aggregated the first half of the minute
            sendEach(stations, minute, 0, 10);
            awaitCounts(stations, minute, 10);

            // When one instance stops and the second half arrives
            leaving.close();
            sendEach(stations, minute, 10, 20);

            // Then every station's minute holds all 20 readings, as a single instance would have counted them
            awaitCounts(stations, minute, 20);
            for (Device station : stations) {
                AggregateRow row = row(station.id(), minute);
                assertThat(row.sum()).as(station.id()).isEqualTo(sumOfValues(0, 20));
                assertThat(row.max()).as(station.id()).isEqualTo(19.0);
            }
        }
    }

    private static StreamsRunner runner(String appId) throws Exception {
        Path stateDir = WorkDirectories.temporary("streams-takeover");
        return new StreamsRunner(
                AggregationTopology.build(REGISTRY, GRACE, GRACE),
                StreamsRunner.properties(appId, SERVERS.kafkaBootstrap(), stateDir, 1, 1));
    }

    /** Readings {@code from} (inclusive) to {@code to} (exclusive) per station; reading i has value i at second i. */
    private static void sendEach(List<Device> stations, Instant minute, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            for (Device station : stations) {
                Reading reading = new Reading(
                        Reading.SCHEMA_VERSION,
                        station.id(),
                        minute.plusSeconds(i),
                        Map.of(METRIC, (double) i),
                        Instant.now(),
                        "test");
                producer.send(Topics.TELEMETRY.record(station.id(), reading));
            }
        }
        producer.flush();
    }

    private static double sumOfValues(int from, int to) {
        return (from + to - 1) * (to - from) / 2.0;
    }

    private static void awaitCounts(List<Device> stations, Instant minute, long count) {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (Device station : stations) {
                assertThat(row(station.id(), minute))
                        .as(station.id())
                        .isNotNull()
                        .extracting(AggregateRow::count)
                        .isEqualTo(count);
            }
        });
    }

    private static AggregateRow row(String device, Instant bucket) {
        return new AggregateQueries(database.dataSource())
                        .find(AggregateQuery.of(METRIC)
                                .withScope(Scope.DEVICE)
                                .withEntityId(device)
                                .withRange(bucket, bucket.plusSeconds(60)))
                        .items()
                        .stream()
                        .findFirst()
                        .orElse(null);
    }
}
