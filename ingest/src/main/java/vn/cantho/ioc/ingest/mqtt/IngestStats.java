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

    void countForwarded() {
        forwarded.increment();
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

    public long forwarded() {
        return forwarded.sum();
    }

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
