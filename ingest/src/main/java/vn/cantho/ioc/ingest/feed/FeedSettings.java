package vn.cantho.ioc.ingest.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.cantho.ioc.model.config.Setting;

/**
 * Configuration keys of the department feed API. The hub lists them in its settings and the README's
 * configuration table. The API binds to {@code HTTP_HOST}, like the query API.
 */
public final class FeedSettings {

    public static final Setting<Integer> HTTP_PORT = Setting.port(
            "FEED_HTTP_PORT",
            8081,
            "Port of the department feed push API (its own server, separate from the query API; binds to `HTTP_HOST`).");
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.positiveInt(
            "FEED_MAX_BODY_BYTES",
            10_485_760,
            "Largest feed push body in bytes (10 MiB); larger ones are refused with 413 PAYLOAD_TOO_LARGE.");
    public static final Setting<Integer> MAX_ROWS = Setting.positiveInt(
            "FEED_MAX_ROWS",
            50_000,
            "Most rows in one feed push (a feed's own maxRows applies when smaller); more is 413.");
    public static final Setting<Duration> KAFKA_TIMEOUT = Setting.positiveDuration(
            "FEED_KAFKA_TIMEOUT",
            "30s",
            "How long a feed push waits for Kafka to confirm its records before answering 503.");
    public static final Setting<Optional<Path>> REGISTRY_DIR = Setting.optionalDirectory(
                    "FEED_REGISTRY_DIR",
                    "Directory with feeds.json (departments and feed schemas); empty = the built-in Cần Thơ feeds.")
            .check(
                    dir -> Files.isRegularFile(dir.orElseThrow().resolve(FeedRegistry.FILE)),
                    "a directory with " + FeedRegistry.FILE + " in it");

    private FeedSettings() {}

    public static List<Setting<?>> all() {
        return List.of(HTTP_PORT, MAX_BODY_BYTES, MAX_ROWS, KAFKA_TIMEOUT, REGISTRY_DIR);
    }
}
