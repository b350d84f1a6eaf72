package vn.cantho.ioc.sink.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.metrics.StageMeters;

/**
 * The meters of one {@link KafkaToDatabase} loop on Micrometer's global registry, tagged with the topic it reads
 * ({@code sink}) and its consumer group: rows written, batch time, retries, dead letters by reason, and the
 * group's lag. Everything is registered at start, so /metrics shows a loop's meters at zero before its first
 * record. The gauges read this loop's state, so closing removes them; a restarted loop registers fresh ones.
 */
final class LoopMeters {

    /** The reasons {@link RecordReader} gives; registered up front so each series exists from the start. */
    private static final List<DeadLetterReason> REASONS =
            List.of(DeadLetterReason.BAD_JSON, DeadLetterReason.BAD_PAYLOAD);

    private final String topic;
    private final String group;
    private final Counter rows;
    private final Timer batches;
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final List<Meter> owned;

    LoopMeters(String topic, String group, AtomicLong lag, RetryWithBackoff retry) {
        this.topic = topic;
        this.group = group;
        rows = Counter.builder(StageMeters.SINK_ROWS)
                .description("Rows written to the database by this sink")
                .tag("sink", topic)
                .tag("group", group)
                .register(Metrics.globalRegistry);
        batches = Timer.builder(StageMeters.SINK_BATCH)
                .description("Time to write one batch to the database and commit its offsets, retries included")
                .tag("sink", topic)
                .tag("group", group)
                .publishPercentileHistogram()
                .register(Metrics.globalRegistry);
        REASONS.forEach(this::deadLetterCounter);
        owned = List.of(
                Gauge.builder(StageMeters.CONSUMER_LAG, lag, AtomicLong::get)
                        .description("Records not yet consumed by the consumer group, summed over its partitions")
                        .tag("group", group)
                        .register(Metrics.globalRegistry),
                FunctionCounter.builder(StageMeters.SINK_RETRIES, retry, RetryWithBackoff::retries)
                        .description("Failed writes (database or dead letters) this sink retried after a backoff")
                        .tag("sink", topic)
                        .tag("group", group)
                        .register(Metrics.globalRegistry));
    }

    void written(int rowCount) {
        rows.increment(rowCount);
    }

    void batch(long startedNanos) {
        batches.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void deadLettered(DeadLetterReason reason) {
        deadLetterCounter(reason).increment();
    }

    private Counter deadLetterCounter(DeadLetterReason reason) {
        return deadLetters.computeIfAbsent(reason, r -> Counter.builder(StageMeters.SINK_DEAD_LETTERS)
                .description("Records this sink dead-lettered because they can never be written, by reason")
                .tag("sink", topic)
                .tag("group", group)
                .tag("reason", r.name())
                .register(Metrics.globalRegistry));
    }

    /** Removes the gauges; the group's lag is then reported by whichever loop of that group runs next here. */
    void close() {
        owned.forEach(Metrics.globalRegistry::remove);
    }
}
