package vn.cantho.ioc.hub;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.api.ApiBackends;
import vn.cantho.ioc.api.auth.AdminTokenRequirement;
import vn.cantho.ioc.api.auth.DemoRoleTokens;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.ingest.feed.DemoTokens;
import vn.cantho.ioc.ingest.feed.FeedDefinition;
import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.registry.RegistryRefresher;
import vn.cantho.ioc.store.registry.RegistryStore;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * What every stage of a hub shares, started before any of them: the Kafka cluster (embedded unless one is
 * configured) with the hub's topics, the database (likewise) and its connection pool, the registries (the files,
 * then the newest version an admin stored), and the API and department tokens; the API's backends are built over
 * them here. The MQTT broker is not here: with ingest inside it, it starts with the ingest stage.
 */
final class HubPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubPlatform.class);

    private final StartedParts started = new StartedParts();
    private final Path dataDir;
    private final IndicatorRegistry indicators;
    private final FeedRegistry feedRegistry;
    private RuleCatalogue catalogue;
    private String kafkaBootstrap;
    private String dbUrl;
    private Database database;
    private RegistryStore registryStore;
    private LiveRegistry registry;
    private TokenService tokens;
    private Path demoTokens;
    private Path apiTokens;

    private HubPlatform(HubConfig config) {
        this.dataDir = config.platform().dataDir().toAbsolutePath().normalize();
        this.indicators = config.platform()
                .registryDir()
                .filter(dir -> Files.isRegularFile(dir.resolve("indicators.json")))
                .map(IndicatorRegistry::fromDirectory)
                .orElseGet(IndicatorRegistry::builtIn);
        this.feedRegistry = config.feeds().registry();
    }

    /** Starts the shared servers and clients; if one fails, stops what had started and rethrows. */
    static HubPlatform start(HubConfig config) throws Exception {
        HubPlatform platform = new HubPlatform(config);
        try {
            platform.startParts(config);
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void startParts(HubConfig hub) throws Exception {
        HubConfig.Platform config = hub.platform();
        DeviceRegistry files =
                config.registryDir().map(DeviceRegistry::fromDirectory).orElseGet(DeviceRegistry::builtIn);
        // The catalogue is checked against the registries before any server starts: an invalid one stops the hub
        // with every fault listed.
        catalogue = hub.streams()
                .rules()
                .catalogue(
                        files,
                        indicators,
                        feedRegistry.feeds().stream().map(FeedDefinition::id).collect(Collectors.toSet()));
        LOG.info(
                "rule catalogue {}: {} rules",
                catalogue.source(),
                catalogue.rules().size());
        EmbeddedServers servers = new EmbeddedServers(
                dataDir,
                config.kafkaBootstrap().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.kafkaPort()),
                OptionalInt.empty(),
                config.dbUrl().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.dbPort()),
                false);
        started.push(servers);
        servers.start();
        kafkaBootstrap =
                config.kafkaBootstrap().or(servers::kafkaBootstrapServers).orElseThrow();
        EmbeddedServers.DatabaseConnection db = config.dbUrl()
                .map(url -> new EmbeddedServers.DatabaseConnection(url, config.dbUser(), config.dbPassword()))
                .or(servers::database)
                .orElseThrow();
        dbUrl = db.jdbcUrl();

        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
        started.push(admin);
        new TopicProvisioner(admin, (short) config.replicationFactor()).ensure(Topics.all());
        started.report("kafka", new KafkaHealth(admin));

        database = Database.open(db.jdbcUrl(), db.user(), db.password(), config.dbPoolSize());
        started.push(database);
        started.report("db", database::ping);

        // The registry files are the registry until an admin changes it through the API; then the newest
        // stored version is, in every hub instance (see docs/registry.md).
        registryStore = new RegistryStore(database.dataSource());
        registry = RegistryRefresher.initial(registryStore, files);
        started.push(new RegistryRefresher(registryStore, registry).scheduleEvery(config.registryRefresh()));

        // Demo tokens only in the embedded default, never with an external database.
        tokens = new TokenService(database.dataSource());
        if (config.dbUrl().isEmpty()) {
            demoTokens = DemoTokens.ensure(dataDir, feedRegistry, tokens);
            apiTokens = DemoRoleTokens.ensure(dataDir, tokens);
        } else {
            AdminTokenRequirement.check(tokens, hub.oidc().isPresent());
        }
    }

    Path dataDir() {
        return dataDir;
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    String dbUrl() {
        return dbUrl;
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    LiveRegistry registry() {
        return registry;
    }

    IndicatorRegistry indicators() {
        return indicators;
    }

    FeedRegistry feedRegistry() {
        return feedRegistry;
    }

    /** The rule catalogue, checked against the registries as they were at start. */
    RuleCatalogue catalogue() {
        return catalogue;
    }

    TokenService tokens() {
        return tokens;
    }

    Optional<Path> demoTokens() {
        return Optional.ofNullable(demoTokens);
    }

    Optional<Path> apiTokens() {
        return Optional.ofNullable(apiTokens);
    }

    /**
     * What the hub's API serves from: the stores over this database, the registries, and the tokens (behind OpenID
     * Connect when configured), with the hub's alert service, health checks and meters.
     */
    ApiBackends apiBackends(
            HubConfig config, AlertService alerts, Map<String, HealthCheck> health, PrometheusMeterRegistry meters) {
        return ApiBackends.fromDatabase(
                database.dataSource(),
                registry,
                registryStore,
                indicators,
                alerts,
                health,
                tokens,
                config.oidc(),
                meters,
                config.platform().registryDir());
    }

    /** Health of the Kafka cluster ({@code kafka}) and the database ({@code db}). */
    Map<String, HealthCheck> health() {
        return started.health();
    }

    /** Stops what started, newest first; each part is stopped even if another fails to. */
    @Override
    public void close() {
        started.close();
    }
}
