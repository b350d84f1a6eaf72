package vn.cantho.ioc.sink.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * Retries one step of a consumer loop (write a batch to the database, send dead letters) with
 * exponential backoff until it succeeds or the loop stops, so a batch is never skipped while a server is
 * down; and remembers the current failure for {@code /health}. The first failure of an outage is logged
 * as a warning, the recovery as info, the retries in between not at all.
 */
public final class RetryWithBackoff {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    /** A step that may fail; it is run again until it does not. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String owner;
    private final Duration maxBackoff;
    private final BooleanSupplier running;
    private final Logger log;
    private final AtomicReference<String> failing = new AtomicReference<>();
    private final AtomicLong retries = new AtomicLong();

    /**
     * @param owner      names the loop in the log, e.g. "sink of ioc.telemetry.v1"
     * @param maxBackoff longest wait between two attempts
     * @param running    false once the loop is asked to stop; retries end then
     */
    public RetryWithBackoff(String owner, Duration maxBackoff, BooleanSupplier running, Logger log) {
        this.owner = owner;
        this.maxBackoff = maxBackoff;
        this.running = running;
        this.log = log;
    }

    /**
     * Runs {@code step} until it succeeds.
     *
     * @param what names the step in the failure text, e.g. "database write"
     * @return false only when the loop stopped before the step succeeded (the batch is then re-read at
     *         the next start, since its offsets were not committed)
     */
    public boolean untilDone(String what, Step step) {
        Duration backoff = FIRST_BACKOFF;
        while (running.getAsBoolean()) {
            try {
                step.run();
                if (failing.getAndSet(null) != null) {
                    log.info("{} is writing again", owner);
                }
                return true;
            } catch (Exception e) {
                if (failing.getAndSet(what + " failing, retrying: " + e.getMessage() + " since " + Instant.now())
                        == null) {
                    log.warn("{}: {} failed; retrying the batch with backoff: {}", owner, what, e.getMessage());
                }
                retries.incrementAndGet();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    /** Failed attempts since start, each followed by a wait and another attempt (for the retries meter). */
    public long retries() {
        return retries.get();
    }

    /** What is failing now and since when, or empty while the last attempt succeeded. */
    public Optional<String> failure() {
        return Optional.ofNullable(failing.get());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
