package vn.cantho.ioc.hub;

import static vn.cantho.ioc.hub.HubSettings.SIMULATOR_FEEDS_ENABLED;
import static vn.cantho.ioc.hub.HubSettings.SIMULATOR_FEED_HISTORY;
import static vn.cantho.ioc.hub.HubSettings.SIMULATOR_FEED_INTERVAL;
import static vn.cantho.ioc.hub.HubSettings.SIMULATOR_FEED_TOKENS;
import static vn.cantho.ioc.hub.HubSettings.SIMULATOR_FEED_URL;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

/**
 * Configuration of the feed simulator (the simulated departments pushing over HTTP), checked at start.
 *
 * @param url        {@code SIMULATOR_FEED_URL}; empty = the hub's own feed API
 * @param tokensFile {@code SIMULATOR_FEED_TOKENS}; empty = the embedded default's demo tokens
 */
public record FeedSimulatorConfig(boolean enabled, Optional<URI> url, Optional<Path> tokensFile, Duration interval,
                                  Duration history) {

    public static FeedSimulatorConfig from(Config config) {
        Optional<URI> url = Optional.empty();
        if (config.isSet(SIMULATOR_FEED_URL)) {
            String text = config.get(SIMULATOR_FEED_URL);
            if (!text.matches("https?://[^/\\s]+(:\\d+)?/?")) {
                throw new ConfigException("invalid value '" + text + "' for " + SIMULATOR_FEED_URL.key()
                        + ": expected e.g. http://127.0.0.1:8081");
            }
            url = Optional.of(URI.create(text));
        }
        Optional<Path> tokens = config.isSet(SIMULATOR_FEED_TOKENS)
                ? Optional.of(Path.of(config.get(SIMULATOR_FEED_TOKENS))) : Optional.empty();
        tokens.ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("invalid value '" + file + "' for " + SIMULATOR_FEED_TOKENS.key()
                        + ": no such file");
            }
        });
        return new FeedSimulatorConfig(config.get(SIMULATOR_FEEDS_ENABLED), url, tokens,
                positive(config.get(SIMULATOR_FEED_INTERVAL), SIMULATOR_FEED_INTERVAL.key()),
                positive(config.get(SIMULATOR_FEED_HISTORY), SIMULATOR_FEED_HISTORY.key()));
    }

    private static Duration positive(Duration value, String key) {
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException("invalid value '" + value + "' for " + key + ": expected a positive duration");
        }
        return value;
    }
}
