package vn.cantho.ioc.ingest.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.ingest.mqtt.ReadingParser;
import vn.cantho.ioc.ingest.mqtt.TelemetryForwarder;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The journal's way into Kafka, with Kafka's own producer double: the checkpoint moves only past messages
 * Kafka stored, a refused record is sent again, and a restart resumes at the checkpoint.
 */
class JournalForwarderTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final String TOPIC = "ioc/v1/devices/aq-ninh-kieu-01/telemetry";

    @TempDir
    Path dir;

    @Test
    void the_checkpoint_moves_only_past_messages_kafka_has_stored() throws IOException {
        // Given three journalled readings and a producer that completes sends only when told
        MockProducer<byte[], byte[]> producer = producer(false);
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536);
                JournalForwarder forwarder = forwarder(journal, producer)) {
            for (int i = 0; i < 3; i++) {
                journal.append(TOPIC, reading(i), NOW);
            }
            forwarder.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> producer.history().size() == 3);

            // When Kafka confirms the first two
            producer.completeNext();
            producer.completeNext();

            // Then the backlog is the third message only, and it is all gone once Kafka confirms that one too
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> forwarder.backlogBytes() > 0 && forwarder.backlogBytes() < journal.end() / 2);
            producer.completeNext();
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarder.backlogBytes() == 0);
        }
    }

    @Test
    void a_message_kafka_refused_is_sent_again() throws IOException {
        MockProducer<byte[], byte[]> producer = producer(false);
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536);
                JournalForwarder forwarder = forwarder(journal, producer)) {
            journal.append(TOPIC, reading(7), NOW);
            forwarder.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> producer.history().size() == 1);

            // When Kafka refuses it
            producer.errorNext(new TimeoutException("broker away"));

            // Then it is sent again, and confirmed once stored
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> producer.history().size() == 2);
            assertThat(value(producer, 1).values()).containsEntry("pm25", 7.0);
            producer.completeNext();
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarder.backlogBytes() == 0);
        }
    }

    @Test
    void after_a_restart_only_what_was_not_confirmed_is_sent() throws IOException {
        // Given a run that forwarded and confirmed one message, then stopped
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536);
                JournalForwarder forwarder = forwarder(journal, producer(true))) {
            journal.append(TOPIC, reading(1), NOW);
            forwarder.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarder.backlogBytes() == 0);
        }
        // and a message accepted after it that no forwarder took
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536)) {
            journal.append(TOPIC, reading(2), NOW);
        }

        // When the next run starts
        MockProducer<byte[], byte[]> producer = producer(true);
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536);
                JournalForwarder forwarder = forwarder(journal, producer)) {
            forwarder.start();

            // Then it sends the second message only
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarder.backlogBytes() == 0);
            assertThat(producer.history()).hasSize(1);
            assertThat(value(producer, 0).values()).containsEntry("pm25", 2.0);
        }
    }

    private static JournalForwarder forwarder(IngestJournal journal, MockProducer<byte[], byte[]> producer) {
        return new JournalForwarder(
                journal,
                new TelemetryForwarder(
                        new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5)),
                        producer,
                        65536,
                        Clock.fixed(NOW, ZoneOffset.UTC)),
                Duration.ofSeconds(2));
    }

    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Reading value(MockProducer<byte[], byte[]> producer, int index) {
        return Topics.TELEMETRY
                .valueSerde()
                .deserializer()
                .deserialize(
                        Topics.TELEMETRY.name(), producer.history().get(index).value());
    }

    private static byte[] reading(int value) {
        return ("{\"ts\":\"" + NOW.minusSeconds(60) + "\",\"values\":{\"pm25\":" + value + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
