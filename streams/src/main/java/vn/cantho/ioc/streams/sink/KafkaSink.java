package vn.cantho.ioc.streams.sink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.Topic;

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
    private final Duration maxBackoff;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<String> failing = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    public KafkaSink(Topic<K, V> topic, Consumer<K, V> consumer, BatchWriter<V> writer, Duration maxBackoff) {
        this.topic = topic;
        this.consumer = consumer;
        this.writer = writer;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "sink-" + topic.name());
    }

    public void start() {
        consumer.subscribe(List.of(topic.name()));
        thread.start();
    }

    /** Rows written since start. */
    public long written() {
        return written.get();
    }

    @Override
    public Status check() {
        String failure = failing.get();
        if (failure != null) {
            return Status.down("database write failing, retrying: " + failure);
        }
        return thread.isAlive() ? Status.up(written.get() + " rows written from " + topic.name())
                : Status.down("sink thread stopped");
    }

    private void run() {
        try {
            while (running.get()) {
                ConsumerRecords<K, V> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                List<V> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<K, V> record : records) {
                    if (record.value() != null) {
                        batch.add(record.value());
                    }
                }
                if (writeUntilDone(batch)) {
                    commit();
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

    /** Returns false only when closing interrupted the retries; the batch is then re-read next start. */
    private boolean writeUntilDone(List<V> batch) {
        Duration backoff = Duration.ofMillis(100);
        while (running.get()) {
            try {
                written.addAndGet(writer.write(batch));
                if (failing.getAndSet(null) != null) {
                    LOG.info("sink of {} is writing again", topic.name());
                }
                return true;
            } catch (Exception e) {
                if (failing.getAndSet(e.getMessage() + " since " + Instant.now()) == null) {
                    LOG.warn("sink of {} cannot write a batch of {}; retrying with backoff: {}", topic.name(),
                            batch.size(), e.getMessage());
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        return false;
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
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
