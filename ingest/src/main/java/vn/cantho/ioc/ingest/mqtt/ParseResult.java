package vn.cantho.ioc.ingest.mqtt;

import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.Reading;

/** The outcome of parsing one MQTT message: an accepted reading or a dead letter, never both. */
public sealed interface ParseResult {

    /** The message is a valid reading of a registered device. */
    record Accepted(Reading reading) implements ParseResult {
    }

    /** The message was rejected; the dead letter says why and keeps its bytes. */
    record Rejected(DeadLetter deadLetter) implements ParseResult {
    }
}
