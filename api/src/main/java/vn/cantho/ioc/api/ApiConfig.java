package vn.cantho.ioc.api;

/**
 * Where the API listens.
 *
 * @param host interface to bind, e.g. {@code 0.0.0.0} for all or {@code 127.0.0.1} for local only
 * @param port TCP port; 0 picks a free one (see {@link ApiServer#port()})
 */
public record ApiConfig(String host, int port) {

    public ApiConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("API host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("API port must be 0 to 65535, got " + port);
        }
    }
}
