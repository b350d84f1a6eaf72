package vn.cantho.ioc.sink.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.metrics.StageMeters;

/**
 * The meters of one {@link KafkaToDatabase} loop on Micrometer's global registry, tagged with the topic it reads
 * ({@code sink}) and its consumer group: rows written, batch time, retries, dead letters by reason, and the
 * group's lag. Everything is registered at start, so /metrics shows a loop's meters at zero before its first
 * record. Several loops of one group in this process (a sink with more than one consumer) share the series: the
 * counters add up, and the lag and retries are the sum over the group's running loops. Closing the last loop of a
 * group removes its gauges; a restarted loop registers fresh ones.
 */
final class LoopMeters {

    /** The reasons {@link RecordReader} gives; registered up front so each series exists from the start. */
    private static final List<DeadLetterReason> REASONS =
            List.of(DeadLetterReason.BAD_JSON, DeadLetterReason.BAD_PAYLOAD);

    /** The running loops of each consumer group in this process, and the gauges that sum over them. */
    private static final Map<String, GroupLoops> GROUPS = new HashMap<>();

    private final String topic;
    private final String group;
    private final Counter rows;
    private final Timer batches;
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final AtomicLong lag;
    private final RetryWithBackoff retry;

    /** One group's loops: their lags and retry counts, summed by gauges registered while any loop runs. */
    private static final class GroupLoops {
        final List<AtomicLong> lags = new CopyOnWriteArrayList<>();
        final List<RetryWithBackoff> retries = new CopyOnWriteArrayList<>();
        List<Meter> meters = List.of();

        long lag() {
            return lags.stream().mapToLong(AtomicLong::get).sum();
        }

        double retries() {
            return retries.stream().mapToDouble(RetryWithBackoff::retries).sum();
        }
    }

    LoopMeters(String topic, String group, AtomicLong lag, RetryWithBackoff retry) {
        this.topic = topic;
        this.group = group;
        this.lag = lag;
        this.retry = retry;
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
        synchronized (GROUPS) {
            GroupLoops loops = GROUPS.computeIfAbsent(group, g -> new GroupLoops());
            loops.lags.add(lag);
            loops.retries.add(retry);
            if (loops.meters.isEmpty()) {
                loops.meters = List.of(
                        Gauge.builder(StageMeters.CONSUMER_LAG, loops, GroupLoops::lag)
                                .description(
                                        "Records not yet consumed by the consumer group, summed over its partitions")
                                .tag("group", group)
                                .register(Metrics.globalRegistry),
                        FunctionCounter.builder(StageMeters.SINK_RETRIES, loops, GroupLoops::retries)
                                .description("Failed writes (database or dead letters) this sink retried after a "
                                        + "backoff")
                                .tag("sink", topic)
                                .tag("group", group)
                                .register(Metrics.globalRegistry));
            }
        }
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

    /** Leaves the group's sums; the last loop of the group removes its gauges. */
    void close() {
        synchronized (GROUPS) {
            GroupLoops loops = GROUPS.get(group);
            if (loops == null) {
                return;
            }
            loops.lags.remove(lag);
            loops.retries.remove(retry);
            if (loops.lags.isEmpty()) {
                loops.meters.forEach(Metrics.globalRegistry::remove);
                GROUPS.remove(group);
            }
        }
    }
}
