package vn.cantho.ioc.store.alert;

import java.time.Instant;

/**
 * One webhook message of the notification outbox.
 *
 * @param attempts delivery attempts so far, this one included once claimed
 */
public record OutboxMessage(
        long id,
        String idempotencyKey,
        String receiver,
        long alertId,
        String kind,
        String payload,
        Instant createdAt,
        int attempts,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant abandonedAt,
        String lastError) {}
