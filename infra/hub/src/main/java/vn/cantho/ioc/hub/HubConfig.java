package vn.cantho.ioc.hub;

import static vn.cantho.ioc.hub.HubSettings.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import vn.cantho.ioc.alerting.runtime.AlertingOptions;
import vn.cantho.ioc.api.auth.jwt.OidcOptions;
import vn.cantho.ioc.ingest.MqttIngestOptions;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.simulator.Cadences;

/**
 * The hub's configuration, every key parsed and checked at start so a bad value stops the hub
 * before anything runs, with a message naming the key.
 */
public record HubConfig(Path dataDir, String httpHost, int httpPort,
                        Optional<String> kafkaBootstrap, int kafkaPort, int replicationFactor,
                        Optional<String> mqttUrl, int mqttPort,
                        Optional<String> dbUrl, String dbUser, String dbPassword, int dbPort, int dbPoolSize,
                        Optional<Path> registryDir, Duration registryRefresh,
                        MqttIngestOptions mqttIngest,
                        String streamsAppId, int streamsThreads, Duration aggregateGrace, Duration dedupWindow,
                        String sinkGroupId, Duration sinkMaxBackoff,
                        String observationSinkGroupId, Duration rollupInterval,
                        boolean simulatorEnabled, Cadences simulatorInterval, OptionalLong simulatorSeed,
                        double simulatorIncidentProbability, FeedConfig feeds,
                        String kpiAppId, FeedSimulatorConfig feedSimulator, IndicatorConfig indicators,
                        AlertingOptions alerting, RulesConfig rules, CommitIntervals commitIntervals,
                        Optional<OidcOptions> oidc) {

    /**
     * How often the streams applications commit.
     *
     * @param streams {@code STREAMS_COMMIT_INTERVAL}: aggregation, indicators, KPIs
     * @param rules   {@code RULES_COMMIT_INTERVAL}: the rule processor
     */
    public record CommitIntervals(Duration streams, Duration rules) {
    }

    public static HubConfig from(Config config) {
        Optional<String> mqttUrl = optional(config, MQTT_URL);
        mqttUrl.ifPresent(url -> {
            if (!url.matches("(tcp|ssl|ws|wss)://[^/\\s]+:\\d+")) {
                throw new ConfigException("invalid value '" + url + "' for MQTT_URL: expected e.g. tcp://host:1883");
            }
        });
        Optional<String> dbUrl = optional(config, DB_URL);
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new ConfigException("invalid value '" + url + "' for DB_URL: expected jdbc:postgresql://host:port/db");
            }
        });
        Optional<Path> registryDir = optional(config, REGISTRY_DIR).map(Path::of);
        registryDir.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("invalid value '" + dir + "' for REGISTRY_DIR: not a directory");
            }
        });
        return new HubConfig(Path.of(config.get(DATA_DIR)), config.get(HTTP_HOST), config.get(HTTP_PORT),
                optional(config, KAFKA_BOOTSTRAP), config.get(KAFKA_PORT), config.get(KAFKA_REPLICATION_FACTOR),
                mqttUrl, config.get(MQTT_PORT),
                dbUrl, config.get(DB_USER), config.get(DB_PASSWORD), config.get(DB_PORT), config.get(DB_POOL_SIZE),
                registryDir, positive(config, REGISTRY_REFRESH),
                MqttIngestOptions.from(config),
                config.get(STREAMS_APP_ID), config.get(STREAMS_THREADS), config.get(AGGREGATE_GRACE),
                config.get(DEDUP_WINDOW),
                config.get(SINK_GROUP_ID), config.get(SINK_MAX_BACKOFF),
                config.get(OBSERVATION_SINK_GROUP_ID), positive(config, ROLLUP_INTERVAL),
                config.get(SIMULATOR_ENABLED), config.get(SIMULATOR_INTERVAL), config.get(SIMULATOR_SEED),
                config.get(SIMULATOR_INCIDENT_PROBABILITY), FeedConfig.from(config),
                config.get(KPI_APP_ID), FeedSimulatorConfig.from(config), IndicatorConfig.from(config),
                AlertingOptions.from(config), RulesConfig.from(config),
                new CommitIntervals(positive(config, STREAMS_COMMIT_INTERVAL), positive(config, RULES_COMMIT_INTERVAL)),
                OidcOptions.from(config));
    }

    private static Duration positive(Config config, vn.cantho.ioc.model.config.Setting<Duration> setting) {
        Duration value = config.get(setting);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException("invalid value '" + value + "' for " + setting.key() + ": expected a positive duration");
        }
        return value;
    }

    private static Optional<String> optional(Config config, vn.cantho.ioc.model.config.Setting<String> setting) {
        return config.isSet(setting) ? Optional.of(config.get(setting)) : Optional.empty();
    }
}
