package vn.cantho.ioc.store.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import vn.cantho.ioc.store.CursorParts;

/**
 * Position in the alert list (ordered by last-seen time, then id, both descending) as an opaque
 * URL-safe token, so a page boundary stays put while alerts are added.
 */
record AlertCursor(Instant lastSeenAt, long id) {

    String encode() {
        String text = lastSeenAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode()} */
    static AlertCursor decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new AlertCursor(
                    CursorParts.instant(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor '" + token + "'");
        }
    }
}
