package vn.cantho.ioc.hub;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.alerting.runtime.AlertingRuntime;
import vn.cantho.ioc.api.ApiBackends;
import vn.cantho.ioc.api.ApiConfig;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.registry.AreaShapes;
import vn.cantho.ioc.api.auth.AdminTokenRequirement;
import vn.cantho.ioc.api.auth.DemoRoleTokens;
import vn.cantho.ioc.api.auth.TokenAuthenticator;
import vn.cantho.ioc.api.auth.jwt.OidcAuthentication;
import vn.cantho.ioc.api.metrics.ApiMeters;
import vn.cantho.ioc.embedded.EmbeddedMqtt;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.ingest.feed.DemoTokens;
import vn.cantho.ioc.ingest.feed.FeedDefinition;
import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.ingest.feed.FeedServer;
import vn.cantho.ioc.ingest.feed.FeedServerOptions;
import vn.cantho.ioc.ingest.feed.VietnameseTextNormalizer;
import vn.cantho.ioc.ingest.MqttIngest;
import vn.cantho.ioc.ingest.MqttIngestOptions;
import vn.cantho.ioc.ingest.broker.BrokerIngest;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.stage.Stage;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.simulator.MqttPublisher;
import vn.cantho.ioc.simulator.SensorModels;
import vn.cantho.ioc.simulator.Simulator;
import vn.cantho.ioc.simulator.feed.DepartmentFeeds;
import vn.cantho.ioc.simulator.feed.FeedClient;
import vn.cantho.ioc.simulator.feed.FeedSimulator;
import vn.cantho.ioc.simulator.feed.FeedTokens;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.indicator.IndicatorQueries;
import vn.cantho.ioc.store.kpi.KpiQueries;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.store.RollupMaintainer;
import vn.cantho.ioc.store.StorageDialect;
import vn.cantho.ioc.store.registry.RegistryEditor;
import vn.cantho.ioc.store.registry.RegistryRefresher;
import vn.cantho.ioc.store.registry.RegistryStore;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.kpi.KpiTopology;
import vn.cantho.ioc.streams.kpi.SlaPolicy;
import vn.cantho.ioc.streams.indicator.IndicatorSettings;
import vn.cantho.ioc.streams.indicator.IndicatorTopology;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.rules.topology.RulesTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;

/**
 * The whole hub in one process: the embedded servers it was not given external ones for, then the
 * ingest bridge, the streams applications (aggregation, rules), the database sink, the API and (optionally) the
 * simulator. Wiring only; each part is a library of its own module. Closing stops the parts in the
 * reverse order, so data in flight is handed on before the servers go away.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, HealthCheck> health = new LinkedHashMap<>();
    private final HubConfig config;
    private final PrometheusMeterRegistry meters = ApiMeters.create();
    private String kafkaBootstrap;
    private String mqttUrl;
    private String dbUrl;
    private Database database;
    private ApiServer api;
    private MqttIngest ingest;
    private FeedServer feeds;
    private StreamsRunner rules;
    private Path demoTokens;
    private Path apiTokens;
    private AlertingRuntime alerting;

    private Hub(HubConfig config) {
        this.config = config;
    }

    /** Starts every part; if one fails, stops what had started and rethrows. */
    public static Hub start(HubConfig config) {
        Hub hub = new Hub(config);
        try {
            hub.startParts();
            return hub;
        } catch (RuntimeException | Error e) {
            hub.close();
            throw e;
        } catch (Exception e) {
            hub.close();
            throw new IllegalStateException("hub failed to start: " + e.getMessage(), e);
        }
    }

    private void startParts() throws Exception {
        // The stages register their meters (model StageMeters) on Micrometer's global registry; /metrics serves them.
        Metrics.addRegistry(meters);
        started.push(() -> Metrics.removeRegistry(meters));
        DeviceRegistry files = config.registryDir().map(DeviceRegistry::fromDirectory)
                .orElseGet(DeviceRegistry::builtIn);
        IndicatorRegistry indicators = config.registryDir()
                .filter(dir -> Files.isRegularFile(dir.resolve("indicators.json")))
                .map(IndicatorRegistry::fromDirectory).orElseGet(IndicatorRegistry::builtIn);
        FeedRegistry feedRegistry = config.feeds().registry();
        RuleCatalogue catalogue = rules(files, indicators, feedRegistry);
        Path dataDir = config.dataDir().toAbsolutePath().normalize();

        // The MQTT broker starts later, once ingest can run inside it (see startMqttIngest).
        EmbeddedServers servers = new EmbeddedServers(dataDir,
                config.kafkaBootstrap().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.kafkaPort()),
                OptionalInt.empty(),
                config.dbUrl().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.dbPort()),
                false);
        started.push(servers);
        servers.start();
        kafkaBootstrap = config.kafkaBootstrap().or(servers::kafkaBootstrapServers).orElseThrow();
        EmbeddedServers.DatabaseConnection db = config.dbUrl()
                .map(url -> new EmbeddedServers.DatabaseConnection(url, config.dbUser(), config.dbPassword()))
                .or(servers::database).orElseThrow();
        dbUrl = db.jdbcUrl();

        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
        started.push(admin);
        new TopicProvisioner(admin, (short) config.replicationFactor()).ensure(Topics.all());
        health.put("kafka", new KafkaHealth(admin));

        database = Database.open(db.jdbcUrl(), db.user(), db.password(), config.dbPoolSize());
        started.push(database);
        health.put("db", database::ping);

        // The registry files are the registry until an admin changes it through the API; then the newest
        // stored version is, in every hub instance (see docs/registry.md).
        RegistryStore registryStore = new RegistryStore(database.dataSource());
        LiveRegistry registry = RegistryRefresher.initial(registryStore, files);
        started.push(new RegistryRefresher(registryStore, registry).scheduleEvery(config.registryRefresh()));

        startMqttIngest(registry, dataDir);

        // Department feeds: an ingest transport with its own HTTP port; tokens and the re-push ledger
        // live in the database. Demo tokens only in the embedded default, never with an external database.
        TokenService tokens = new TokenService(database.dataSource());
        if (config.dbUrl().isEmpty()) {
            demoTokens = DemoTokens.ensure(dataDir, feedRegistry, tokens);
            apiTokens = DemoRoleTokens.ensure(dataDir, tokens);
        } else {
            AdminTokenRequirement.check(tokens, config.oidc().isPresent());
        }
        feeds = new FeedServer(new FeedServerOptions(config.httpHost(), config.feeds().port(),
                config.feeds().maxBodyBytes(), config.feeds().maxRows(), config.feeds().kafkaTimeout()),
                feedRegistry, tokens, new FeedLedger(database.dataSource()),
                FeedServer.kafkaProducer(kafkaBootstrap, "ioc-feeds", config.feeds().kafkaTimeout()),
                new VietnameseTextNormalizer(), Clock.systemUTC());
        start(Stage.of(FeedServer.HEALTH_COMPONENT, feeds));

        // 1-minute aggregates: a streams application and its sink into metric_agg_1m (docs/architecture.md).
        start(Stage.of("streams",
                streams(config.streamsAppId(), AggregationTopology.build(registry, config.aggregateGrace(),
                        config.dedupWindow()), config.commitIntervals().streams()),
                DatabaseSinks.aggregates(sinkOptions(config.sinkGroupId()), database.dataSource())));
        // Department KPIs: their own streams application over the feed records (docs/kpis.md).
        start(Stage.of("kpis", streams(config.kpiAppId(),
                KpiTopology.build(indicators, SlaPolicy.standard(config.rules().calendar())),
                config.commitIntervals().streams())));
        // The rule processor: its own application, so it scales and restarts apart from aggregation.
        rules = streams(config.rules().appId(), RulesTopology.build(catalogue, registry, indicators,
                config.rules().calendar(), config.rules().tickInterval()), config.commitIntervals().rules());
        start(Stage.of("rules", rules));
        // Raw readings into observations (own consumer group), and on plain PostgreSQL the hub's own
        // rollups and retention (a no-op on TimescaleDB, whose policies do it). See docs/storage.md.
        start(Stage.of("observations", DatabaseSinks.observations(sinkOptions(config.observationSinkGroupId()),
                registry, database.dataSource())));
        started.push(new RollupMaintainer(database.dataSource(), StorageDialect.of(database.dataSource()))
                .scheduleEvery(config.rollupInterval()));
        // Derived indicators (VN_AQI, flood alert level, rise rate) and their sink into indicator_values
        // (docs/vn-aqi.md).
        IndicatorConfig indicatorConfig = config.indicators();
        start(Stage.of("indicators",
                streams(indicatorConfig.appId(), IndicatorTopology.build(registry, indicators,
                        new IndicatorSettings(indicatorConfig.grace(), config.dedupWindow(),
                                indicatorConfig.floodLevels())), config.commitIntervals().streams()),
                DatabaseSinks.indicators(sinkOptions(indicatorConfig.sinkGroupId()), database.dataSource())));

        // Alert lifecycle: condition events into the alert store, escalation, webhooks (docs/alert-model.md).
        alerting = AlertingRuntime.start(database.dataSource(), kafkaBootstrap, config.alerting(), Clock.systemUTC());
        started.push(alerting);
        health.put("alerts", alerting);

        // The API uses the runtime's own service, so its change callback wakes the live stream at once. It reports
        // itself (and every stage above) under /health.
        api = new ApiServer(new ApiConfig(config.httpHost(), config.httpPort()), new ApiBackends(registry,
                new RegistryEditor(registryStore, registry), new AggregateQueries(database.dataSource()), indicators,
                new IndicatorQueries(database.dataSource()),
                new KpiQueries(database.dataSource(), indicators), alerting.service(), health,
                OidcAuthentication.around(new TokenAuthenticator(tokens), config.oidc(), Clock.systemUTC()), meters,
                new ExplanationStore(database.dataSource()),
                config.registryDir().map(AreaShapes::fromDirectory).orElseGet(AreaShapes::builtIn)));
        started.push(api);
        api.start();

        if (config.simulatorEnabled()) {
            long seed = config.simulatorSeed().orElseGet(() -> new SecureRandom().nextLong());
            run(Stage.of("simulator", new Simulator(registry.get().devices(),
                    new SensorModels(seed, config.simulatorIncidentProbability()),
                    new MqttPublisher(mqttUrl, "ioc-simulator"), Clock.systemUTC(), config.simulatorInterval())));
            if (config.feedSimulator().enabled()) {
                startFeedSimulator(seed);
            }
        }
    }

    /**
     * MQTT ingest. With the embedded broker, ingest runs inside it: a device's publish is acknowledged once it is
     * in the ingest journal on disk, which is moved into Kafka behind it; the broker opens its listener only after
     * ingest is in place, so nothing is acknowledged that no one takes. With an external broker, a bridge
     * subscribes on a persistent session (see docs/operations.md, MQTT durability).
     */
    private void startMqttIngest(LiveRegistry registry, Path dataDir) throws Exception {
        MqttIngestOptions options = config.mqttIngest();
        if (config.mqttUrl().isPresent()) {
            mqttUrl = config.mqttUrl().get();
            ingest = MqttIngest.bridge(options, mqttUrl, registry, kafkaBootstrap);
            start(Stage.of("ingest", ingest));
        } else {
            BrokerIngest inBroker = MqttIngest.insideBroker(options, registry, kafkaBootstrap,
                    dataDir.resolve("mqtt").resolve("ingest-journal"));
            ingest = inBroker;
            // The journal forwarder first (it resumes what an earlier run left), then the broker with ingest inside.
            EmbeddedMqtt broker = new EmbeddedMqtt(dataDir.resolve("mqtt"), config.mqttPort(), inBroker);
            start(Stage.of("ingest", inBroker, broker));
            mqttUrl = broker.url();
        }
        health.put("mqtt", new MqttHealth(mqttUrl));
    }

    /** The simulated departments push their feeds over HTTP, with tokens from a file like any client. */
    private void startFeedSimulator(long seed) throws Exception {
        FeedSimulatorConfig settings = config.feedSimulator();
        Optional<Path> tokenFile = settings.tokensFile().or(() -> Optional.ofNullable(demoTokens));
        if (tokenFile.isEmpty()) {
            LOG.warn("feed simulator not started: no department tokens (set SIMULATOR_FEED_TOKENS)");
            return;
        }
        String host = "0.0.0.0".equals(config.httpHost()) ? "127.0.0.1" : config.httpHost();
        URI url = settings.url().orElseGet(() -> URI.create("http://" + host + ":" + feeds.port()));
        run(Stage.of("feed-simulator", new FeedSimulator(new DepartmentFeeds(seed), new FeedClient(url),
                FeedTokens.read(tokenFile.get()), Clock.systemUTC(), settings.interval(), settings.history())));
    }

    /**
     * The rule catalogue, checked against the registries before any server starts: an invalid one
     * stops the hub with every fault listed.
     */
    private RuleCatalogue rules(DeviceRegistry registry, IndicatorRegistry indicators, FeedRegistry feedRegistry) {
        Set<String> feedIds = feedRegistry.feeds().stream().map(FeedDefinition::id)
                .collect(Collectors.toSet());
        RuleCatalogue catalogue = config.rules().catalogue(registry, indicators, feedIds);
        LOG.info("rule catalogue {}: {} rules", catalogue.source(), catalogue.rules().size());
        return catalogue;
    }

    /** Starts a stage that reports under /health (before the API, which serves the health of all). */
    private void start(Stage stage) throws Exception {
        run(stage);
        health.put(stage.name(), stage);
    }

    /** Registers a stage before starting it, so a failed start still stops what it had started. */
    private void run(Stage stage) throws Exception {
        started.push(stage);
        stage.start();
    }

    private StreamsRunner streams(String applicationId, Topology topology, Duration commitInterval) {
        return new StreamsRunner(topology, StreamsRunner.properties(applicationId, kafkaBootstrap,
                config.dataDir().toAbsolutePath().normalize().resolve("streams"), config.replicationFactor(),
                config.streamsThreads(), commitInterval));
    }

    private LoopOptions sinkOptions(String groupId) {
        return LoopOptions.sink(kafkaBootstrap, groupId, config.sinkMaxBackoff());
    }

    /** The port the API listens on (useful when configured as 0). */
    public int httpPort() {
        return api.port();
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String mqttUrl() {
        return mqttUrl;
    }

    public String dbUrl() {
        return dbUrl;
    }

    public HubConfig config() {
        return config;
    }

    /** The port the department feed API listens on (useful when configured as 0). */
    public int feedPort() {
        return feeds.port();
    }

    public FeedServer feeds() {
        return feeds;
    }

    /** The leader/operator/admin demo-token file of the embedded default; empty with an external database. */
    public java.util.Optional<Path> apiTokens() {
        return java.util.Optional.ofNullable(apiTokens);
    }

    /** The demo-token file of the embedded default; empty with an external database. */
    public java.util.Optional<Path> demoTokens() {
        return java.util.Optional.ofNullable(demoTokens);
    }

    /** Alert queries and operator commands (what the API serves). */
    public AlertService alerts() {
        return alerting.service();
    }

    /** Health of the rule processor's streams application. */
    public HealthCheck.Status rulesHealth() {
        return rules.check();
    }

    /** Counters of MQTT ingest: messages received, forwarded and dead-lettered. */
    public IngestStats ingestStats() {
        return ingest.stats();
    }

    /** The hub's connection pool to its database (for benchmarks and checks from outside the API). */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Stops everything that started, newest first; each part is stopped even if another fails to. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not stop {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
