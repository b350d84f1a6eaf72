package vn.cantho.ioc.model;

import java.time.Instant;

/**
 * A rejected input kept with its original bytes so nothing accepted by a transport is lost silently.
 * Value of {@link vn.cantho.ioc.model.kafka.Topics#DEAD_LETTER}.
 *
 * @param reason     stable machine-readable code
 * @param detail     human explanation of what was wrong
 * @param source     where it came from, e.g. the MQTT topic
 * @param payload    the original bytes (base64 in JSON)
 * @param receivedAt when the hub received it
 */
public record DeadLetter(
        int schemaVersion, DeadLetterReason reason, String detail, String source, byte[] payload, Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static DeadLetter of(
            DeadLetterReason reason, String detail, String source, byte[] payload, Instant receivedAt) {
        return new DeadLetter(SCHEMA_VERSION, reason, detail, source, payload, receivedAt);
    }
}
