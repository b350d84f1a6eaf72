package vn.cantho.ioc.model.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Configuration values looked up by {@link Setting}: a key's environment variable wins over its
 * default, and a Java system property of the same name ({@code -DHTTP_PORT=8081}) wins over both.
 * An empty value means "use the default".
 */
public final class Config {

    private final Map<String, String> values;

    public Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Environment variables overlaid with system properties. */
    public static Config fromEnvironment() {
        Map<String, String> merged = new HashMap<>(System.getenv());
        System.getProperties().forEach((k, v) -> merged.put(k.toString(), v.toString()));
        return new Config(merged);
    }

    /** Returns a copy with {@code overrides} on top, as tests and embedded defaults use. */
    public Config with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new Config(merged);
    }

    /** Whether the key was given a non-empty value (rather than falling back to its default). */
    public boolean isSet(Setting<?> setting) {
        String value = values.get(setting.key());
        return value != null && !value.isBlank();
    }

    /** The parsed value; throws {@link ConfigException} naming the key when it does not parse. */
    public <T> T get(Setting<T> setting) {
        String raw = isSet(setting) ? values.get(setting.key()) : setting.defaultValue();
        try {
            return setting.parser().apply(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value '" + raw + "' for " + setting.key() + ": " + e.getMessage());
        }
    }
}
