package vn.cantho.ioc.model.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key, declared once by the module that uses it: its environment variable name, default, one
 * line of documentation, and how its text is parsed and checked. A parser throws {@link IllegalArgumentException}
 * saying what it expected; {@link Config#get} turns that into a {@link ConfigException} naming the key. The
 * factories below are the shared validators, so a rule such as "a positive duration" is written once.
 */
public record Setting<T>(String key, String defaultValue, String description, Function<String, T> parser) {

    public static Setting<String> text(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Parsers::text);
    }

    /** Text that may be left empty, meaning "not configured". */
    public static Setting<Optional<String>> optionalText(String key, String description) {
        return new Setting<>(key, "", description, Parsers.optional(Parsers::text));
    }

    public static Setting<Integer> port(String key, int defaultValue, String description) {
        return new Setting<>(key, Integer.toString(defaultValue), description, Parsers::port);
    }

    public static Setting<Integer> positiveInt(String key, int defaultValue, String description) {
        return new Setting<>(key, Integer.toString(defaultValue), description, Parsers::positiveInt);
    }

    public static Setting<Boolean> flag(String key, boolean defaultValue, String description) {
        return new Setting<>(key, Boolean.toString(defaultValue), description, Parsers::flag);
    }

    /** A duration that may be zero. */
    public static Setting<Duration> duration(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Parsers::duration);
    }

    /** A duration greater than zero: an interval, a timeout, a back-off. */
    public static Setting<Duration> positiveDuration(String key, String defaultValue, String description) {
        return duration(key, defaultValue, description).check(value -> !value.isZero(), "a positive duration");
    }

    /** A path to an existing regular file, or empty. */
    public static Setting<Optional<Path>> optionalFile(String key, String description) {
        return new Setting<>(key, "", description, Parsers.optional(Parsers::existingFile));
    }

    /** A path to an existing directory, or empty. */
    public static Setting<Optional<Path>> optionalDirectory(String key, String description) {
        return new Setting<>(key, "", description, Parsers.optional(Parsers::existingDirectory));
    }

    /**
     * The same key with one more condition on the parsed value; {@code expected} completes "expected ..." in the
     * message when it fails. An empty optional value is not checked.
     */
    public Setting<T> check(Predicate<? super T> condition, String expected) {
        return new Setting<>(key, defaultValue, description, parser.andThen(value -> {
            if (value instanceof Optional<?> optional && optional.isEmpty()) {
                return value;
            }
            if (!condition.test(value)) {
                throw new IllegalArgumentException("expected " + expected);
            }
            return value;
        }));
    }
}
