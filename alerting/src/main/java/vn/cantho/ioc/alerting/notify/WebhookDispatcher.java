package vn.cantho.ioc.alerting.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.store.alert.OutboxMessage;
import vn.cantho.ioc.store.alert.OutboxStore;

/**
 * Delivers the notification outbox to the webhook receivers: claims due messages, POSTs each signed
 * JSON payload with its idempotency key, and records delivery (any 2xx) or the next attempt with
 * exponential backoff. At least once: a message is sent again until a 2xx is recorded, so a receiver
 * may see a message twice (e.g. the hub died between the 2xx and recording it) and must de-duplicate
 * by {@code Idempotency-Key}. A message still undelivered after {@link Options#giveUpAfter()} is
 * abandoned with its last error (kept in the outbox, counted in health).
 */
public final class WebhookDispatcher implements AutoCloseable, HealthCheck {

    /**
     * @param interval     how often to look for due messages
     * @param timeout      per request
     * @param firstBackoff wait after the first failure; doubles per failure
     * @param maxBackoff   longest wait between attempts
     * @param giveUpAfter  age after which an undelivered message is abandoned
     */
    public record Options(
            Duration interval, Duration timeout, Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter) {}

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final OutboxStore outbox;
    private final Map<String, Receiver> receivers;
    private final HttpClient http;
    private final Clock clock;
    private final Options options;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    // Registered up front so /metrics shows them at zero before the first delivery.
    private final Counter deliveredMeter = deliveryMeter("delivered");
    private final Counter failedMeter = deliveryMeter("failed");
    private final Counter abandonedMeter = deliveryMeter("abandoned");
    private final AtomicReference<String> failing = new AtomicReference<>();
    private ScheduledExecutorService executor;

    public WebhookDispatcher(OutboxStore outbox, Map<String, Receiver> receivers, Clock clock, Options options) {
        this.outbox = outbox;
        this.receivers = Map.copyOf(receivers);
        this.clock = clock;
        this.options = options;
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public WebhookDispatcher start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "webhook-dispatcher"));
        executor.scheduleWithFixedDelay(this::runSafely, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Sends every due message once; returns how many were delivered. */
    public int runOnce() {
        int count = 0;
        List<OutboxMessage> batch;
        do {
            Instant now = clock.instant();
            // The lease covers a full timeout with margin, so no other instance sends it meanwhile.
            batch = outbox.claim(now, now.plus(options.timeout().multipliedBy(3)), BATCH);
            for (OutboxMessage message : batch) {
                if (send(message)) {
                    count++;
                }
            }
        } while (batch.size() == BATCH);
        return count;
    }

    private boolean send(OutboxMessage message) {
        Receiver receiver = receivers.get(message.receiver());
        Instant now = clock.instant();
        if (receiver == null) {
            outbox.abandon(message.id(), now, "receiver '" + message.receiver() + "' is no longer configured");
            abandoned.incrementAndGet();
            abandonedMeter.increment();
            return false;
        }
        String error;
        try {
            long timestamp = now.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(receiver.url())
                    .timeout(options.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "cantho-ioc-hub")
                    .header(WebhookSignature.IDEMPOTENCY_HEADER, message.idempotencyKey())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(receiver.secret(), timestamp, message.payload()))
                    .header(WebhookSignature.ATTEMPT_HEADER, Integer.toString(message.attempts()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(message.id(), clock.instant());
                delivered.incrementAndGet();
                deliveredMeter.increment();
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failedAttempts.incrementAndGet();
        failedMeter.increment();
        if (message.createdAt().plus(options.giveUpAfter()).isBefore(now)) {
            outbox.abandon(message.id(), now, error + " (gave up after " + message.attempts() + " attempts)");
            abandoned.incrementAndGet();
            abandonedMeter.increment();
            LOG.warn(
                    "gave up webhook {} to {} after {} attempts: {}",
                    message.idempotencyKey(),
                    receiver.id(),
                    message.attempts(),
                    error);
        } else {
            outbox.retryAt(message.id(), now.plus(backoff(message.attempts())), error);
        }
        return false;
    }

    private static Counter deliveryMeter(String outcome) {
        return Metrics.counter(StageMeters.WEBHOOK_DELIVERIES, "outcome", outcome);
    }

    /** Wait after the {@code attempts}-th failed attempt: first backoff doubled per failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = options.firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(options.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait;
    }

    private void runSafely() {
        try {
            runOnce();
            if (failing.getAndSet(null) != null) {
                LOG.info("webhook dispatcher is working again");
            }
        } catch (RuntimeException e) {
            if (failing.getAndSet(e.getMessage() + " since " + Instant.now()) == null) {
                LOG.warn("webhook dispatcher cannot read the outbox; retrying every interval: {}", e.getMessage());
            }
        }
    }

    @Override
    public Status check() {
        String failure = failing.get();
        if (failure != null) {
            return Status.down("outbox unreadable: " + failure);
        }
        return Status.up(delivered.get() + " webhooks delivered, " + failedAttempts.get() + " failed attempts, "
                + abandoned.get() + " abandoned; " + receivers.size() + " receivers");
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(options.timeout().toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
