package vn.cantho.ioc.alerting.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.alerting.Events;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.sink.loop.RecordReader;

/** How the condition consumer reads its topic: usable events pass, each kind of unusable record is a dead letter. */
class ConditionConsumerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {not json                                      | BAD_JSON    | not JSON
            [1, 2]                                         | BAD_PAYLOAD | not a condition event
            {"eventId": "e-1", "alertKey": "k", "ruleId": "r"} | BAD_PAYLOAD | condition event without a required field: no alertKey, ruleId or entityId
            """)
    void an_unusable_record_becomes_a_dead_letter_with_its_reason_bytes_and_position(
            String value, DeadLetterReason reason, String detail) {
        RecordReader.Read<ConditionEvent> read =
                ConditionConsumer.reader().read(List.of(record(7, value.getBytes(StandardCharsets.UTF_8))));

        assertThat(read.values()).isEmpty();
        DeadLetter letter = read.deadLetters().get(0);
        assertThat(letter.reason()).isEqualTo(reason);
        assertThat(letter.detail()).contains(detail);
        assertThat(letter.source()).isEqualTo("kafka/ioc.alert-conditions.v1/partition/2/offset/7");
        assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(letter.receivedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
    }

    @Test
    void good_events_pass_and_a_record_without_a_value_is_passed_over() {
        ConditionEvent event = Events.event(
                "pm25-high|aq-1", TransitionType.OPENED, Instant.parse("2026-11-23T01:00:00Z"), 1, Severity.MAJOR);
        byte[] bytes =
                Topics.ALERT_CONDITIONS.valueSerde().serializer().serialize(Topics.ALERT_CONDITIONS.name(), event);

        RecordReader.Read<ConditionEvent> read =
                ConditionConsumer.reader().read(List.of(record(1, bytes), record(2, null)));

        assertThat(read.values()).containsExactly(event);
        assertThat(read.deadLetters()).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(
                Topics.ALERT_CONDITIONS.name(),
                2,
                offset,
                1_000L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                value == null ? 0 : value.length,
                new byte[] {'k'},
                value,
                new org.apache.kafka.common.header.internals.RecordHeaders(),
                java.util.Optional.empty());
    }
}
