package vn.cantho.ioc.ingest.feed;

import java.time.Duration;

/**
 * Where and with which limits the feed API runs.
 *
 * @param host         interface to bind ({@code HTTP_HOST})
 * @param port         TCP port; 0 picks a free one (see {@link FeedServer#port()})
 * @param maxBodyBytes largest body accepted
 * @param maxRows      most rows per push (a feed's own maxRows applies when smaller)
 * @param kafkaTimeout how long a push waits for Kafka's acknowledgements
 */
public record FeedServerOptions(String host, int port, int maxBodyBytes, int maxRows, Duration kafkaTimeout) {

    public FeedServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("feed API host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("feed API port must be 0 to 65535, got " + port);
        }
        if (maxBodyBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("feed limits must be positive");
        }
        if (kafkaTimeout == null || kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
            throw new IllegalArgumentException("feed Kafka timeout must be positive");
        }
    }
}
