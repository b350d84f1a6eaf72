package vn.cantho.ioc.alerting.condition;

import com.fasterxml.jackson.core.JsonParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.kafka.Topics;

/**
 * A polled batch of the condition topic, read: the usable events, and a dead letter for each record
 * that is not one — {@code BAD_JSON} when its bytes are not JSON, {@code BAD_PAYLOAD} when the JSON is
 * not a condition event or lacks a required field ({@link ConditionWriter#problem}). A dead letter keeps
 * the record's bytes and names where it was read ({@link #source}). Records without a value are not
 * events and are passed over.
 */
record ConditionRecords(List<ConditionEvent> events, List<DeadLetter> deadLetters) {

    private static final Deserializer<ConditionEvent> DESERIALIZER = Topics.ALERT_CONDITIONS.valueSerde().deserializer();

    static ConditionRecords read(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<ConditionEvent> events = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            ConditionEvent event;
            try {
                event = DESERIALIZER.deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                boolean notJson = e.getCause() instanceof JsonParseException;
                deadLetters.add(letter(record, notJson ? DeadLetterReason.BAD_JSON : DeadLetterReason.BAD_PAYLOAD,
                        (notJson ? "not JSON: " : "not a condition event: ") + rootMessage(e)));
                continue;
            }
            String problem = event == null ? "empty value" : ConditionWriter.problem(event);
            if (problem != null) {
                deadLetters.add(letter(record, DeadLetterReason.BAD_PAYLOAD, "condition event without a required field: "
                        + problem));
                continue;
            }
            events.add(event);
        }
        return new ConditionRecords(events, deadLetters);
    }

    /** Where a record was read, e.g. {@code kafka/ioc.alert-conditions.v1/partition/2/offset/417}. */
    static String source(ConsumerRecord<?, ?> record) {
        return "kafka/" + record.topic() + "/partition/" + record.partition() + "/offset/" + record.offset();
    }

    /** Received at: the record's Kafka timestamp, so a dead letter made again after a replay is identical. */
    private static DeadLetter letter(ConsumerRecord<String, byte[]> record, DeadLetterReason reason, String detail) {
        return DeadLetter.of(reason, detail, source(record), record.value(), Instant.ofEpochMilli(record.timestamp()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson appends the whole source description; the first line says what was wrong.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
