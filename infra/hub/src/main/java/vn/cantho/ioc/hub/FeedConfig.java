package vn.cantho.ioc.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.ingest.feed.FeedSettings;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

/**
 * Configuration of the department feed API ({@link FeedSettings}), checked at start.
 *
 * @param port         {@code FEED_HTTP_PORT}; the API binds to {@code HTTP_HOST}
 * @param maxBodyBytes {@code FEED_MAX_BODY_BYTES}
 * @param maxRows      {@code FEED_MAX_ROWS}
 * @param kafkaTimeout {@code FEED_KAFKA_TIMEOUT}
 * @param registryDir  {@code FEED_REGISTRY_DIR}; empty for the built-in feeds
 */
public record FeedConfig(int port, int maxBodyBytes, int maxRows, Duration kafkaTimeout, Optional<Path> registryDir) {

    public static FeedConfig from(Config config) {
        Optional<Path> registryDir = config.isSet(FeedSettings.REGISTRY_DIR)
                ? Optional.of(Path.of(config.get(FeedSettings.REGISTRY_DIR))) : Optional.empty();
        registryDir.ifPresent(dir -> {
            if (!Files.isRegularFile(dir.resolve(FeedRegistry.FILE))) {
                throw new ConfigException("invalid value '" + dir + "' for " + FeedSettings.REGISTRY_DIR.key()
                        + ": no " + FeedRegistry.FILE + " in it");
            }
        });
        Duration kafkaTimeout = config.get(FeedSettings.KAFKA_TIMEOUT);
        if (kafkaTimeout.isZero()) {
            throw new ConfigException("invalid value '0' for " + FeedSettings.KAFKA_TIMEOUT.key()
                    + ": expected a positive duration");
        }
        return new FeedConfig(config.get(FeedSettings.HTTP_PORT), config.get(FeedSettings.MAX_BODY_BYTES),
                config.get(FeedSettings.MAX_ROWS), kafkaTimeout, registryDir);
    }

    /** The feed registry this configuration names. */
    public FeedRegistry registry() {
        return registryDir.map(FeedRegistry::fromDirectory).orElseGet(FeedRegistry::builtIn);
    }
}
