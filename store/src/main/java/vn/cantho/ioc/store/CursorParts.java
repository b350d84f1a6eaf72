package vn.cantho.ioc.store;

import java.time.Instant;

/**
 * Checks the parts of a paging cursor as it comes back from a client. A cursor is opaque but not secret:
 * anyone can forge one, so what it carries must be something the database can compare, or the query
 * fails there instead of being refused as a malformed cursor.
 */
public final class CursorParts {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private CursorParts() {}

    /**
     * @throws IllegalArgumentException when {@code text} is not an instant in the years 1 to 9999
     * @throws java.time.format.DateTimeParseException when it is no instant at all
     */
    public static Instant instant(String text) {
        Instant instant = Instant.parse(text);
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw new IllegalArgumentException("cursor is malformed");
        }
        return instant;
    }

    /** @throws IllegalArgumentException when {@code text} holds a NUL character, which PostgreSQL cannot take */
    public static String text(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("cursor is malformed");
        }
        return text;
    }
}
