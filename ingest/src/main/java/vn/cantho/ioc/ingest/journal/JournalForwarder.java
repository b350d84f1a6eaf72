package vn.cantho.ioc.ingest.journal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.ingest.mqtt.TelemetryForwarder;
import vn.cantho.ioc.model.health.HealthCheck;

/**
 * Moves the ingest journal into Kafka on a thread of its own: reads each accepted message, hands it to the
 * {@link TelemetryForwarder} (its readings or its dead letter), and moves the journal's checkpoint past a
 * message once Kafka has stored it and everything before it. If Kafka refuses a record, it goes back to the
 * first message not stored and sends again from there after a pause (at least once; the streams' duplicate
 * window and the stores' {@code ON CONFLICT} absorb the copies). After a restart it resumes at the checkpoint.
 */
public final class JournalForwarder implements HealthCheck, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalForwarder.class);
    /** Messages handed to Kafka and not yet confirmed, at most; bounds memory when Kafka is slow. */
    static final int MAX_IN_FLIGHT = 20_000;

    private static final long CHECKPOINT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final IngestJournal journal;
    private final TelemetryForwarder forwarder;
    private final Duration drainTimeout;
    private final ArrayDeque<Slot> inFlight = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean stopping;
    /** Set by the producer's thread when Kafka refused a record of a message in flight. */
    private volatile boolean refused;

    private volatile long confirmed;
    private volatile String problem;
    private long lastCheckpointNanos = System.nanoTime();
    private long checkpointed;

    /**
     * @param drainTimeout how long {@link #close()} keeps forwarding what is already in the journal
     */
    public JournalForwarder(IngestJournal journal, TelemetryForwarder forwarder, Duration drainTimeout) {
        this.journal = journal;
        this.forwarder = forwarder;
        this.drainTimeout = drainTimeout;
        this.thread = new Thread(this::run, "ingest-journal-forwarder");
        this.thread.setDaemon(true);
    }

    /** Starts forwarding from the journal's checkpoint. */
    public void start() {
        confirmed = journal.checkpoint();
        checkpointed = confirmed;
        long backlog = journal.end() - confirmed;
        if (backlog > 0) {
            LOG.info(
                    "ingest journal: {} bytes of accepted messages not yet confirmed in Kafka; forwarding them first",
                    backlog);
        }
        thread.start();
    }

    /** Bytes of the journal written but not yet confirmed in Kafka. */
    public long backlogBytes() {
        return journal.end() - confirmed;
    }

    @Override
    public Status check() {
        String trouble = problem;
        if (!thread.isAlive() && !stopping) {
            return Status.down("journal forwarder stopped");
        }
        return trouble == null
                ? Status.up("journal backlog " + backlogBytes() + " bytes")
                : Status.down("journal backlog " + backlogBytes() + " bytes; " + trouble);
    }

    /** Forwards what is already in the journal for up to the drain timeout, then stops and checkpoints. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(drainTimeout.plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("ingest journal forwarder did not stop in time; the next start resumes at the checkpoint");
        }
    }

    private void run() {
        long drainDeadline = Long.MAX_VALUE;
        long backoffMillis = 100;
        IngestJournal.Reader reader = journal.reader(confirmed);
        try (reader) {
            while (true) {
                if (stopping && drainDeadline == Long.MAX_VALUE) {
                    drainDeadline = System.nanoTime() + drainTimeout.toNanos();
                }
                if (System.nanoTime() > drainDeadline) {
                    break; // what is left stays in the journal for the next start
                }
                settle();
                if (refused) {
                    // Wait until nothing sent is still pending, then start again at the first message not stored
                    // (the head of the queue once the stored ones before it are settled: the confirmed position).
                    awaitNothingPending();
                    settle();
                    long resume = confirmed;
                    inFlight.clear();
                    refused = false;
                    reader.seek(resume);
                    problem = "Kafka refused records; sending again from journal position " + resume;
                    sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                    continue;
                }
                IngestJournal.Entry entry = inFlight.size() < MAX_IN_FLIGHT ? reader.next() : null;
                if (entry != null) {
                    send(entry);
                    // Also while a backlog keeps the reader busy: a restart then resends little, and confirmed
                    // segments are deleted as it drains.
                    checkpoint(false);
                    continue;
                }
                if (stopping && inFlight.isEmpty() && journal.end() == confirmed) {
                    break;
                }
                if (inFlight.isEmpty()) {
                    backoffMillis = 100;
                    problem = null;
                }
                checkpoint(false);
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
            settle();
            checkpoint(true);
        } catch (IOException | RuntimeException e) {
            problem = "journal forwarder failed: " + e;
            LOG.error("ingest journal forwarder failed; the next start resumes at the checkpoint", e);
        }
    }

    private void send(IngestJournal.Entry entry) {
        Slot slot = new Slot(entry.next());
        inFlight.addLast(slot);
        forwarder.forward(
                entry.topic(),
                entry.payload(),
                entry.payloadLength(),
                entry.receivedAt(),
                new TelemetryForwarder.Handover() {
                    @Override
                    public void stored() {
                        slot.state = Slot.STORED;
                    }

                    @Override
                    public void failed(Exception cause) {
                        slot.state = Slot.FAILED;
                        refused = true;
                    }
                });
    }

    /** Pops stored messages off the head and advances the confirmed position. */
    private void settle() {
        Slot head;
        while ((head = inFlight.peekFirst()) != null && head.state == Slot.STORED) {
            inFlight.pollFirst();
            confirmed = head.next;
        }
    }

    private void awaitNothingPending() {
        while (inFlight.stream().anyMatch(slot -> slot.state == Slot.PENDING)) {
            LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
    }

    private void checkpoint(boolean now) throws IOException {
        if (confirmed == checkpointed) {
            return;
        }
        if (now || System.nanoTime() - lastCheckpointNanos > CHECKPOINT_EVERY_NANOS) {
            journal.confirm(confirmed);
            checkpointed = confirmed;
            lastCheckpointNanos = System.nanoTime();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One message handed to Kafka; its state is written by the producer's thread. */
    private static final class Slot {
        static final int PENDING = 0;
        static final int STORED = 1;
        static final int FAILED = 2;

        final long next;
        volatile int state = PENDING;

        Slot(long next) {
            this.next = next;
        }
    }
}
