package vn.cantho.ioc.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.cantho.ioc.alerting.runtime.AlertingSettings;
import vn.cantho.ioc.api.ApiSettings;
import vn.cantho.ioc.api.auth.jwt.OidcSettings;
import vn.cantho.ioc.ingest.IngestSettings;
import vn.cantho.ioc.ingest.feed.FeedSettings;
import vn.cantho.ioc.model.config.Setting;
import vn.cantho.ioc.simulator.SimulatorSettings;
import vn.cantho.ioc.sink.SinkSettings;
import vn.cantho.ioc.store.StoreSettings;
import vn.cantho.ioc.streams.runtime.StreamsSettings;

/**
 * The hub's own configuration keys (where its work directory is, and which Kafka, MQTT broker and database it uses or
 * starts embedded), and {@link #all()}: every key of the hub, its own and those each module declares where it uses
 * them. The README's configuration table lists exactly these (a test keeps them in step).
 */
public final class HubSettings {

    public static final Setting<String> DATA_DIR = Setting.text(
            "IOC_DATA_DIR",
            "./data",
            "Work directory: embedded Kafka, MQTT and PostgreSQL data, streams state, demo files.");
    public static final Setting<Optional<String>> KAFKA_BOOTSTRAP = Setting.optionalText(
            "KAFKA_BOOTSTRAP", "External Kafka bootstrap servers; empty = start the embedded broker.");
    public static final Setting<Integer> KAFKA_PORT =
            Setting.port("KAFKA_PORT", 9092, "Port of the embedded Kafka broker.");
    public static final Setting<Integer> KAFKA_REPLICATION_FACTOR = Setting.positiveInt(
            "KAFKA_REPLICATION_FACTOR",
            1,
            "Replication factor of the topics and streams state the hub creates (3 on a production cluster).");

    public static final Setting<Optional<String>> MQTT_URL = Setting.optionalText(
                    "MQTT_URL",
                    "External MQTT broker, e.g. tcp://mqtt.example:1883; empty = start the embedded broker.")
            .check(url -> url.orElseThrow().matches("(tcp|ssl|ws|wss)://[^/\\s]+:\\d+"), "e.g. tcp://host:1883");
    public static final Setting<Integer> MQTT_PORT =
            Setting.port("MQTT_PORT", 1883, "Port of the embedded MQTT broker.");

    public static final Setting<Optional<String>> DB_URL = Setting.optionalText(
                    "DB_URL", "External PostgreSQL/TimescaleDB JDBC URL; empty = start the embedded PostgreSQL.")
            .check(url -> url.orElseThrow().startsWith("jdbc:postgresql://"), "jdbc:postgresql://host:port/db");
    public static final Setting<String> DB_USER = Setting.text("DB_USER", "ioc", "Database user when DB_URL is set.");
    public static final Setting<String> DB_PASSWORD =
            Setting.text("DB_PASSWORD", "", "Database password when DB_URL is set.");
    public static final Setting<Integer> DB_PORT = Setting.port(
            "DB_PORT", 5433, "Port of the embedded PostgreSQL (5433 so it does not clash with a local server).");
    public static final Setting<Integer> DB_POOL_SIZE = Setting.positiveInt(
            "DB_POOL_SIZE",
            12,
            "Maximum database connections of the hub (sinks hold one each while writing: observations 3, aggregates, indicators, alerts; the API and rollups share the rest).");

    public static final Setting<Optional<Path>> REGISTRY_DIR = Setting.optionalDirectory(
            "REGISTRY_DIR",
            "Directory with areas.json and devices.json; empty = the built-in Cần Thơ registry. Used until an admin"
                    + " first changes the registry through the API; from then on the newest stored version is.");
    public static final Setting<Duration> REGISTRY_REFRESH = Setting.positiveDuration(
            "REGISTRY_REFRESH",
            "10s",
            "How often the hub checks for a device registry changed through another instance's API.");

    private HubSettings() {}

    /** Every key of the hub, in the order of the README's table. */
    public static List<Setting<?>> all() {
        return Stream.<List<Setting<?>>>of(
                        List.of(DATA_DIR),
                        ApiSettings.all(),
                        List.of(
                                KAFKA_BOOTSTRAP,
                                KAFKA_PORT,
                                KAFKA_REPLICATION_FACTOR,
                                MQTT_URL,
                                MQTT_PORT,
                                DB_URL,
                                DB_USER,
                                DB_PASSWORD,
                                DB_PORT,
                                DB_POOL_SIZE,
                                REGISTRY_DIR,
                                REGISTRY_REFRESH),
                        IngestSettings.all(),
                        FeedSettings.all(),
                        StreamsSettings.all(),
                        SinkSettings.all(),
                        StoreSettings.all(),
                        AlertingSettings.all(),
                        OidcSettings.all(),
                        SimulatorSettings.all())
                .flatMap(List::stream)
                .toList();
    }
}
