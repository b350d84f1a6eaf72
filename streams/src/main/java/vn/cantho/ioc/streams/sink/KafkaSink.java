package vn.cantho.ioc.streams.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.model.retry.RetryWithBackoff;

/**
 * Copies one topic into the database: polls a batch, writes it with the {@link BatchWriter} and only
 * then commits the Kafka offsets. While the database is down it retries the same batch with
 * exponential backoff, so nothing is skipped; since the writer is idempotent, a batch replayed after
 * a crash between write and commit changes nothing.
 */
public final class KafkaSink<K, V> implements AutoCloseable, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Topic<K, V> topic;
    private final Consumer<K, V> consumer;
    private final BatchWriter<V> writer;
    private final RetryWithBackoff retry;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    /** Computed on the sink thread after each poll (a KafkaConsumer must not be used from the scrape thread). */
    private final AtomicLong lag = new AtomicLong();
    private Counter rows;
    private Timer batches;
    private Gauge lagGauge;

    public KafkaSink(Topic<K, V> topic, Consumer<K, V> consumer, BatchWriter<V> writer, Duration maxBackoff) {
        this.topic = topic;
        this.consumer = consumer;
        this.writer = writer;
        this.retry = new RetryWithBackoff("sink of " + topic.name(), maxBackoff, running::get, LOG);
        this.thread = new Thread(this::run, "sink-" + topic.name());
    }

    public void start() {
        consumer.subscribe(List.of(topic.name()));
        String group = consumer.groupMetadata().groupId();
        rows = Counter.builder(StageMeters.SINK_ROWS).description("Rows written to the database by this sink")
                .tag("sink", topic.name()).tag("group", group).register(Metrics.globalRegistry);
        batches = Timer.builder(StageMeters.SINK_BATCH)
                .description("Time to write one batch to the database and commit its offsets, retries included")
                .tag("sink", topic.name()).tag("group", group).publishPercentileHistogram()
                .register(Metrics.globalRegistry);
        lagGauge = Gauge.builder(StageMeters.CONSUMER_LAG, lag, AtomicLong::get)
                .description("Records not yet consumed by the consumer group, summed over its partitions")
                .tag("group", group).register(Metrics.globalRegistry);
        thread.start();
    }

    /** Rows written since start. */
    public long written() {
        return written.get();
    }

    @Override
    public Status check() {
        Optional<String> failure = retry.failure();
        if (failure.isPresent()) {
            return Status.down(failure.get());
        }
        return thread.isAlive() ? Status.up(written.get() + " rows written from " + topic.name())
                : Status.down("sink thread stopped");
    }

    private void run() {
        try {
            while (running.get()) {
                ConsumerRecords<K, V> records = consumer.poll(POLL);
                lag.set(currentLag());
                if (records.isEmpty()) {
                    continue;
                }
                List<V> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<K, V> record : records) {
                    if (record.value() != null) {
                        batch.add(record.value());
                    }
                }
                // False only when closing interrupted the retries; the batch is then re-read next start.
                long started = System.nanoTime();
                if (retry.untilDone("database write", () -> {
                    int n = writer.write(batch);
                    written.addAndGet(n);
                    rows.increment(n);
                })) {
                    commit();
                    batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop while polling.
        } catch (RuntimeException e) {
            LOG.error("sink of {} stopped by an unexpected error", topic.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
            stopped.countDown();
        }
    }

    /** Records behind the end of the assigned partitions, as far as this consumer knows without a request. */
    private long currentLag() {
        long sum = 0;
        for (TopicPartition partition : consumer.assignment()) {
            sum += consumer.currentLag(partition).orElse(0);
        }
        return sum;
    }

    private void commit() {
        try {
            consumer.commitSync();
        } catch (CommitFailedException e) {
            // The group moved our partitions during a long outage; the new owner re-reads the batch and
            // the idempotent writer makes that harmless.
            LOG.warn("sink of {} could not commit after a rebalance: {}", topic.name(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (lagGauge != null) {
            // The group's lag is reported by whichever sink of that group runs next in this JVM.
            Metrics.globalRegistry.remove(lagGauge);
        }
        running.set(false);
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("sink of {} did not stop within 30 s", topic.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
