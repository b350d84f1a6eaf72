package vn.cantho.ioc.alerting.condition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.retry.RetryWithBackoff;

/**
 * Feeds {@link Topics#ALERT_CONDITIONS} into the alert store: polls a batch, stores it with the
 * {@link ConditionWriter} in one transaction, and only then commits the Kafka offsets (the same
 * approach as the streams module's database sink). While the database is down it retries the same
 * batch with exponential backoff; a batch re-read after a crash between the database commit and the
 * offset commit is recognised by its event ids and changes nothing.
 *
 * <p>A record that is not a usable condition event (not JSON, not an event, a required field missing)
 * is written to {@link Topics#DEAD_LETTER} with a reason, its bytes and its topic, partition and offset
 * (see {@link ConditionRecords}) before the offsets move past it; while that write fails it is retried
 * in the same way, and nothing is committed. Records are read as bytes so a bad one is kept as sent.
 */
public final class ConditionConsumer implements AutoCloseable, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConditionConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final ConditionWriter writer;
    private final RetryWithBackoff retry;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    /** @param deadLetters producer of the dead-letter topic; this consumer closes it when it stops */
    public ConditionConsumer(Consumer<String, byte[]> consumer, Producer<byte[], byte[]> deadLetters,
                             ConditionWriter writer, Duration maxBackoff) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.writer = writer;
        this.retry = new RetryWithBackoff("condition consumer", maxBackoff, running::get, LOG);
        this.thread = new Thread(this::run, "alert-conditions");
    }

    /** A consumer of the condition topic: committed data only, manual commits, from the earliest offset. */
    public static Consumer<String, byte[]> kafkaConsumer(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The rule processor writes with exactly-once; aborted attempts must never become alerts.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, Topics.ALERT_CONDITIONS.keySerde().deserializer(),
                new ByteArrayDeserializer());
    }

    /** A producer for the dead letters: acknowledged by every replica, idempotent. */
    public static Producer<byte[], byte[]> deadLetterProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
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
        Optional<String> failure = retry.failure();
        if (failure.isPresent()) {
            return Status.down(failure.get());
        }
        return thread.isAlive() ? Status.up(applied.get() + " of " + received.get() + " condition events applied"
                + skippedText()) : Status.down("condition consumer stopped");
    }

    private String skippedText() {
        long bad = deadLettered.get() + writer.skipped();
        return bad == 0 ? "" : "; " + bad + " unusable events dead-lettered";
    }

    private void run() {
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                ConditionRecords read = ConditionRecords.read(records);
                received.addAndGet(read.events().size());
                List<ConditionEvent> batch = read.events();
                if (retry.untilDone("dead-letter write", () -> deadLetter(read.deadLetters()))
                        && retry.untilDone("alert store write", () -> applied.addAndGet(writer.write(batch)))) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop while polling.
        } catch (RuntimeException e) {
            LOG.error("condition consumer stopped by an unexpected error", e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
            deadLetters.close(Duration.ofSeconds(10));
            stopped.countDown();
        }
    }

    /** Sends the dead letters and waits until Kafka has every one of them; throws if any send failed. */
    private void deadLetter(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(deadLetters.send(Topics.DEAD_LETTER.record(letter.source(), letter)));
        }
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaException("dead letter not written: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing dead letters", e);
        }
        deadLettered.addAndGet(letters.size());
        for (DeadLetter letter : letters) {
            // Only a broken producer makes these, so each is worth a line in the log.
            LOG.warn("dead-lettered a condition event at {}: {} {}", letter.source(), letter.reason(), letter.detail());
        }
    }

    private void commit() {
        try {
            consumer.commitSync();
        } catch (CommitFailedException e) {
            // Our partitions moved during a long outage; the new owner re-reads the batch harmlessly.
            LOG.warn("condition consumer could not commit after a rebalance: {}", e.getMessage());
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
