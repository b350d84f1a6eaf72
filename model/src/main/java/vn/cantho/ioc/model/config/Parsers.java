package vn.cantho.ioc.model.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for configuration text. Each says what it expected when the text does not fit. */
final class Parsers {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Parsers() {}

    static String text(String value) {
        return value.trim();
    }

    static int port(String value) {
        int port = integer(value, "a TCP port number 0-65535 (0 = any free port)");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("expected a TCP port number 0-65535 (0 = any free port)");
        }
        return port;
    }

    static int positiveInt(String value) {
        int number = integer(value, "a positive whole number");
        if (number <= 0) {
            throw new IllegalArgumentException("expected a positive whole number");
        }
        return number;
    }

    static boolean flag(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** Accepts {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} and ISO-8601 ({@code PT30S}). */
    static Duration duration(String value) {
        String text = value.trim();
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("expected a non-negative duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 5m, 2h or PT30S");
        }
    }

    /** Blank text is empty; anything else goes through {@code parser}. */
    static <T> Function<String, Optional<T>> optional(Function<String, T> parser) {
        return value -> value.isBlank() ? Optional.empty() : Optional.of(parser.apply(value));
    }

    static Path existingFile(String value) {
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file");
        }
        return path;
    }

    static Path existingDirectory(String value) {
        Path path = Path.of(value.trim());
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("not a directory");
        }
        return path;
    }

    private static int integer(String value, String expected) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}
