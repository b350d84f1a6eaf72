package vn.cantho.ioc.hub;

import static vn.cantho.ioc.hub.HubSettings.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import vn.cantho.ioc.alerting.runtime.AlertingOptions;
import vn.cantho.ioc.api.ApiConfig;
import vn.cantho.ioc.api.auth.jwt.OidcOptions;
import vn.cantho.ioc.ingest.MqttIngestOptions;
import vn.cantho.ioc.ingest.feed.FeedOptions;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.simulator.SimulatorOptions;
import vn.cantho.ioc.sink.SinkOptions;
import vn.cantho.ioc.store.StoreSettings;
import vn.cantho.ioc.streams.runtime.StreamsOptions;

/**
 * The hub's configuration: its own keys ({@link Platform}) and each module's options, parsed by that module. Every key
 * is read and checked at start, so a bad value stops the hub before anything runs, with a message naming the key.
 *
 * @param rollupInterval {@code ROLLUP_INTERVAL} (storage)
 */
public record HubConfig(
        Platform platform,
        ApiConfig api,
        MqttIngestOptions mqttIngest,
        FeedOptions feeds,
        StreamsOptions streams,
        SinkOptions sinks,
        Duration rollupInterval,
        AlertingOptions alerting,
        Optional<OidcOptions> oidc,
        SimulatorOptions simulator) {

    /**
     * The keys of {@link HubSettings}: the work directory, and the Kafka cluster, MQTT broker and database the hub
     * uses (empty = starts embedded ones on the given ports).
     */
    public record Platform(
            Path dataDir,
            Optional<String> kafkaBootstrap,
            int kafkaPort,
            int replicationFactor,
            Optional<String> mqttUrl,
            int mqttPort,
            Optional<String> dbUrl,
            String dbUser,
            String dbPassword,
            int dbPort,
            int dbPoolSize,
            Optional<Path> registryDir,
            Duration registryRefresh) {

        static Platform from(Config config) {
            return new Platform(
                    Path.of(config.get(DATA_DIR)),
                    config.get(KAFKA_BOOTSTRAP),
                    config.get(KAFKA_PORT),
                    config.get(KAFKA_REPLICATION_FACTOR),
                    config.get(MQTT_URL),
                    config.get(MQTT_PORT),
                    config.get(DB_URL),
                    config.get(DB_USER),
                    config.get(DB_PASSWORD),
                    config.get(DB_PORT),
                    config.get(DB_POOL_SIZE),
                    config.get(REGISTRY_DIR),
                    config.get(REGISTRY_REFRESH));
        }
    }

    public static HubConfig from(Config config) {
        return new HubConfig(
                Platform.from(config),
                ApiConfig.from(config),
                MqttIngestOptions.from(config),
                FeedOptions.from(config),
                StreamsOptions.from(config),
                SinkOptions.from(config),
                config.get(StoreSettings.ROLLUP_INTERVAL),
                AlertingOptions.from(config),
                OidcOptions.from(config),
                SimulatorOptions.from(config));
    }
}
