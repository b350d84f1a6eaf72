package vn.cantho.ioc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.sink.loop.RecordReader;
import vn.cantho.ioc.store.AggregateWriter;
import vn.cantho.ioc.store.indicator.IndicatorWriter;

/** The aggregate and indicator sinks dead-letter what their table can never take, instead of retrying it for ever. */
class DatabaseSinksTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void an_aggregate_without_its_entity_is_a_bad_payload_dead_letter_and_a_complete_one_passes() {
        // Given the aggregate sink's reader and two aggregates, one without its entity id
        RecordReader<Aggregate> reader = RecordReader.of(Topics.AGGREGATES_1M, "aggregate", AggregateWriter::problem);
        Aggregate good = aggregate("aq-1");
        Aggregate noEntity = aggregate(null);

        // When a batch of both is read
        RecordReader.Read<Aggregate> read =
                reader.read(List.of(record(Topics.AGGREGATES_1M, 0, good), record(Topics.AGGREGATES_1M, 1, noEntity)));

        // Then the complete one is to be written and the other is a dead letter saying what is missing
        assertThat(read.values()).containsExactly(good);
        DeadLetter letter = read.deadLetters().get(0);
        assertThat(letter.reason()).isEqualTo(DeadLetterReason.BAD_PAYLOAD);
        assertThat(letter.detail())
                .isEqualTo("aggregate lacks scope, entityId, metric, domain, windowStart or windowEnd");
        assertThat(letter.source()).isEqualTo("kafka/ioc.aggregates.1m.v1/partition/0/offset/1");
    }

    @Test
    void an_indicator_that_is_not_finite_is_a_bad_payload_dead_letter() {
        // Given the indicator sink's reader and a value that is not finite
        RecordReader<Indicator> reader = RecordReader.of(Topics.INDICATORS, "indicator", IndicatorWriter::problem);
        Indicator infinite = new Indicator(
                Indicator.SCHEMA_VERSION,
                "vn_aqi_hourly",
                Scope.DEVICE,
                "aq-1",
                "environment",
                null,
                Granularity.HOUR,
                T0,
                T0.plusSeconds(3600),
                Double.POSITIVE_INFINITY,
                null,
                null,
                T0);

        // When it is read
        RecordReader.Read<Indicator> read = reader.read(List.of(record(Topics.INDICATORS, 3, infinite)));

        // Then nothing is to be written and its dead letter says why
        assertThat(read.values()).isEmpty();
        assertThat(read.deadLetters()).extracting(DeadLetter::detail).containsExactly("indicator value is not finite");
    }

    private static Aggregate aggregate(String entityId) {
        return new Aggregate(
                Aggregate.SCHEMA_VERSION,
                Scope.DEVICE,
                entityId,
                "pm25",
                "environment",
                "ninh-kieu",
                T0,
                T0.plusSeconds(60),
                2,
                30,
                10,
                20,
                20);
    }

    private static <V> ConsumerRecord<byte[], byte[]> record(Topic<String, V> topic, long offset, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return new ConsumerRecord<>(
                topic.name(),
                0,
                offset,
                1_000L,
                TimestampType.CREATE_TIME,
                0,
                bytes.length,
                new byte[] {'k'},
                bytes,
                new RecordHeaders(),
                Optional.empty());
    }
}
