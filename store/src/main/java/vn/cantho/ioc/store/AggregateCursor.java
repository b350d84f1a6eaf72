package vn.cantho.ioc.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import vn.cantho.ioc.model.Scope;

/**
 * Where a page of aggregates ended: the sort key (bucket, scope, entity id) of its last row. The next
 * page starts strictly after it, so paging has no gaps or repeats even while rows are being written.
 * Travels to clients as an opaque base64url string.
 */
public record AggregateCursor(Instant bucket, Scope scope, String entityId) {

    private static final String SEPARATOR = "|";

    public AggregateCursor {
        if (bucket == null || scope == null || entityId == null || entityId.isEmpty()) {
            throw new IllegalArgumentException("cursor needs a bucket, a scope and an entity id");
        }
    }

    /** The opaque form handed to clients. */
    public String encode() {
        // The entity id goes last so that it may itself contain the separator.
        String plain = bucket + SEPARATOR + scope.id() + SEPARATOR + entityId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a string made by {@link #encode()}.
     *
     * @throws IllegalArgumentException when it was not
     */
    public static AggregateCursor decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException("cursor is empty");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\" + SEPARATOR, 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            return new AggregateCursor(CursorParts.instant(parts[0]), Scope.of(parts[1]), CursorParts.text(parts[2]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cursor is malformed", e);
        }
    }
}
