package vn.cantho.ioc.ingest.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cantho.ioc.model.DeadLetterReason;

/**
 * Resolves a SenML JSON pack (RFC 8428 §4.6) into its resolved records: base name + name, base time +
 * time (values below 2<sup>28</sup> relative to the receive time), record unit or else base unit, base
 * value + value. Structural problems are rejected here; whether a record makes sense for the device
 * (metric, unit, range, time window) is the {@link ReadingParser}'s business.
 *
 * <p>Not supported (rejected as {@code BAD_PAYLOAD}): string, boolean and data values ({@code vs},
 * {@code vb}, {@code vd}), sums ({@code s}, {@code bs}), versions above 10 and must-understand fields
 * (names ending in {@code _}). Other unknown fields and {@code ut} are ignored, as RFC 8428 says.
 */
final class SenmlPack {

    /** RFC 8428 §4.5.3: resolved times below 2^28 seconds are relative to "now". */
    static final BigDecimal RELATIVE_TIME_LIMIT = BigDecimal.valueOf(1L << 28);
    /** The SenML version this parser implements (RFC 8428). */
    static final int VERSION = 10;
    /** Resolved times beyond this many seconds from the epoch cannot be an instant anyone means. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(1L << 40);
    /** RFC 8428 §4.5.1: name characters, starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./_-]*");

    private static final Set<String> NON_NUMERIC_VALUES = Set.of("vs", "vb", "vd");

    /**
     * One resolved record.
     *
     * @param index position in the pack (0-based), for error messages
     * @param name  resolved name (base name + name)
     * @param time  resolved absolute time
     * @param value the record's {@code v}, or null when only a base value applies
     * @param base  the base value in effect, or null
     * @param unit  resolved unit, or null when none was given
     */
    record Resolved(int index, String name, Instant time, JsonNode value, JsonNode base, String unit) {}

    private SenmlPack() {}

    static List<Resolved> resolve(JsonNode pack, Instant now) throws Rejection {
        if (pack.isEmpty()) {
            throw new Rejection(DeadLetterReason.BAD_PAYLOAD, "SenML pack is empty");
        }
        String baseName = "";
        JsonNode baseTime = null;
        String baseUnit = null;
        JsonNode baseValue = null;
        List<Resolved> records = new ArrayList<>(pack.size());
        for (int i = 0; i < pack.size(); i++) {
            JsonNode record = pack.get(i);
            if (!record.isObject()) {
                throw new Rejection(DeadLetterReason.BAD_PAYLOAD, "SenML record " + i + " is not a JSON object");
            }
            checkFields(record, i);
            if (record.has("bn")) {
                baseName = text(record, "bn", i);
            }
            if (record.has("bt")) {
                baseTime = record.get("bt");
            }
            if (record.has("bu")) {
                baseUnit = text(record, "bu", i);
            }
            if (record.has("bv")) {
                baseValue = record.get("bv");
            }
            String name = baseName + (record.has("n") ? text(record, "n", i) : "");
            if (name.isEmpty()) {
                throw new Rejection(DeadLetterReason.BAD_PAYLOAD, "SenML record " + i + " has no name (n or bn)");
            }
            if (!NAME.matcher(name).matches()) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + i + ": name '" + abbreviate(name)
                                + "' must start with a letter or digit and contain only letters, digits and - : . / _");
            }
            JsonNode value = record.get("v");
            if (value == null && baseValue == null) {
                throw new Rejection(DeadLetterReason.BAD_PAYLOAD, "SenML record " + i + " has no value (v)");
            }
            String unit = record.has("u") ? text(record, "u", i) : baseUnit;
            records.add(new Resolved(
                    i,
                    name,
                    time(baseTime, record.get("t"), now, i),
                    value,
                    baseValue,
                    unit == null || unit.isEmpty() ? null : unit));
        }
        return records;
    }

    private static void checkFields(JsonNode record, int index) throws Rejection {
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (NON_NUMERIC_VALUES.contains(field)) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + index + " has a " + field
                                + " value; the hub accepts numeric values (v) only");
            }
            if (field.equals("s") || field.equals("bs")) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + index + " has a sum (" + field + "); sums are not supported");
            }
            if (field.endsWith("_")) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + index + " has the must-understand field '" + abbreviate(field)
                                + "', which the hub does not know");
            }
        }
        JsonNode version = record.get("bver");
        if (version != null && (!version.isIntegralNumber() || version.asLong() < 1 || version.asLong() > VERSION)) {
            throw new Rejection(
                    DeadLetterReason.BAD_PAYLOAD,
                    "SenML record " + index + ": bver " + abbreviate(version.toString()) + " is not supported (1.."
                            + VERSION + ")");
        }
    }

    private static Instant time(JsonNode baseTime, JsonNode time, Instant now, int index) throws Rejection {
        BigDecimal seconds = seconds(baseTime, "bt", index).add(seconds(time, "t", index));
        if (seconds.abs().compareTo(MAX_SECONDS) > 0) {
            throw new Rejection(
                    DeadLetterReason.BAD_TIMESTAMP,
                    "SenML record " + index + ": time " + seconds + " is not a plausible instant");
        }
        long millis =
                seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return seconds.compareTo(RELATIVE_TIME_LIMIT) < 0 ? now.plusMillis(millis) : Instant.ofEpochMilli(millis);
    }

    private static BigDecimal seconds(JsonNode node, String field, int index) throws Rejection {
        if (node == null) {
            return BigDecimal.ZERO;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new Rejection(
                    DeadLetterReason.BAD_TIMESTAMP,
                    "SenML record " + index + ": " + field + " must be a finite number of seconds");
        }
        return node.decimalValue();
    }

    private static String text(JsonNode record, String field, int index) throws Rejection {
        JsonNode node = record.get(field);
        if (!node.isTextual()) {
            throw new Rejection(
                    DeadLetterReason.BAD_PAYLOAD, "SenML record " + index + ": " + field + " must be a string");
        }
        return node.asText();
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
