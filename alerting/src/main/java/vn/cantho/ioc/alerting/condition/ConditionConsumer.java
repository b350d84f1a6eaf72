package vn.cantho.ioc.alerting.condition;

import java.time.Duration;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.sink.loop.RecordReader;

/**
 * Feeds {@link Topics#ALERT_CONDITIONS} into the alert store on the one Kafka → database loop
 * ({@link KafkaToDatabase}): each polled batch is stored by the {@link ConditionWriter} in one transaction and
 * only then are the offsets committed; while the database is down the same batch is retried with backoff; a
 * batch re-read after a crash is recognised by its event ids and changes nothing.
 *
 * <p>A record that is not a usable condition event (not JSON, not an event, a required field missing —
 * {@link ConditionWriter#problem}) is written to {@link Topics#DEAD_LETTER} with a reason, its bytes and its
 * topic, partition and offset before the offsets move past it (docs/alert-model.md).
 */
public final class ConditionConsumer {

    /** Records per poll: a batch is a handful of statements, but it also holds the alerts behind it. */
    static final int BATCH = 500;

    private ConditionConsumer() {}

    /** The loop of consumer group {@code groupId}; {@code start()} it, {@code close()} it. */
    public static KafkaToDatabase<ConditionEvent> create(
            String kafkaBootstrap, String groupId, Duration maxBackoff, ConditionWriter writer) {
        return new KafkaToDatabase<>(
                "condition consumer",
                new LoopOptions(kafkaBootstrap, groupId, maxBackoff, BATCH),
                reader(),
                writer::write,
                p -> p.written() + " of " + p.read() + " condition events applied"
                        + unusable(p.deadLettered() + writer.skipped()));
    }

    /** Reads the condition topic: an event without a field the store needs is a {@code BAD_PAYLOAD} dead letter. */
    static RecordReader<ConditionEvent> reader() {
        return RecordReader.of(Topics.ALERT_CONDITIONS, "condition event", event -> {
            String problem = ConditionWriter.problem(event);
            return problem == null ? null : "condition event without a required field: " + problem;
        });
    }

    private static String unusable(long count) {
        return count == 0 ? "" : "; " + count + " unusable events dead-lettered";
    }
}
