package vn.cantho.ioc.sink.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.embedded.FreePorts;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.JsonSerde;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.store.BatchWrite;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.SharedServers;
import vn.cantho.ioc.testkit.SqlRows;

/**
 * The loop on the real Kafka and a real PostgreSQL of its own (so the database can be stopped): offsets are
 * committed only after the write, a batch is written once when the database is back, and a record that can never
 * be written is dead-lettered while the rest of its batch is stored. The test table has no key and the writer
 * plain INSERTs, so a record written twice would show as two rows.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KafkaToDatabaseIT {

    /** The test's value type: a note needs an id. */
    record Note(String id, String text) {}

    private static final SharedServers SERVERS = SharedServers.get();
    private static EmbeddedDatabase postgres;
    private static Database database;
    private static Admin admin;
    private static KafkaProducer<byte[], byte[]> producer;
    private static PrometheusMeterRegistry meters;

    @BeforeAll
    static void start() throws Exception {
        postgres = new EmbeddedDatabase(WorkDirectories.temporary("loop-it-db"), FreePorts.pick());
        postgres.start();
        database = Database.open(postgres.jdbcUrl(), postgres.user(), postgres.password(), 2);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()));
        new TopicProvisioner(admin, (short) 1).ensure(List.of(Topics.DEAD_LETTER));
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SERVERS.kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(meters);
    }

    @AfterAll
    static void stop() {
        Metrics.removeRegistry(meters);
        meters.close();
        producer.close();
        admin.close();
        database.close();
        postgres.close();
    }

    @Test
    void offsets_are_not_committed_while_the_database_is_down_and_the_batch_is_written_once_when_it_is_back()
            throws Exception {
        // Given a loop that has stored five notes
        Topic<String, Note> topic = newTopic("loop-outage");
        String table = newTable();
        String group = SharedServers.uniqueName("loop-outage");
        try (KafkaToDatabase<Note> loop = loop(topic, group, table)) {
            loop.start();
            publish(topic, 0, 5);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(table) == 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(group, topic) == 5);

            // When the database stops and five more notes arrive
            postgres.close();
            publish(topic, 5, 10);

            // Then the loop reports the failing write, retries, and does not move its offsets past the batch
            await().atMost(Duration.ofSeconds(60)).until(() -> !loop.check().up());
            assertThat(loop.check().detail()).startsWith("database write failing, retrying: ");
            await().atMost(Duration.ofSeconds(30)).until(() -> retries(group) >= 2);
            assertThat(committed(group, topic)).isEqualTo(5);

            // When the database is back on the same port and data
            postgres.start();

            // Then the batch is written once, the offsets move on and the loop is up again
            await().atMost(Duration.ofSeconds(90)).until(() -> committed(group, topic) == 10);
            assertThat(count(table)).isEqualTo(10);
            assertThat(distinctIds(table)).isEqualTo(10);
            assertThat(loop.check().up()).isTrue();
            assertThat(loop.check().detail()).isEqualTo("10 rows written from " + topic.name());
            assertThat(rowsWritten(group)).isEqualTo(10.0);
        }
    }

    @Test
    void a_record_that_can_never_be_written_is_dead_lettered_and_the_rest_of_its_batch_is_stored() throws Exception {
        // Given a good note, bytes that are not JSON, a note without its id and another good note, in that order
        Topic<String, Note> topic = newTopic("loop-poison");
        String table = newTable();
        String group = SharedServers.uniqueName("loop-poison");
        send(topic, json(new Note("n-1", "before")));
        send(topic, "{not json".getBytes(StandardCharsets.UTF_8));
        byte[] withoutId = json(new Note(null, "no id"));
        send(topic, withoutId);
        send(topic, json(new Note("n-2", "after")));

        // When the loop reads them
        try (KafkaToDatabase<Note> loop = loop(topic, group, table);
                KafkaTail<DeadLetter> deadLetters = new KafkaTail<>(SERVERS.kafkaBootstrap(), Topics.DEAD_LETTER)) {
            loop.start();

            // Then both good notes are stored and all four offsets are committed
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(group, topic) == 4);
            assertThat(texts(table)).containsExactly("after", "before");

            // And the two bad records are on the dead-letter topic with their reason, bytes and position
            List<DeadLetter> ours =
                    deadLetters.valuesUpToEnd(l -> l.source().startsWith("kafka/" + topic.name() + "/"));
            assertThat(ours).hasSize(2);
            assertThat(ours).anySatisfy(l -> {
                assertThat(l.source()).isEqualTo("kafka/" + topic.name() + "/partition/0/offset/1");
                assertThat(l.reason()).isEqualTo(DeadLetterReason.BAD_JSON);
                assertThat(l.payload()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
            });
            assertThat(ours).anySatisfy(l -> {
                assertThat(l.source()).isEqualTo("kafka/" + topic.name() + "/partition/0/offset/2");
                assertThat(l.reason()).isEqualTo(DeadLetterReason.BAD_PAYLOAD);
                assertThat(l.detail()).isEqualTo("note without an id");
                assertThat(l.payload()).isEqualTo(withoutId);
            });

            // And the loop keeps running, counts them in its health and its meters
            assertThat(loop.check().up()).isTrue();
            assertThat(loop.check().detail())
                    .isEqualTo("2 rows written from " + topic.name() + "; 2 unusable records dead-lettered");
            assertThat(meters.scrape())
                    .contains("ioc_sink_dead_letters_total{group=\"" + group + "\",reason=\"BAD_JSON\",sink=\""
                            + topic.name() + "\"} 1.0")
                    .contains("ioc_sink_dead_letters_total{group=\"" + group + "\",reason=\"BAD_PAYLOAD\",sink=\""
                            + topic.name() + "\"} 1.0")
                    .contains("ioc_kafka_consumer_lag_records{group=\"" + group + "\"}");
        }
        // And once closed, its gauges are gone, so a restarted loop registers fresh ones
        assertThat(meters.scrape()).doesNotContain("ioc_kafka_consumer_lag_records{group=\"" + group + "\"}");
    }

    private static KafkaToDatabase<Note> loop(Topic<String, Note> topic, String group, String table) {
        RecordReader<Note> reader = RecordReader.of(topic, "note", n -> n.id() == null ? "note without an id" : null);
        return KafkaToDatabase.sink(
                reader,
                LoopOptions.sink(SERVERS.kafkaBootstrap(), group, Duration.ofMillis(500)),
                batch -> BatchWrite.execute(
                        database.dataSource(),
                        "INSERT INTO " + table + " (id, text) VALUES (?, ?)",
                        batch,
                        (statement, note) -> {
                            statement.setString(1, note.id());
                            statement.setString(2, note.text());
                        },
                        "inserting " + batch.size() + " notes"));
    }

    /** A one-partition topic of notes, so offsets and dead-letter positions are predictable. */
    private static Topic<String, Note> newTopic(String prefix) throws Exception {
        String name = SharedServers.uniqueName(prefix);
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        return new Topic<>(name, Serdes.String(), new JsonSerde<>(Note.class), 1, false);
    }

    private static String newTable() throws Exception {
        String table = SharedServers.uniqueName("loop_notes");
        execute("CREATE TABLE " + table + " (id text, text text)");
        return table;
    }

    private static void publish(Topic<String, Note> topic, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            send(topic, json(new Note("n-" + i, "note " + i)));
        }
    }

    private static void send(Topic<String, Note> topic, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), value)).get();
    }

    private static byte[] json(Note note) throws Exception {
        return Json.mapper().writeValueAsBytes(note);
    }

    private static long committed(String group, Topic<?, ?> topic) throws Exception {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return offsets.values().stream()
                .filter(o -> o != null)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    private static double retries(String group) {
        return meters.get(StageMeters.SINK_RETRIES)
                .tag("group", group)
                .functionCounter()
                .count();
    }

    private static double rowsWritten(String group) {
        return meters.get(StageMeters.SINK_ROWS).tag("group", group).counter().count();
    }

    private static long count(String table) throws Exception {
        return Long.parseLong(strings("SELECT count(*) FROM " + table).get(0));
    }

    private static long distinctIds(String table) throws Exception {
        return Long.parseLong(strings("SELECT count(DISTINCT id) FROM " + table).get(0));
    }

    private static List<String> texts(String table) throws Exception {
        return strings("SELECT text FROM " + table + " ORDER BY text");
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws Exception {
        return SqlRows.strings(database.dataSource(), sql);
    }
}
