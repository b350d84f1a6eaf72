package vn.cantho.ioc.ingest.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.metrics.StageMeters;

/**
 * Counters of the MQTT bridge, so "nothing lost" can be checked: every received message ends up
 * forwarded, dead-lettered, or (while Kafka refuses it) counted as a send failure and left
 * unacknowledged at the broker for redelivery. The same counts go to the stage meters on {@code /metrics}
 * ({@link StageMeters#MQTT_MESSAGES} and its neighbours), summed over every ingest of the process.
 */
public final class IngestStats {

    private final LongAdder received = new LongAdder();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder readingsForwarded = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final Map<DeadLetterReason, LongAdder> deadLettered = new EnumMap<>(DeadLetterReason.class);
    private final Counter receivedMeter = outcome("received");
    private final Counter forwardedMeter = outcome("forwarded");
    private final Counter deadLetteredMeter = outcome("dead_lettered");
    private final Counter sendFailureMeter = outcome("send_failure");
    private final Counter readingsMeter = Metrics.counter(StageMeters.MQTT_READINGS);
    private final Map<DeadLetterReason, Counter> deadLetterMeters = new EnumMap<>(DeadLetterReason.class);

    public IngestStats() {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLettered.put(reason, new LongAdder());
            deadLetterMeters.put(reason, Metrics.counter(StageMeters.MQTT_DEAD_LETTERS, "reason", reason.name()));
        }
    }

    private static Counter outcome(String outcome) {
        return Metrics.counter(StageMeters.MQTT_MESSAGES, "outcome", outcome);
    }

    void countReceived() {
        received.increment();
        receivedMeter.increment();
    }

    /** One message forwarded, made of {@code readings} readings (more than one for a SenML pack). */
    void countForwarded(int readings) {
        forwarded.increment();
        readingsForwarded.add(readings);
        forwardedMeter.increment();
        readingsMeter.increment(readings);
    }

    void countDeadLettered(DeadLetterReason reason) {
        deadLettered.get(reason).increment();
        deadLetteredMeter.increment();
        deadLetterMeters.get(reason).increment();
    }

    void countSendFailure() {
        sendFailures.increment();
        sendFailureMeter.increment();
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
