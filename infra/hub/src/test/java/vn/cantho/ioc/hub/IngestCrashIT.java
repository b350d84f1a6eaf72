package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.ingest.IngestMain;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.simulator.MqttPublisher;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.AggregateQuery;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.ChildJvm;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The "nothing lost, nothing doubled" bar for sensors on an external broker: the ingest stage runs as its own process and is
 * killed with SIGKILL while a device keeps publishing; afterwards every published reading is counted
 * exactly once in the stored aggregates and every bad message is in the dead-letter topic. (One of two ingest
 * instances sharing a subscription killed under load is a fault drill: {@link HubFaultDrillIT}.)
 */
@Tag("drill")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class IngestCrashIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final String DEVICE = "aq-vinh-thanh-01";
    private static final int MESSAGES = 6_000;
    private static final int BAD_EVERY = 100;

    @Test
    void killing_ingest_mid_stream_loses_nothing_and_counts_nothing_twice() throws Exception {
        String runId = SharedServers.uniqueName("crash");
        SERVERS.ensureTopics();
        Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        Path workDir = WorkDirectories.temporary("ingest-crash");

        try (Database database = Database.open(SERVERS.jdbcUrl(), SERVERS.dbUser(), SERVERS.dbPassword(), 4);
                StreamsRunner streams = new StreamsRunner(
                        AggregationTopology.build(
                                DeviceRegistry.builtIn(), Duration.ofMinutes(30), Duration.ofHours(1)),
                        StreamsRunner.properties(runId, SERVERS.kafkaBootstrap(), workDir.resolve("state"), 1, 1));
                KafkaToDatabase<Aggregate> sink = DatabaseSinks.aggregates(
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), runId + "-sink", Duration.ofSeconds(1)),
                        database.dataSource());
                MqttPublisher device = new MqttPublisher(SERVERS.mqttUrl(), SharedServers.uniqueName("sensor"))) {
            streams.start();
            sink.start();
            Process ingest = startIngest(runId, workDir.resolve("ingest-1.log"));
            try {
                int bad = 0;
                for (int i = 0; i < MESSAGES; i++) {
                    if (i == MESSAGES / 3) {
                        ingest.destroyForcibly().waitFor();
                        ingest = startIngest(runId, workDir.resolve("ingest-2.log"));
                    }
                    if (i % BAD_EVERY == 0) {
                        device.publish(TelemetryTopic.of(DEVICE), "{broken " + runId + " " + i);
                        bad++;
                    } else {
                        device.publish(
                                TelemetryTopic.of(DEVICE),
                                "{\"ts\":\"" + base.plusMillis(10L * i) + "\",\"values\":{\"pm25\":1.0}}");
                    }
                    if (i % 200 == 0) {
                        Thread.sleep(40); // a steady device stream (~5k msg/s), so the kill lands mid-stream
                    }
                }
                long good = MESSAGES - bad;
                await().atMost(Duration.ofMinutes(2)).until(() -> device.acknowledged() >= MESSAGES);

                Instant to = base.plusMillis(10L * MESSAGES).plusSeconds(60);
                AggregateQueries queries = new AggregateQueries(database.dataSource());
                int badCount = bad;
                await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
                    assertThat(storedCount(queries, base, to)).isEqualTo(good);
                    // Distinct payloads: a bad message redelivered after the kill is dead-lettered again, and
                    // dead letters are not deduplicated (each records one delivery).
                    assertThat(distinctDeadLetters(runId)).isEqualTo(badCount);
                });
                long inKafka = count(
                        Topics.TELEMETRY,
                        r -> r.deviceId().equals(DEVICE) && !r.ts().isBefore(base) && r.ts().isBefore(to));
                System.out.printf(
                        "ingest crash: published %d (%d bad), telemetry records %d (redelivered"
                                + " duplicates %d), stored count %d%n",
                        MESSAGES, badCount, inKafka, inKafka - good, good);
                assertThat(inKafka).isGreaterThanOrEqualTo(good);
            } finally {
                ingest.destroy();
                ingest.waitFor();
            }
        }
    }

    private static Process startIngest(String clientId, Path log) throws Exception {
        ProcessBuilder builder = ChildJvm.of("256m", IngestMain.class, log, List.of());
        builder.environment().put("MQTT_URL", SERVERS.mqttUrl());
        builder.environment().put("KAFKA_BOOTSTRAP", SERVERS.kafkaBootstrap());
        builder.environment().put("INGEST_CLIENT_ID", clientId);
        Process process = builder.start();
        ChildJvm.awaitOutput(process, log, "ingest bridge running", Duration.ofSeconds(60));
        return process;
    }

    private static long storedCount(AggregateQueries queries, Instant from, Instant to) {
        return queries
                .find(AggregateQuery.of("pm25")
                        .withScope(Scope.DEVICE)
                        .withEntityId(DEVICE)
                        .withRange(from, to)
                        .withLimit(1000))
                .items()
                .stream()
                .mapToLong(row -> row.count())
                .sum();
    }

    private static long distinctDeadLetters(String runId) {
        java.util.Set<String> payloads = new java.util.HashSet<>();
        count(Topics.DEAD_LETTER, letter -> {
            String payload = new String(letter.payload(), StandardCharsets.UTF_8);
            return payload.contains(runId) && payloads.add(payload);
        });
        return payloads.size();
    }

    private static <V> long count(Topic<String, V> topic, java.util.function.Predicate<V> filter) {
        try (KafkaTail<V> tail = new KafkaTail<>(SERVERS.kafkaBootstrap(), topic)) {
            return tail.valuesUpToEnd(filter).size();
        }
    }
}
