package vn.cantho.ioc.ingest.mqtt;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import vn.cantho.ioc.model.DeadLetterReason;

/**
 * Counters of the MQTT bridge, so "nothing lost" can be checked: every received message ends up
 * forwarded, dead-lettered, or (while Kafka refuses it) counted as a send failure and left
 * unacknowledged at the broker for redelivery.
 */
public final class IngestStats {

    private final LongAdder received = new LongAdder();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder readingsForwarded = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final Map<DeadLetterReason, LongAdder> deadLettered = new EnumMap<>(DeadLetterReason.class);

    public IngestStats() {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLettered.put(reason, new LongAdder());
        }
    }

    void countReceived() {
        received.increment();
    }

    /** One message forwarded, made of {@code readings} readings (more than one for a SenML pack). */
    void countForwarded(int readings) {
        forwarded.increment();
        readingsForwarded.add(readings);
    }

    void countDeadLettered(DeadLetterReason reason) {
        deadLettered.get(reason).increment();
    }

    void countSendFailure() {
        sendFailures.increment();
    }

    public long received() {
        return received.sum();
    }

    /** Messages whose readings Kafka stored. */
    public long forwarded() {
        return forwarded.sum();
    }

    /** Readings written to the telemetry topic (a SenML message with several timestamps makes several). */
    public long readingsForwarded() {
        return readingsForwarded.sum();
    }

    /** Messages left unacknowledged because Kafka refused one of their records. */
    public long sendFailures() {
        return sendFailures.sum();
    }

    public long deadLettered(DeadLetterReason reason) {
        return deadLettered.get(reason).sum();
    }

    public long deadLetteredTotal() {
        return deadLettered.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
