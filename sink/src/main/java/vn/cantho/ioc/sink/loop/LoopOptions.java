package vn.cantho.ioc.sink.loop;

import java.time.Duration;

/**
 * Where a {@link KafkaToDatabase} loop reads and how hard it tries: the Kafka cluster, its consumer group, the
 * longest wait between retries while a write fails, and the most records one poll (so one transaction) takes.
 */
public record LoopOptions(String kafkaBootstrap, String groupId, Duration maxBackoff, int maxPollRecords) {

    /** Records per poll of the database sinks: large batches, since a batch is one JDBC batch in one transaction. */
    public static final int SINK_BATCH = 2000;

    public LoopOptions {
        if (maxBackoff.isZero() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("maxBackoff must be positive, was " + maxBackoff);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, was " + maxPollRecords);
        }
    }

    /** Options of a database sink: {@link #SINK_BATCH} records per poll. */
    public static LoopOptions sink(String kafkaBootstrap, String groupId, Duration maxBackoff) {
        return new LoopOptions(kafkaBootstrap, groupId, maxBackoff, SINK_BATCH);
    }
}
