package vn.cantho.ioc.ingest.feed;

/**
 * Stable codes of per-row errors in a push response. A row with any error is rejected as a whole (and
 * dead-lettered as {@code BAD_RECORD}); the other rows of the push are unaffected. Codes are only added.
 */
public enum RowErrorCode {
    /** A required field is absent, null or empty. */
    MISSING_FIELD,
    /** A value of the wrong JSON type (an object, array or boolean for a number, a number for a string, ...), or a record that is not a JSON object. */
    BAD_TYPE,
    /** Not a finite number: NaN, Infinity, text, a decimal comma, or a fraction for an int field. */
    BAD_NUMBER,
    /** Not a date/datetime in an accepted format, or a period field that is not the start of its period. */
    BAD_DATE,
    /** A JSON record names a field the feed's schema does not have. */
    UNKNOWN_FIELD,
    /** An earlier row of the same body has the same record key; the first one counts. */
    DUPLICATE_KEY_IN_BODY,
    /** Outside the schema's min/max, longer than maxLength, not one of the allowed values, or an implausible time. */
    OUT_OF_RANGE,
    /** Bytes that are neither UTF-8 nor a recognisable legacy Vietnamese encoding, or control characters. */
    BAD_ENCODING,
    /** A CSV line with more or fewer values than the header. */
    COLUMN_COUNT
}
