package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The value types a feed field can have; ids as written in {@code feeds.json}. */
public enum FieldType {
    /** Text; Unicode NFC in the record. */
    STRING,
    /** A whole number (64-bit). */
    INT,
    /** A finite decimal number. */
    NUMBER,
    /** A calendar date, {@code 2026-10-31} or {@code 31/10/2026}; {@code YYYY-MM-DD} in the record. */
    DATE,
    /** An instant; without an offset it is Vietnam time (UTC+7); ISO-8601 UTC in the record. */
    DATETIME,
    /** true or false. */
    BOOL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType of(String id) {
        for (FieldType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown field type '" + id + "'; expected string, int, number, date," + " datetime or bool");
    }

    boolean isNumeric() {
        return this == INT || this == NUMBER;
    }

    boolean isTime() {
        return this == DATE || this == DATETIME;
    }
}
