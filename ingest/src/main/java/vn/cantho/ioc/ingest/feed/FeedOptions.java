package vn.cantho.ioc.ingest.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import vn.cantho.ioc.model.config.Config;

/**
 * The department feed API's settings ({@link FeedSettings}), parsed and checked once.
 *
 * @param port         {@code FEED_HTTP_PORT}
 * @param maxBodyBytes {@code FEED_MAX_BODY_BYTES}
 * @param maxRows      {@code FEED_MAX_ROWS}
 * @param kafkaTimeout {@code FEED_KAFKA_TIMEOUT}
 * @param registryDir  {@code FEED_REGISTRY_DIR}; empty for the built-in feeds
 */
public record FeedOptions(int port, int maxBodyBytes, int maxRows, Duration kafkaTimeout, Optional<Path> registryDir) {

    public static FeedOptions from(Config config) {
        return new FeedOptions(
                config.get(FeedSettings.HTTP_PORT),
                config.get(FeedSettings.MAX_BODY_BYTES),
                config.get(FeedSettings.MAX_ROWS),
                config.get(FeedSettings.KAFKA_TIMEOUT),
                config.get(FeedSettings.REGISTRY_DIR));
    }

    /** The server's options when it binds to {@code host} (the hub's {@code HTTP_HOST}, shared with the API). */
    public FeedServerOptions server(String host) {
        return new FeedServerOptions(host, port, maxBodyBytes, maxRows, kafkaTimeout);
    }

    /** The feed registry these options name. */
    public FeedRegistry registry() {
        return registryDir.map(FeedRegistry::fromDirectory).orElseGet(FeedRegistry::builtIn);
    }
}
