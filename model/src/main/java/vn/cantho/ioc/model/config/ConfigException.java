package vn.cantho.ioc.model.config;

/** Invalid configuration, with a message that names the offending key. Thrown at start. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
