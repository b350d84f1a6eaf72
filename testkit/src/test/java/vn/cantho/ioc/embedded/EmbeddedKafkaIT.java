package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.testkit.SharedServers;

@Tag("kafka")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedKafkaIT {

    @TempDir
    static Path sharedDir;

    private static EmbeddedKafka shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSharedBroker() {
        shared = new EmbeddedKafka(sharedDir, 0, 0);
        shared.start();
    }

    @AfterAll
    static void stopSharedBroker() {
        shared.close();
    }

    @Test
    void a_created_topic_can_be_written_and_read() throws Exception {
        // Given
        String topic = SharedServers.uniqueName("plain");
        createTopic(shared.bootstrapServers(), topic);

        // When
        try (KafkaProducer<String, String> producer = producer(shared.bootstrapServers(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, "sensor-1", "42")).get(30, TimeUnit.SECONDS);
        }

        // Then
        assertThat(readAll(shared.bootstrapServers(), topic, "read_uncommitted", 1))
                .extracting(ConsumerRecord::value)
                .containsExactly("42");
    }

    @Test
    void a_transactional_producer_commits_with_replication_factor_one() throws Exception {
        // Given
        String topic = SharedServers.uniqueName("tx");
        createTopic(shared.bootstrapServers(), topic);

        // When
        try (KafkaProducer<String, String> producer = producer(
                shared.bootstrapServers(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, SharedServers.uniqueName("tx_id")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "1"));
            producer.send(new ProducerRecord<>(topic, "b", "2"));
            producer.commitTransaction();
        }

        // Then
        assertThat(readAll(shared.bootstrapServers(), topic, "read_committed", 2))
                .extracting(ConsumerRecord::value)
                .containsExactly("1", "2");
    }

    @Test
    void the_log_cleaner_compacts_a_topic_to_the_latest_value_per_key() throws Exception {
        // Given a compacted topic whose segments roll at once and are always worth cleaning
        String topic = SharedServers.uniqueName("compacted");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shared.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(
                                    "cleanup.policy", "compact",
                                    "segment.ms", "100",
                                    "min.cleanable.dirty.ratio", "0.01"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        // When three keys are each written 100 times, then one more record rolls the segment
        try (KafkaProducer<String, String> producer = producer(shared.bootstrapServers(), Map.of())) {
            for (int i = 0; i < 100; i++) {
                for (String key : List.of("a", "b", "c")) {
                    producer.send(new ProducerRecord<>(topic, key, key + i));
                }
            }
            producer.flush();
            Thread.sleep(200);
            producer.send(new ProducerRecord<>(topic, "roll", "x")).get(30, TimeUnit.SECONDS);
        }

        // Then the cleaner (every 15 s) leaves only the last value of each key
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(readAll(shared.bootstrapServers(), topic, "read_uncommitted", 4))
                        .extracting(ConsumerRecord::value)
                        .containsExactly("a99", "b99", "c99", "x"));
    }

    @Test
    void the_broker_runs_in_a_child_jvm_with_a_pid_file_and_a_small_log() throws IOException {
        // Given the shared broker
        // When
        long pid = shared.pid();

        // Then
        assertThat(Files.readString(sharedDir.resolve("kafka.pid"))).isEqualTo(Long.toString(pid));
        assertThat(Processes.commandLine(pid))
                .hasValueSatisfying(args -> assertThat(args).contains("kafka.Kafka"));
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Files.size(sharedDir.resolve("kafka.log"))).isLessThan(64 * 1024);
    }

    @Test
    void records_survive_a_broker_restart() throws Exception {
        // Given a broker on a fresh directory that has stored a record, then stopped
        String topic = SharedServers.uniqueName("durable");
        EmbeddedKafka first = new EmbeddedKafka(dir, 0, 0);
        first.start();
        try (first) {
            createTopic(first.bootstrapServers(), topic);
            try (KafkaProducer<String, String> producer = producer(first.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>(topic, "k", "before restart"))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(dir.resolve("kafka.pid")).doesNotExist();

        // When a new broker starts on the same directory (on new ports)
        try (EmbeddedKafka second = new EmbeddedKafka(dir, 0, 0)) {
            second.start();

            // Then the record is still there
            assertThat(readAll(second.bootstrapServers(), topic, "read_uncommitted", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before restart");
        }
    }

    @Test
    void a_broker_orphaned_by_a_killed_parent_is_stopped_at_the_next_start() throws Exception {
        // Given a broker whose parent JVM was killed with SIGKILL
        OrphanMaker.startAndKillParent("kafka", dir);
        long orphanPid = Processes.readPid(dir.resolve("kafka.pid")).orElseThrow();
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        assertThat(orphan.isAlive()).isTrue();

        // When a broker starts on the same directory
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0, 0)) {
            kafka.start();

            // Then the orphan is gone and the new broker works
            assertThat(Processes.isRunning(orphan)).isFalse();
            assertThat(kafka.pid()).isNotEqualTo(orphanPid);
            createTopic(kafka.bootstrapServers(), SharedServers.uniqueName("after_orphan"));
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void a_stale_pid_file_naming_an_unrelated_process_leaves_that_process_alone() throws Exception {
        // Given a pid file that names a live process which is not a broker
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kafka.pid"), Long.toString(unrelated.pid()));

            // When
            try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0, 0)) {
                kafka.start();

                // Then
                assertThat(unrelated.isAlive()).isTrue();
                assertThat(Files.readString(dir.resolve("kafka.pid"))).isEqualTo(Long.toString(kafka.pid()));
            }
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void a_broker_that_cannot_start_fails_with_the_end_of_its_log() throws IOException {
        // Given the client port is taken
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafka kafka = new EmbeddedKafka(dir, taken.getLocalPort(), 0);

            // When / Then
            assertThatThrownBy(kafka::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kafka.log")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
            assertThat(dir.resolve("kafka.pid")).doesNotExist();
        }
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return new KafkaProducer<>(config);
    }

    private static List<ConsumerRecord<String, String>> readAll(
            String bootstrap, String topic, String isolation, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                SharedServers.uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
