package vn.cantho.ioc.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often each simulated device publishes, per device type: {@code 60s,water_gauge=5m,water_quality=5m}
 * means every device once a minute except the water gauges and the water-quality station, every five minutes.
 * A bare duration is the interval of every type not named; without one it is {@link #FALLBACK}. So a single
 * duration ({@code 5s}) makes every device publish at that interval.
 *
 * @param fallback interval of the types not named
 * @param byType   interval per device type
 */
public record Cadences(Duration fallback, Map<String, Duration> byType) {

    /** The default: what real Cần Thơ devices do (air, traffic and visitor counters every minute). */
    public static final String DEFAULT = "60s,water_gauge=5m,water_quality=5m";

    public static final Duration FALLBACK = Duration.ofSeconds(60);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Duration MIN = Duration.ofMillis(10);

    public Cadences {
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    /** Every device at the same interval. */
    public static Cadences every(Duration interval) {
        return new Cadences(interval, Map.of());
    }

    /**
     * Parses {@code [duration][,type=duration]...}; durations take {@code 500ms}, {@code 30s}, {@code 5m},
     * {@code 1h} or ISO-8601 ({@code PT30S}), at least 10 ms.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Cadences parse(String text) {
        Duration fallback = null;
        Map<String, Duration> byType = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String entry = part.trim();
            int equals = entry.indexOf('=');
            if (equals < 0) {
                if (fallback != null) {
                    throw new IllegalArgumentException("expected at most one interval for all types, e.g. " + DEFAULT);
                }
                fallback = duration(entry);
                continue;
            }
            String type = entry.substring(0, equals).trim();
            if (!TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException(
                        "expected a device type such as water_gauge before '=', got '" + type + "'");
            }
            if (byType.put(type, duration(entry.substring(equals + 1))) != null) {
                throw new IllegalArgumentException("expected each device type once; " + type + " is given twice");
            }
        }
        return new Cadences(fallback == null ? FALLBACK : fallback, byType);
    }

    /** The publish interval of devices of {@code type}. */
    public Duration of(String type) {
        return byType.getOrDefault(type, fallback);
    }

    /** For people: {@code every 60 s; water_gauge 5 min; water_quality 5 min}. */
    public String describe() {
        StringJoiner text = new StringJoiner("; ");
        text.add("every " + human(fallback));
        byType.forEach((type, interval) -> text.add(type + " " + human(interval)));
        return text.toString();
    }

    private static String human(Duration interval) {
        long millis = interval.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Parses one duration ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, ISO-8601) of at least 10 ms. */
    public static Duration duration(String text) {
        String value = text.trim();
        Duration duration;
        Matcher matcher = SHORT_DURATION.matcher(value);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                duration = switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                duration = Duration.parse(value);
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 5m or 1h, got '" + value + "'");
        }
        if (duration.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("expected an interval of at least 10ms, got '" + value + "'");
        }
        return duration;
    }
}
