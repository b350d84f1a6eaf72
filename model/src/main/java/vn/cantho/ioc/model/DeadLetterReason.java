package vn.cantho.ioc.model;

/** Stable reason codes of the dead-letter topic. Codes are never renamed; new ones may be added. */
public enum DeadLetterReason {
    /** The payload is larger than the hub accepts; the dead letter keeps only its beginning. */
    TOO_LARGE,
    /** The payload is not well-formed JSON (or not UTF-8). */
    BAD_JSON,
    /** JSON, but not of the documented payload shape (missing timestamp or values, wrong types). */
    BAD_PAYLOAD,
    /** The MQTT topic is not a documented hub topic. */
    BAD_TOPIC,
    /** The device id is not in the device registry. */
    UNKNOWN_DEVICE,
    /** A value names a metric the device does not measure. */
    UNKNOWN_METRIC,
    /** A value is NaN, infinite or not a number. */
    NON_FINITE,
    /** A value lies outside the metric's physically possible range. */
    OUT_OF_RANGE,
    /** The timestamp is unparseable or too far in the past or future. */
    BAD_TIMESTAMP,
    /** A SenML record gives a unit that is not the metric's unit (the hub converts no units). */
    BAD_UNIT,
    /**
     * A row of a department feed push that does not fit the feed's schema; the detail names the row and
     * lists its row error codes (MISSING_FIELD, BAD_TYPE, BAD_NUMBER, BAD_DATE, ...).
     */
    BAD_RECORD,
    /**
     * A reading older than its own device's event-time progress minus the aggregation grace: the 1-minute window
     * it belongs to has already closed for that device, so it cannot be counted there any more (its raw
     * observation is still stored). Set by the streams stage, not by ingest.
     */
    LATE
}
