package vn.cantho.ioc.alerting.condition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.Topics;

/**
 * Feeds {@link Topics#ALERT_CONDITIONS} into the alert store: polls a batch, stores it with the
 * {@link ConditionWriter} in one transaction, and only then commits the Kafka offsets (the same
 * approach as the streams module's database sink). While the database is down it retries the same
 * batch with exponential backoff; a batch re-read after a crash between the database commit and the
 * offset commit is recognised by its event ids and changes nothing.
 */
public final class ConditionConsumer implements AutoCloseable, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConditionConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, ConditionEvent> consumer;
    private final ConditionWriter writer;
    private final Duration maxBackoff;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicReference<String> failing = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    public ConditionConsumer(Consumer<String, ConditionEvent> consumer, ConditionWriter writer, Duration maxBackoff) {
        this.consumer = consumer;
        this.writer = writer;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "alert-conditions");
    }

    /** A consumer of the condition topic: committed data only, manual commits, from the earliest offset. */
    public static Consumer<String, ConditionEvent> kafkaConsumer(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The rule processor writes with exactly-once; aborted attempts must never become alerts.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, Topics.ALERT_CONDITIONS.keySerde().deserializer(),
                Topics.ALERT_CONDITIONS.valueSerde().deserializer());
    }

    public void start() {
        consumer.subscribe(List.of(Topics.ALERT_CONDITIONS.name()));
        thread.start();
    }

    /** Events applied since start (replays not counted). */
    public long applied() {
        return applied.get();
    }

    @Override
    public Status check() {
        String failure = failing.get();
        if (failure != null) {
            return Status.down("alert store write failing, retrying: " + failure);
        }
        return thread.isAlive() ? Status.up(applied.get() + " of " + received.get() + " condition events applied"
                + skippedText()) : Status.down("condition consumer stopped");
    }

    private String skippedText() {
        long bad = unreadable.get() + writer.skipped();
        return bad == 0 ? "" : "; " + bad + " unusable events skipped";
    }

    private void run() {
        try {
            while (running.get()) {
                ConsumerRecords<String, ConditionEvent> records;
                try {
                    records = consumer.poll(POLL);
                } catch (RecordDeserializationException e) {
                    // Not JSON of a ConditionEvent: skip that one record, or it would stop every alert behind it.
                    LOG.warn("skipping unreadable condition event at {} offset {}: {}", e.topicPartition(), e.offset(),
                            e.getMessage());
                    unreadable.incrementAndGet();
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                if (records.isEmpty()) {
                    continue;
                }
                List<ConditionEvent> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, ConditionEvent> record : records) {
                    if (record.value() != null) {
                        batch.add(record.value());
                    }
                }
                received.addAndGet(batch.size());
                if (writeUntilDone(batch)) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop while polling.
        } catch (RuntimeException e) {
            LOG.error("condition consumer stopped by an unexpected error", e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
            stopped.countDown();
        }
    }

    /** Returns false only when closing interrupted the retries; the batch is then re-read next start. */
    private boolean writeUntilDone(List<ConditionEvent> batch) {
        Duration backoff = Duration.ofMillis(100);
        while (running.get()) {
            try {
                applied.addAndGet(writer.write(batch));
                if (failing.getAndSet(null) != null) {
                    LOG.info("condition consumer is writing again");
                }
                return true;
            } catch (RuntimeException e) {
                if (failing.getAndSet(e.getMessage() + " since " + Instant.now()) == null) {
                    LOG.warn("cannot store a batch of {} condition events; retrying with backoff: {}", batch.size(),
                            e.getMessage());
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
            // Our partitions moved during a long outage; the new owner re-reads the batch harmlessly.
            LOG.warn("condition consumer could not commit after a rebalance: {}", e.getMessage());
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
                LOG.warn("condition consumer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
