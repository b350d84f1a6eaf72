package vn.cantho.ioc.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The hand-over of MQTT messages to Kafka without a broker: a message is reported stored (and so
 * acknowledged to its sender) only once Kafka has acknowledged every record made of it.
 */
class TelemetryForwarderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:30Z");
    private static final String TOPIC = TelemetryTopic.of("wl-can-tho");
    /** A SenML pack with three timestamps: three readings. */
    private static final String PACK = """
            [{"bn":"urn:dev:ioc:wl-can-tho:","bt":%d,"bu":"m","n":"water_level","v":1.61,"t":-600},
             {"n":"water_level","v":1.65,"t":-300},
             {"n":"water_level","v":1.70}]""".formatted(NOW.getEpochSecond());

    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final TelemetryForwarder.Handover handover = new TelemetryForwarder.Handover() {
        @Override
        public void stored() {
            acks.incrementAndGet();
        }

        @Override
        public void failed(Exception cause) {
            failures.incrementAndGet();
        }
    };
    private MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());

    @Test
    void a_senml_pack_is_acknowledged_only_after_kafka_stored_all_its_readings() {
        TelemetryForwarder forwarder = forwarder();

        forwarder.forward(TOPIC, bytes(PACK), handover);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).hasSize(3).allMatch(r -> r.topic().equals(Topics.TELEMETRY.name()));
        assertThat(sent)
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsOnly("wl-can-tho");
        assertThat(sent).extracting(r -> reading(r).values().get("water_level")).containsExactly(1.61, 1.65, 1.70);
        assertThat(producer.completeNext()).isTrue();
        assertThat(producer.completeNext()).isTrue();
        assertThat(acks).hasValue(0);
        assertThat(forwarder.stats().forwarded()).isZero();

        assertThat(producer.completeNext()).isTrue();

        assertThat(acks).hasValue(1);
        assertThat(forwarder.stats().forwarded()).isEqualTo(1);
        assertThat(forwarder.stats().readingsForwarded()).isEqualTo(3);
        assertThat(forwarder.stats().sendFailures()).isZero();
    }

    @Test
    void a_pack_of_which_kafka_refuses_one_reading_stays_unacknowledged_for_redelivery() {
        TelemetryForwarder forwarder = forwarder();

        forwarder.forward(TOPIC, bytes(PACK), handover);

        assertThat(producer.completeNext()).isTrue();
        assertThat(producer.errorNext(new TimeoutException("broker away"))).isTrue();
        assertThat(producer.completeNext()).isTrue();
        assertThat(acks).hasValue(0);
        assertThat(failures).hasValue(1);
        assertThat(forwarder.stats().sendFailures()).isEqualTo(1);
        assertThat(forwarder.stats().forwarded()).isZero();
    }

    @Test
    void a_send_that_throws_midway_leaves_the_message_unacknowledged() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
            private int sends;

            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                if (++sends == 2) {
                    throw new IllegalStateException("producer closed");
                }
                return super.send(record, callback);
            }
        };
        TelemetryForwarder forwarder = forwarder();

        forwarder.forward(TOPIC, bytes(PACK), handover);

        assertThat(producer.history()).hasSize(1);
        assertThat(acks).hasValue(0);
        assertThat(failures).hasValue(1);
        assertThat(forwarder.stats().sendFailures()).isEqualTo(1);
    }

    @Test
    void a_compact_message_is_one_reading_and_a_rejected_one_one_dead_letter() {
        TelemetryForwarder forwarder = forwarder();

        forwarder.forward(TOPIC, bytes("{\"values\":{\"water_level\":1.2}}"), handover);
        forwarder.forward(TOPIC, bytes("[{\"n\":\"water_level\",\"u\":\"cm\",\"v\":120}]"), handover);

        assertThat(producer.history())
                .extracting(ProducerRecord::topic)
                .containsExactly(Topics.TELEMETRY.name(), Topics.DEAD_LETTER.name());
        DeadLetter letter = Topics.DEAD_LETTER
                .valueSerde()
                .deserializer()
                .deserialize(
                        Topics.DEAD_LETTER.name(), producer.history().get(1).value());
        assertThat(letter.reason()).isEqualTo(DeadLetterReason.BAD_UNIT);
        assertThat(producer.completeNext()).isTrue();
        assertThat(producer.completeNext()).isTrue();
        assertThat(acks).hasValue(2);
        assertThat(forwarder.stats().forwarded()).isEqualTo(1);
        assertThat(forwarder.stats().readingsForwarded()).isEqualTo(1);
        assertThat(forwarder.stats().deadLettered(DeadLetterReason.BAD_UNIT)).isEqualTo(1);
    }

    private TelemetryForwarder forwarder() {
        return new TelemetryForwarder(
                new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5)),
                producer,
                65536,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Reading reading(ProducerRecord<byte[], byte[]> record) {
        return Topics.TELEMETRY.valueSerde().deserializer().deserialize(Topics.TELEMETRY.name(), record.value());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
