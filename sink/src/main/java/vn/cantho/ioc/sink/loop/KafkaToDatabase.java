package vn.cantho.ioc.sink.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.stage.Part;

/**
 * The one Kafka → database consumer loop, used by every database sink and the alert condition consumer: polls a
 * batch of one topic (committed records only), reads it ({@link RecordReader}), writes the dead letters of the
 * records that can never be written, then writes the rest with the {@link BatchWriter} in one transaction, and
 * only then commits the Kafka offsets. While either write fails it retries the same batch with bounded
 * exponential backoff ({@link RetryWithBackoff}) and commits nothing, so nothing is skipped; since writers are
 * idempotent, a batch re-read after a crash between write and commit changes nothing (its dead letters are
 * written again: at least once, recognisable by their source).
 *
 * <p>Records are read as bytes and decoded here, so a bad one is dead-lettered as sent instead of stopping the
 * loop. {@link #check()} is down with the failing step while a write is being retried, or when the loop stopped;
 * otherwise up with the text the owner chose ({@link HealthText}). Meters: {@link LoopMeters}.
 */
public final class KafkaToDatabase<V> implements Part {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaToDatabase.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** How far a loop has got, for its health text. */
    public record Progress(String topic, long read, long written, long deadLettered) {}

    /** The health text of a running loop that is not failing. */
    @FunctionalInterface
    public interface HealthText {
        String of(Progress progress);
    }

    private final String name;
    private final LoopOptions options;
    private final RecordReader<V> reader;
    private final BatchWriter<V> writer;
    private final HealthText healthText;
    private final RetryWithBackoff retry;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    /** Computed on the loop thread after each poll (a KafkaConsumer must not be used from the scrape thread). */
    private final AtomicLong lag = new AtomicLong();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private Consumer<byte[], byte[]> consumer;
    private DeadLetterWriter deadLetters;
    private LoopMeters meters;

    /**
     * @param name names the loop in the log and in {@code /health} when it stopped, e.g. "sink of ioc.telemetry.v1"
     */
    public KafkaToDatabase(
            String name, LoopOptions options, RecordReader<V> reader, BatchWriter<V> writer, HealthText healthText) {
        this(name, "loop-" + options.groupId(), options, reader, writer, healthText);
    }

    private KafkaToDatabase(
            String name,
            String threadName,
            LoopOptions options,
            RecordReader<V> reader,
            BatchWriter<V> writer,
            HealthText healthText) {
        this.name = name;
        this.options = options;
        this.reader = reader;
        this.writer = writer;
        this.healthText = healthText;
        this.retry = new RetryWithBackoff(name, options.maxBackoff(), running::get, LOG);
        this.thread = new Thread(this::run, threadName);
    }

    /** A database sink of {@code topic}: every value that decodes is written; health "N rows written from …". */
    public static <V> KafkaToDatabase<V> sink(RecordReader<V> reader, LoopOptions options, BatchWriter<V> writer) {
        return new KafkaToDatabase<>("sink of " + reader.topic(), options, reader, writer, rowsWritten());
    }

    /**
     * {@code consumers} loops of one database sink in one consumer group, so the topic's partitions are written by
     * that many threads and database connections at once (a partition is still written by one loop at a time, in
     * order). Each loop gets its own writer from {@code writers}.
     */
    public static <V> List<KafkaToDatabase<V>> sinks(
            RecordReader<V> reader, LoopOptions options, Supplier<BatchWriter<V>> writers, int consumers) {
        if (consumers == 1) {
            return List.of(sink(reader, options, writers.get()));
        }
        List<KafkaToDatabase<V>> loops = new ArrayList<>(consumers);
        for (int i = 1; i <= consumers; i++) {
            loops.add(new KafkaToDatabase<>(
                    "sink of " + reader.topic() + " (consumer " + i + " of " + consumers + ")",
                    "loop-" + options.groupId() + "-" + i,
                    options,
                    reader,
                    writers.get(),
                    rowsWritten()));
        }
        return loops;
    }

    /** "N rows written from topic", with the count of dead-lettered records once there is one. */
    public static HealthText rowsWritten() {
        return p -> p.written() + " rows written from " + p.topic()
                + (p.deadLettered() == 0 ? "" : "; " + p.deadLettered() + " unusable records dead-lettered");
    }

    @Override
    public void start() {
        consumer = consumer(options);
        deadLetters = new DeadLetterWriter(options.kafkaBootstrap());
        consumer.subscribe(List.of(reader.topic()));
        meters = new LoopMeters(reader.topic(), options.groupId(), lag, retry);
        thread.start();
    }

    /** Rows (or events) the writer reported written since start. */
    public long written() {
        return written.get();
    }

    @Override
    public Status check() {
        Optional<String> failure = retry.failure();
        if (failure.isPresent()) {
            return Status.down(failure.get());
        }
        return thread.isAlive()
                ? Status.up(healthText.of(new Progress(reader.topic(), read.get(), written.get(), deadLettered.get())))
                : Status.down(name + " stopped");
    }

    private void run() {
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                lag.set(currentLag());
                if (!records.isEmpty()) {
                    handle(reader.read(records));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop while polling.
        } catch (RuntimeException e) {
            LOG.error("{} stopped by an unexpected error", name, e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
            deadLetters.close();
            stopped.countDown();
        }
    }

    /** Dead letters first, then the values, then the commit; false from a retry means close() interrupted it. */
    private void handle(RecordReader.Read<V> batch) {
        read.addAndGet(batch.values().size());
        long started = System.nanoTime();
        if (retry.untilDone("dead-letter write", () -> deadLetter(batch.deadLetters()))
                && retry.untilDone("database write", () -> write(batch.values()))) {
            commit();
            meters.batch(started);
        }
    }

    private void deadLetter(List<DeadLetter> letters) {
        deadLetters.write(letters);
        for (DeadLetter letter : letters) {
            deadLettered.incrementAndGet();
            meters.deadLettered(letter.reason());
            // Only a broken producer makes these, so each is worth a line in the log.
            LOG.warn(
                    "{} dead-lettered the record at {}: {} {}",
                    name,
                    letter.source(),
                    letter.reason(),
                    letter.detail());
        }
    }

    private void write(List<V> values) throws Exception {
        if (values.isEmpty()) {
            return;
        }
        int n = writer.write(values);
        written.addAndGet(n);
        meters.written(n);
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
            // The group moved our partitions during a long outage; the new owner re-reads the batch and the
            // idempotent writer makes that harmless.
            LOG.warn("{} could not commit after a rebalance: {}", name, e.getMessage());
        }
    }

    /** Committed data only (writers upstream use transactions), manual commits, from the earliest offset. */
    private static Consumer<byte[], byte[]> consumer(LoopOptions options) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Streams and the rule processor write with exactly-once; aborted attempts must never reach the database.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.maxPollRecords());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Stops the loop; a batch being retried is left uncommitted and re-read at the next start. Safe to call once. */
    @Override
    public void close() {
        if (meters != null) {
            meters.close();
        }
        running.set(false);
        if (!thread.isAlive() && stopped.getCount() > 0) {
            // Never started (or start failed before the thread ran): nothing polls, so close here.
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(10));
            }
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within 30 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
