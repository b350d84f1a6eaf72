package vn.cantho.ioc.ingest.mqtt;

import vn.cantho.ioc.model.DeadLetterReason;

/** Internal control flow of the parsers: carries the reason code out of the nested checks. */
final class Rejection extends Exception {

    private final DeadLetterReason reason;

    Rejection(DeadLetterReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    DeadLetterReason reason() {
        return reason;
    }
}
