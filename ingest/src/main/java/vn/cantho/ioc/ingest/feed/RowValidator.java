package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one row against its feed's schema and types its values; collects every problem of the row
 * (not only the first) so a department can fix a row in one go. Thread-safe.
 *
 * <p>Accepted inputs per type: {@code string} — a JSON string (numbers are not strings); {@code int} — a
 * JSON integer (or a number with no fraction) or its text; {@code number} — a finite JSON number or its
 * text with a dot as the decimal separator; {@code bool} — true/false (also 1/0, yes/no in text);
 * {@code date} — {@code 2026-10-31} or {@code 31/10/2026}; {@code datetime} — ISO-8601 with an offset
 * ({@code 2026-10-31T14:05:00+07:00}, {@code …Z}), without one in Vietnam time ({@code 2026-10-31T14:05:00},
 * {@code 2026-10-31 14:05}), {@code 31/10/2026 14:05[:00]} in Vietnam time, or JSON epoch milliseconds.
 * Values are trimmed; an empty value is an absent one.
 */
final class RowValidator {

    /** Vietnam time (UTC+7, no daylight saving): dates and offset-less times are read in it. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The earliest event time accepted, to catch swapped day/month or two-digit years. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far in the future an event time may lie (clocks, time zones). */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    static final int MAX_KEY_LENGTH = 512;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern VN_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final DateTimeFormatter VN_DATE_FORMAT =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VN_DATE_TIME_FORMAT =
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    private static final long MAX_SAFE_DOUBLE_INTEGER = 1L << 53;

    private final FeedDefinition feed;
    private final Map<String, FieldSpec> fields;
    private final TextNormalizer normalizer;
    private final Clock clock;

    RowValidator(FeedDefinition feed, TextNormalizer normalizer, Clock clock) {
        this.feed = feed;
        this.fields = feed.fieldsByName();
        this.normalizer = normalizer;
        this.clock = clock;
    }

    /** The typed row, or the row's errors (all of them). */
    RowOutcome validate(RawRow raw) {
        if (raw.structural() != null) {
            return new RowOutcome.Rejected(raw.row(), List.of(raw.structural()), raw.original());
        }
        Row row = new Row(raw.row());
        for (Map.Entry<String, Cell> cell : raw.cells().entrySet()) {
            if (!fields.containsKey(cell.getKey())
                    && !(cell.getValue() instanceof Cell.Json json
                            && json.node().isNull())) {
                row.error(
                        cell.getKey(),
                        RowErrorCode.UNKNOWN_FIELD,
                        "feed " + feed.id() + " has no field '" + abbreviate(cell.getKey()) + "'");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec spec : feed.fields()) {
            Object value = value(spec, raw.cells().get(spec.name()), row);
            if (value == Absent.VALUE) {
                if (spec.required()) {
                    row.error(spec.name(), RowErrorCode.MISSING_FIELD, spec.name() + " is required");
                }
            } else if (value != null) {
                values.put(spec.name(), value);
            }
        }
        Instant ts = null;
        if (values.containsKey(feed.time())) {
            ts = eventTime(fields.get(feed.time()), values.get(feed.time()), row);
        }
        String key = null;
        if (row.errors.isEmpty()) {
            key = recordKey(values);
            if (key.length() > MAX_KEY_LENGTH) {
                row.error(
                        String.join(",", feed.key()),
                        RowErrorCode.OUT_OF_RANGE,
                        "the record key is longer than " + MAX_KEY_LENGTH + " characters");
            }
        }
        if (!row.errors.isEmpty()) {
            return new RowOutcome.Rejected(raw.row(), row.errors, raw.original());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (FieldSpec spec : feed.fields()) {
            if (spec.metric() != null && values.get(spec.name()) instanceof Number number) {
                metrics.put(spec.metric(), number.doubleValue());
            }
        }
        String period = feed.cadence().period(LocalDateTime.ofInstant(ts, VIETNAM));
        String area = feed.area() == null ? null : (String) values.get(feed.area());
        return new ValidRow(raw.row(), key, ts, period, area, values, metrics, row.conversions, raw.original());
    }

    /** The typed value; {@link Absent#VALUE} when absent or empty; null when invalid (an error was recorded). */
    private Object value(FieldSpec spec, Cell cell, Row row) {
        if (cell == null) {
            return Absent.VALUE;
        }
        JsonNode node = cell instanceof Cell.Json json ? json.node() : null;
        if (node != null && (node.isNull() || node.isMissingNode())) {
            return Absent.VALUE;
        }
        if (node != null && (node.isContainerNode())) {
            return row.error(
                    spec.name(),
                    RowErrorCode.BAD_TYPE,
                    spec.name() + " must be " + expected(spec.type()) + ", not " + JsonBodyReader.describe(node));
        }
        if (node != null && !node.isTextual()) {
            return scalar(spec, node, row);
        }
        String text = text(spec, cell, node, row);
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return Absent.VALUE;
        }
        return parse(spec, text, row);
    }

    /** A JSON number or boolean. */
    private Object scalar(FieldSpec spec, JsonNode node, Row row) {
        switch (spec.type()) {
            case INT -> {
                if (!node.isNumber()) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_TYPE,
                            spec.name() + " must be a whole number, not " + JsonBodyReader.describe(node));
                }
                if (!Double.isFinite(node.asDouble())) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_NUMBER,
                            spec.name() + " must be a finite whole number, not " + node.asText());
                }
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return range(spec, node.longValue(), row);
                }
                BigDecimal decimal = node.decimalValue();
                if (decimal.stripTrailingZeros().scale() > 0) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_NUMBER,
                            spec.name() + " must be a whole number, not " + node.asText());
                }
                if (decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    return row.error(spec.name(), RowErrorCode.OUT_OF_RANGE, spec.name() + " is too large");
                }
                return range(spec, decimal.longValueExact(), row);
            }
            case NUMBER -> {
                if (!node.isNumber()) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_TYPE,
                            spec.name() + " must be a number, not " + JsonBodyReader.describe(node));
                }
                double value = node.asDouble();
                if (!Double.isFinite(value)) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_NUMBER,
                            spec.name() + " must be a finite number, not " + node.asText());
                }
                return range(spec, value, row);
            }
            case BOOL -> {
                if (!node.isBoolean()) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_TYPE,
                            spec.name() + " must be true or false, not " + JsonBodyReader.describe(node));
                }
                return node.booleanValue();
            }
            case DATETIME -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return Instant.ofEpochMilli(node.longValue()).toString();
                }
                return row.error(
                        spec.name(),
                        RowErrorCode.BAD_TYPE,
                        spec.name() + " must be an ISO-8601 date-time" + " string or epoch milliseconds, not "
                                + JsonBodyReader.describe(node));
            }
            default -> {
                return row.error(
                        spec.name(),
                        RowErrorCode.BAD_TYPE,
                        spec.name() + " must be " + expected(spec.type()) + ", not " + JsonBodyReader.describe(node));
            }
        }
    }

    /** The field's text (NFC, legacy text converted, trimmed); null when it cannot be decoded (error recorded). */
    private String text(FieldSpec spec, Cell cell, JsonNode node, Row row) {
        String text;
        if (spec.text()) {
            TextNormalizer.NormalizedText normalized = node != null
                    ? normalizer.normalize(node.textValue(), feed.legacyEncoding())
                    : normalizer.decode(((Cell.Raw) cell).bytes(), feed.legacyEncoding());
            if (normalized.undecodable()) {
                return row.error(
                        spec.name(),
                        RowErrorCode.BAD_ENCODING,
                        spec.name() + " is neither UTF-8 nor recognisable TCVN3, VNI-Windows or Windows-1258 text");
            }
            text = normalized.text().strip();
            if (normalized.from() != null && !text.isEmpty()) {
                row.conversions.add(new FieldConversion(row.number, spec.name(), normalized.from()));
            }
        } else if (node != null) {
            text = nfc(node.textValue()).strip();
        } else {
            byte[] bytes = ((Cell.Raw) cell).bytes();
            String decoded = Utf8.decode(bytes, 0, bytes.length).orElse(null);
            if (decoded == null) {
                return row.error(
                        spec.name(),
                        RowErrorCode.BAD_ENCODING,
                        spec.name() + " is not valid UTF-8 (only"
                                + " text fields are decoded from legacy Vietnamese encodings)");
            }
            text = nfc(decoded).strip();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return row.error(
                        spec.name(),
                        RowErrorCode.BAD_ENCODING,
                        spec.name() + String.format(Locale.ROOT, " contains the control character U+%04X", (int) c));
            }
        }
        return text;
    }

    private Object parse(FieldSpec spec, String text, Row row) {
        return switch (spec.type()) {
            case STRING -> string(spec, text, row);
            case INT -> integer(spec, text, row);
            case NUMBER -> number(spec, text, row);
            case BOOL -> bool(spec, text, row);
            case DATE -> date(spec, text, row);
            case DATETIME -> dateTime(spec, text, row);
        };
    }

    private Object string(FieldSpec spec, String text, Row row) {
        if (text.codePointCount(0, text.length()) > spec.effectiveMaxLength()) {
            return row.error(
                    spec.name(),
                    RowErrorCode.OUT_OF_RANGE,
                    spec.name() + " is longer than " + spec.effectiveMaxLength() + " characters");
        }
        if (!spec.values().isEmpty() && !spec.values().contains(text)) {
            return row.error(
                    spec.name(),
                    RowErrorCode.OUT_OF_RANGE,
                    spec.name() + " '" + abbreviate(text) + "' is not one of " + String.join(", ", spec.values()));
        }
        return text;
    }

    private Object integer(FieldSpec spec, String text, Row row) {
        if (INTEGER.matcher(text).matches()) {
            return range(spec, Long.parseLong(text), row);
        }
        if (DECIMAL.matcher(text).matches()) {
            BigDecimal decimal = new BigDecimal(text);
            if (decimal.stripTrailingZeros().scale() <= 0
                    && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return range(spec, decimal.longValueExact(), row);
            }
            return row.error(
                    spec.name(),
                    RowErrorCode.BAD_NUMBER,
                    spec.name() + " must be a whole number, not '" + abbreviate(text) + "'");
        }
        return row.error(spec.name(), RowErrorCode.BAD_NUMBER, notANumber(spec, text, "a whole number"));
    }

    private Object number(FieldSpec spec, String text, Row row) {
        if (!DECIMAL.matcher(text).matches()) {
            return row.error(spec.name(), RowErrorCode.BAD_NUMBER, notANumber(spec, text, "a number"));
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            return row.error(
                    spec.name(),
                    RowErrorCode.BAD_NUMBER,
                    spec.name() + " '" + abbreviate(text) + "' is not a finite number");
        }
        return range(spec, value, row);
    }

    private static String notANumber(FieldSpec spec, String text, String expected) {
        String hint = text.matches("[+-]?\\d+([.,]\\d+)*,\\d+") || text.matches("\\d{1,3}(\\.\\d{3})+")
                ? " (write numbers with a dot as the decimal separator and no thousands separators, e.g. 1234.5)"
                : "";
        return spec.name() + " must be " + expected + ", not '" + abbreviate(text) + "'" + hint;
    }

    private Object range(FieldSpec spec, long value, Row row) {
        if (outside(spec, value)) {
            return row.error(
                    spec.name(),
                    RowErrorCode.OUT_OF_RANGE,
                    spec.name() + " = " + value + " is outside " + bounds(spec));
        }
        if (spec.type() == FieldType.NUMBER) {
            return (double) value;
        }
        return value;
    }

    private Object range(FieldSpec spec, double value, Row row) {
        if (outside(spec, value)) {
            return row.error(
                    spec.name(),
                    RowErrorCode.OUT_OF_RANGE,
                    spec.name() + " = " + value + " is outside " + bounds(spec));
        }
        return value;
    }

    private static boolean outside(FieldSpec spec, double value) {
        return spec.min() != null && value < spec.min() || spec.max() != null && value > spec.max();
    }

    private static String bounds(FieldSpec spec) {
        return (spec.min() == null ? "-∞" : format(spec.min())) + ".." + (spec.max() == null ? "∞" : format(spec.max()))
                + (spec.unit() == null ? "" : " " + spec.unit());
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < MAX_SAFE_DOUBLE_INTEGER
                ? Long.toString((long) bound)
                : Double.toString(bound);
    }

    private static Object bool(FieldSpec spec, String text, Row row) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                row.error(
                        spec.name(),
                        RowErrorCode.BAD_TYPE,
                        spec.name() + " must be true or false, not '" + abbreviate(text) + "'");
        };
    }

    private static Object date(FieldSpec spec, String text, Row row) {
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text).toString();
            }
            if (VN_DATE.matcher(text).matches()) {
                return LocalDate.parse(text, VN_DATE_FORMAT).toString();
            }
        } catch (DateTimeParseException e) {
            return row.error(
                    spec.name(),
                    RowErrorCode.BAD_DATE,
                    spec.name() + " '" + abbreviate(text) + "' is not a valid date");
        }
        return row.error(
                spec.name(),
                RowErrorCode.BAD_DATE,
                spec.name() + " '" + abbreviate(text) + "' is not a date; write 2026-10-31 or 31/10/2026");
    }

    private static Object dateTime(FieldSpec spec, String text, Row row) {
        try {
            return OffsetDateTime.parse(text).toInstant().toString();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'))
                        .atZone(VIETNAM)
                        .toInstant()
                        .toString();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDateTime.parse(text, VN_DATE_TIME_FORMAT)
                            .atZone(VIETNAM)
                            .toInstant()
                            .toString();
                } catch (DateTimeParseException notVietnamese) {
                    return row.error(
                            spec.name(),
                            RowErrorCode.BAD_DATE,
                            spec.name() + " '" + abbreviate(text)
                                    + "' is not a date-time; write 2026-10-31T14:05:00+07:00 (ISO-8601; without an offset"
                                    + " it is Vietnam time) or 31/10/2026 14:05");
                }
            }
        }
    }

    /** The event time of a typed time value; checks it is plausible and the start of a period. */
    private Instant eventTime(FieldSpec spec, Object value, Row row) {
        LocalDateTime local;
        Instant instant;
        if (spec.type() == FieldType.DATE) {
            local = LocalDate.parse((String) value).atStartOfDay();
            instant = local.atZone(VIETNAM).toInstant();
        } else {
            instant = Instant.parse((String) value);
            local = LocalDateTime.ofInstant(instant, VIETNAM);
        }
        if (local.toLocalDate().isBefore(EARLIEST)
                || instant.isAfter(clock.instant().plus(MAX_FUTURE))) {
            row.error(
                    spec.name(),
                    RowErrorCode.OUT_OF_RANGE,
                    spec.name() + " " + value + " is before " + EARLIEST + " or more than " + MAX_FUTURE.toHours()
                            + " hours in the future");
            return null;
        }
        if (!feed.cadence().isPeriodStart(local)) {
            row.error(
                    spec.name(),
                    RowErrorCode.BAD_DATE,
                    "feed " + feed.id() + " is " + feed.cadence().id() + ": " + spec.name() + " must be "
                            + feed.cadence().periodStartHint() + ", not " + value);
            return null;
        }
        return instant;
    }

    private String recordKey(Map<String, Object> values) {
        StringBuilder key = new StringBuilder();
        for (String field : feed.key()) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(escapeKeyPart(String.valueOf(values.get(field))));
        }
        return key.toString();
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static String escapeKeyPart(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }

    private static String expected(FieldType type) {
        return switch (type) {
            case STRING -> "a string";
            case INT -> "a whole number";
            case NUMBER -> "a number";
            case BOOL -> "true or false";
            case DATE -> "a date string";
            case DATETIME -> "a date-time string";
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** Marks an absent or empty value (null means invalid). */
    private enum Absent {
        VALUE
    }

    /** What is collected while checking one row. */
    private static final class Row {
        final int number;
        final List<RowError> errors = new ArrayList<>(2);
        final List<FieldConversion> conversions = new ArrayList<>(1);

        Row(int number) {
            this.number = number;
        }

        /** Records an error and returns null, so callers can {@code return row.error(...)}. */
        <T> T error(String field, RowErrorCode code, String message) {
            errors.add(new RowError(number, field, code, message));
            return null;
        }
    }
}
