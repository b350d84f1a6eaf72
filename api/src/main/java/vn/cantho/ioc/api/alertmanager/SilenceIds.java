package vn.cantho.ioc.api.alertmanager;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alertmanager silence ids are UUIDs; the hub's are numbers. Hub silence 42 is
 * {@code 00000000-0000-4000-8000-00000000002a} (a well-formed version-4 UUID, so clients that check the
 * format accept it), and only ids of that form are ours.
 */
final class SilenceIds {

    private static final String PREFIX = "00000000-0000-4000-8000-";
    private static final Pattern OURS = Pattern.compile("00000000-0000-4000-8000-([0-9a-f]{12})");

    private SilenceIds() {}

    static String toUuid(long id) {
        return PREFIX + String.format(Locale.ROOT, "%012x", id);
    }

    /** The hub id of an Alertmanager silence id, or empty when it cannot be one of ours. */
    static OptionalLong parse(String uuid) {
        Matcher m = OURS.matcher(uuid == null ? "" : uuid.toLowerCase(Locale.ROOT));
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1), 16)) : OptionalLong.empty();
    }
}
