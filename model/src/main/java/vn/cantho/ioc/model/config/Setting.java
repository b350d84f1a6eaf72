package vn.cantho.ioc.model.config;

import java.util.function.Function;

/**
 * One configuration key: its environment variable name, default, one line of documentation, and
 * how its text is parsed. A parser throws {@link IllegalArgumentException} with what it expected.
 */
public record Setting<T>(String key, String defaultValue, String description, Function<String, T> parser) {

    public static Setting<String> text(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Parsers::text);
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

    public static Setting<java.time.Duration> duration(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Parsers::duration);
    }
}
