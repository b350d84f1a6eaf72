package vn.cantho.ioc.sink.loop;

import com.fasterxml.jackson.core.JsonParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.kafka.Topic;

/**
 * Reads a polled batch of one topic, as the loop receives it (bytes): the values a {@link BatchWriter} can
 * write, and a dead letter for each record that can never be written — {@code BAD_JSON} when its bytes are
 * not JSON, {@code BAD_PAYLOAD} when the JSON is not the topic's value type or the value can never be written
 * (the owner's {@code problem} check, e.g. a required field missing). A dead letter keeps the record's bytes
 * and names where it was read ({@link #source}); its time is the record's Kafka timestamp, so a dead letter made
 * again after a replay is identical. Records without a value (tombstones) are not data and are passed over.
 */
public final class RecordReader<V> {

    private final String topic;
    private final Deserializer<V> deserializer;
    private final String what;
    private final Function<V, String> problem;

    private RecordReader(String topic, Deserializer<V> deserializer, String what, Function<V, String> problem) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.what = what;
        this.problem = problem;
    }

    /**
     * A reader of {@code topic}'s values.
     *
     * @param what    names the value type in dead letters, e.g. "condition event"
     * @param problem why a decoded value can never be written (the dead letter's detail, e.g. "condition event
     *                without a required field: no eventId"), or null when it can
     */
    public static <V> RecordReader<V> of(Topic<?, V> topic, String what, Function<V, String> problem) {
        return new RecordReader<>(topic.name(), topic.valueSerde().deserializer(), what, problem);
    }

    /** A reader that takes every value that decodes. */
    public static <V> RecordReader<V> of(Topic<?, V> topic, String what) {
        return of(topic, what, value -> null);
    }

    /** The usable values of a batch, in order, and the dead letters of the others. */
    public record Read<V>(List<V> values, List<DeadLetter> deadLetters) {}

    public String topic() {
        return topic;
    }

    public Read<V> read(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<V> values = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            V value;
            try {
                value = deserializer.deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                boolean notJson = e.getCause() instanceof JsonParseException;
                deadLetters.add(letter(
                        record,
                        notJson ? DeadLetterReason.BAD_JSON : DeadLetterReason.BAD_PAYLOAD,
                        (notJson ? "not JSON: " : "not a " + what + ": ") + rootMessage(e)));
                continue;
            }
            String unusable = value == null ? "empty " + what + " (JSON null)" : problem.apply(value);
            if (unusable != null) {
                deadLetters.add(letter(record, DeadLetterReason.BAD_PAYLOAD, unusable));
                continue;
            }
            values.add(value);
        }
        return new Read<>(values, deadLetters);
    }

    /** Where a record was read, e.g. {@code kafka/ioc.alert-conditions.v1/partition/2/offset/417}. */
    public static String source(ConsumerRecord<?, ?> record) {
        return "kafka/" + record.topic() + "/partition/" + record.partition() + "/offset/" + record.offset();
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String detail) {
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
