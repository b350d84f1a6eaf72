package vn.cantho.ioc.ingest.mqtt;

import java.util.List;
import java.util.Objects;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.Reading;

/**
 * The outcome of parsing one MQTT message: the readings it carries, or a dead letter, never both.
 * A message is accepted or rejected as a whole.
 */
public sealed interface ParseResult {

    /**
     * The message is valid: one reading for a compact payload, one per distinct timestamp for a SenML
     * pack (oldest first). Never empty; all readings are of the same device.
     */
    record Accepted(List<Reading> readings) implements ParseResult {

        public Accepted {
            Objects.requireNonNull(readings, "readings");
            if (readings.isEmpty()) {
                throw new IllegalArgumentException("an accepted message carries at least one reading");
            }
            readings = List.copyOf(readings);
        }

        /** A message with a single reading. */
        public static Accepted of(Reading reading) {
            return new Accepted(List.of(reading));
        }
    }

    /** The message was rejected; the dead letter says why and keeps its bytes. */
    record Rejected(DeadLetter deadLetter) implements ParseResult {}
}
