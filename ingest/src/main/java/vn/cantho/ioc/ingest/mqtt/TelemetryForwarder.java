package vn.cantho.ioc.ingest.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;

/**
 * Turns one MQTT telemetry message into Kafka records — its readings (one per timestamp of a SenML pack) or
 * its dead letter — and reports back once Kafka has stored all of them, or that it has not. Both MQTT ingest
 * transports use it: the bridge that subscribes to an external broker acknowledges the message to that broker
 * on {@link Handover#stored()}, and the embedded broker's interceptor sends the device its PUBACK only then.
 * Either way a message a sender saw acknowledged is in Kafka.
 */
public final class TelemetryForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryForwarder.class);

    /** What becomes of one message; exactly one of the two methods is called, once. */
    public interface Handover {
        /** Kafka stored every record made of the message. */
        void stored();

        /** Kafka refused (or could not be handed) one of the records; the message must not be acknowledged. */
        void failed(Exception cause);
    }

    /** How many bytes of a too-large payload its dead letter keeps. */
    public static final int TOO_LARGE_KEPT = 1024;

    private final ReadingParser parser;
    private final Producer<byte[], byte[]> producer;
    private final int maxPayloadBytes;
    private final Clock clock;
    private final IngestStats stats = new IngestStats();

    /**
     * @param maxPayloadBytes larger payloads are dead-lettered as TOO_LARGE (Kafka has a record size limit)
     */
    public TelemetryForwarder(
            ReadingParser parser, Producer<byte[], byte[]> producer, int maxPayloadBytes, Clock clock) {
        this.parser = parser;
        this.producer = producer;
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
    }

    public IngestStats stats() {
        return stats;
    }

    /** Payloads longer than this are dead-lettered as TOO_LARGE. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Hands the records made of one message to Kafka. If any is refused the message is reported failed and
     * should be sent again whole by its sender (the records Kafka did store are then stored again: at least
     * once, never lost).
     */
    public void forward(String topic, byte[] payload, Handover handover) {
        forward(topic, payload, payload.length, clock.instant(), handover);
    }

    /**
     * The same for a message received earlier (read back from the ingest journal): judged against the time it
     * was received. {@code payload} may be only the first bytes of a message of {@code payloadLength} bytes that
     * exceeds the size limit; such a message is dead-lettered as TOO_LARGE.
     */
    public void forward(String topic, byte[] payload, int payloadLength, Instant receivedAt, Handover handover) {
        stats.countReceived();
        List<ProducerRecord<byte[], byte[]>> records;
        DeadLetterReason reason;
        if (payloadLength > maxPayloadBytes) {
            reason = DeadLetterReason.TOO_LARGE;
            records = List.of(Topics.DEAD_LETTER.record(
                    topic,
                    DeadLetter.of(
                            reason,
                            "payload of " + payloadLength + " bytes exceeds " + maxPayloadBytes + "; first bytes kept",
                            topic,
                            Arrays.copyOf(payload, Math.min(payload.length, TOO_LARGE_KEPT)),
                            receivedAt)));
        } else {
            ParseResult result = parser.parse(topic, payload, receivedAt);
            if (result instanceof ParseResult.Accepted accepted) {
                reason = null;
                records = new ArrayList<>(accepted.readings().size());
                for (Reading reading : accepted.readings()) {
                    records.add(Topics.TELEMETRY.record(reading.deviceId(), reading));
                }
            } else {
                DeadLetter letter = ((ParseResult.Rejected) result).deadLetter();
                reason = letter.reason();
                records = List.of(Topics.DEAD_LETTER.record(topic, letter));
            }
        }
        if (reason != null) {
            LOG.debug("dead-lettering message on {}: {}", topic, reason);
        }
        Pending pending = new Pending(records.size(), reason, handover);
        for (ProducerRecord<byte[], byte[]> record : records) {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        pending.fail(topic, error);
                    } else {
                        pending.stored();
                    }
                });
            } catch (RuntimeException e) {
                pending.fail(topic, e);
                return;
            }
        }
    }

    /** The records of one message still waiting for Kafka; counts and reports once. */
    private final class Pending {
        private final int records;
        private final AtomicInteger waiting;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final DeadLetterReason reason;
        private final Handover handover;

        Pending(int records, DeadLetterReason reason, Handover handover) {
            this.records = records;
            this.waiting = new AtomicInteger(records);
            this.reason = reason;
            this.handover = handover;
        }

        void stored() {
            if (waiting.decrementAndGet() != 0 || failed.get()) {
                return;
            }
            if (reason == null) {
                stats.countForwarded(records);
            } else {
                stats.countDeadLettered(reason);
            }
            handover.stored();
        }

        /** Marks the message failed; the first failure counts and is reported, later ones of it are not. */
        void fail(String topic, Exception error) {
            if (failed.compareAndSet(false, true)) {
                stats.countSendFailure();
                LOG.error(
                        "Kafka did not take a record from {}; the message is not acknowledged: {}",
                        topic,
                        error.toString());
                handover.failed(error);
            }
        }
    }
}
