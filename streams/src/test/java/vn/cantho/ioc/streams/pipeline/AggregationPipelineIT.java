package vn.cantho.ioc.streams.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.sink.loop.RecordReader;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.AggregateQuery;
import vn.cantho.ioc.store.AggregateRow;
import vn.cantho.ioc.store.AggregateWriter;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.SharedServers;

/** Readings in Kafka become 1-minute aggregates in PostgreSQL, through real Kafka Streams and a real database. */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AggregationPipelineIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final String DEVICE = "aq-phong-dien-01";
    private static final Duration GRACE = Duration.ofMinutes(10);

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
    void aggregates_reach_the_database_through_an_outage_and_state_survives_a_restart() throws Exception {
        String appId = SharedServers.uniqueName("streams");
        Path stateDir = WorkDirectories.temporary("streams-state");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        AggregateWriter realWriter = new AggregateWriter(database.dataSource());
        AtomicInteger outageAttempts = new AtomicInteger(3);

        try (StreamsRunner streams = runner(appId, stateDir);
                KafkaToDatabase<Aggregate> sink = KafkaToDatabase.sink(
                        RecordReader.of(Topics.AGGREGATES_1M, "aggregate"),
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), appId + "-sink", Duration.ofMillis(500)),
                        batch -> {
                            if (outageAttempts.getAndDecrement() > 0) {
                                throw new java.sql.SQLTransientConnectionException("database is down (simulated)");
                            }
                            return realWriter.upsert(batch);
                        })) {
            streams.start();
            sink.start();

            send(minute.plusSeconds(1), 10.0);
            send(minute.plusSeconds(2), 20.0);
            send(minute.plusSeconds(3), 60.0);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(row(Scope.DEVICE, DEVICE, minute)).hasValueSatisfying(device -> {
                    assertThat(device.count()).isEqualTo(3);
                    assertThat(device.avg()).isEqualTo(30.0);
                    assertThat(device.max()).isEqualTo(60.0);
                });
                assertThat(row(Scope.AREA, "phong-dien", minute))
                        .hasValueSatisfying(area -> assertThat(area.count()).isEqualTo(3));
            });
            assertThat(outageAttempts.get()).isNegative();
            assertThat(sink.check().up()).isTrue();
        }

        try (StreamsRunner restarted = runner(appId, stateDir);
                KafkaToDatabase<Aggregate> sink = DatabaseSinks.aggregates(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), appId + "-sink", Duration.ofMillis(500)),
                        database.dataSource())) {
            restarted.start();
            sink.start();

            send(minute.plusSeconds(4), 30.0);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(row(Scope.DEVICE, DEVICE, minute))
                    .hasValueSatisfying(device -> {
                        assertThat(device.count()).isEqualTo(4);
                        assertThat(device.sum()).isEqualTo(120.0);
                    }));
        }
    }

    private static StreamsRunner runner(String appId, Path stateDir) {
        return new StreamsRunner(
                AggregationTopology.build(DeviceRegistry.builtIn(), GRACE, GRACE),
                StreamsRunner.properties(appId, SERVERS.kafkaBootstrap(), stateDir, 1, 1));
    }

    private static void send(Instant ts, double pm25) throws Exception {
        Reading reading = new Reading(Reading.SCHEMA_VERSION, DEVICE, ts, Map.of("pm25", pm25), Instant.now(), "test");
        producer.send(Topics.TELEMETRY.record(DEVICE, reading)).get();
    }

    private static Optional<AggregateRow> row(Scope scope, String entity, Instant bucket) {
        List<AggregateRow> rows = new AggregateQueries(database.dataSource())
                .find(AggregateQuery.of("pm25")
                        .withScope(scope)
                        .withEntityId(entity)
                        .withRange(bucket, bucket.plusSeconds(60)))
                .items();
        return rows.stream().findFirst();
    }
}
