package vn.cantho.ioc.hub;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.alerting.runtime.AlertingRuntime;
import vn.cantho.ioc.api.ApiBackends;
import vn.cantho.ioc.api.ApiConfig;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.auth.AdminTokenRequirement;
import vn.cantho.ioc.api.auth.DemoRoleTokens;
import vn.cantho.ioc.api.auth.TokenAuthenticator;
import vn.cantho.ioc.api.metrics.ApiMeters;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.ingest.IngestProducer;
import vn.cantho.ioc.ingest.feed.DemoTokens;
import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.ingest.feed.FeedServer;
import vn.cantho.ioc.ingest.feed.FeedServerOptions;
import vn.cantho.ioc.ingest.feed.VietnameseTextNormalizer;
import vn.cantho.ioc.ingest.mqtt.BridgeOptions;
import vn.cantho.ioc.ingest.mqtt.MqttKafkaBridge;
import vn.cantho.ioc.ingest.mqtt.ReadingParser;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.simulator.MqttPublisher;
import vn.cantho.ioc.simulator.SensorModels;
import vn.cantho.ioc.simulator.Simulator;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.AggregateWriter;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.store.ObservationWriter;
import vn.cantho.ioc.store.RollupMaintainer;
import vn.cantho.ioc.store.StorageDialect;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.streams.sink.KafkaSink;
import vn.cantho.ioc.streams.sink.ObservationSinkWriter;
import vn.cantho.ioc.streams.sink.SinkConsumer;

/**
 * The whole hub in one process: the embedded servers it was not given external ones for, then the
 * ingest bridge, the streams application, the database sink, the API and (optionally) the
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
    private ApiServer api;
    private MqttKafkaBridge bridge;
    private FeedServer feeds;
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
        DeviceRegistry registry = config.registryDir().map(DeviceRegistry::fromDirectory)
                .orElseGet(DeviceRegistry::builtIn);
        Path dataDir = config.dataDir().toAbsolutePath().normalize();

        EmbeddedServers servers = new EmbeddedServers(dataDir,
                config.kafkaBootstrap().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.kafkaPort()),
                config.mqttUrl().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.mqttPort()),
                config.dbUrl().isPresent() ? OptionalInt.empty() : OptionalInt.of(config.dbPort()),
                false);
        started.push(servers);
        servers.start();
        kafkaBootstrap = config.kafkaBootstrap().or(servers::kafkaBootstrapServers).orElseThrow();
        mqttUrl = config.mqttUrl().or(servers::mqttUrl).orElseThrow();
        EmbeddedServers.DatabaseConnection db = config.dbUrl()
                .map(url -> new EmbeddedServers.DatabaseConnection(url, config.dbUser(), config.dbPassword()))
                .or(servers::database).orElseThrow();
        dbUrl = db.jdbcUrl();

        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
        started.push(admin);
        new TopicProvisioner(admin, (short) config.replicationFactor()).ensure(Topics.all());
        health.put("kafka", new KafkaHealth(admin));
        health.put("mqtt", new MqttHealth(mqttUrl));

        Database database = Database.open(db.jdbcUrl(), db.user(), db.password(), config.dbPoolSize());
        started.push(database);
        health.put("db", database::ping);

        bridge = new MqttKafkaBridge(
                new BridgeOptions(mqttUrl, config.ingestClientId(), config.ingestSharedGroup(),
                        config.ingestReceiveMaximum(), config.ingestSessionExpiry(), config.ingestMaxPayloadBytes()),
                new ReadingParser(registry, config.ingestMaxAge(), config.ingestMaxFuture()),
                IngestProducer.create(kafkaBootstrap, config.ingestClientId()), Clock.systemUTC());
        started.push(bridge);
        bridge.start();
        health.put("ingest", bridge);

        // Department feeds: an ingest transport with its own HTTP port; tokens and the re-push ledger
        // live in the database. Demo tokens only in the embedded default, never with an external database.
        FeedRegistry feedRegistry = config.feeds().registry();
        TokenService tokens = new TokenService(database.dataSource());
        if (config.dbUrl().isEmpty()) {
            demoTokens = DemoTokens.ensure(dataDir, feedRegistry, tokens);
            apiTokens = DemoRoleTokens.ensure(dataDir, tokens);
        } else {
            AdminTokenRequirement.check(tokens);
        }
        feeds = new FeedServer(new FeedServerOptions(config.httpHost(), config.feeds().port(),
                config.feeds().maxBodyBytes(), config.feeds().maxRows(), config.feeds().kafkaTimeout()),
                feedRegistry, tokens, new FeedLedger(database.dataSource()),
                FeedServer.kafkaProducer(kafkaBootstrap, "ioc-feeds", config.feeds().kafkaTimeout()),
                new VietnameseTextNormalizer(), Clock.systemUTC());
        started.push(feeds);
        feeds.start();
        health.put(FeedServer.HEALTH_COMPONENT, feeds);

        StreamsRunner streams = new StreamsRunner(AggregationTopology.build(registry, config.aggregateGrace(),
                config.dedupWindow()),
                StreamsRunner.properties(config.streamsAppId(), kafkaBootstrap, dataDir.resolve("streams"),
                        config.replicationFactor(), config.streamsThreads()));
        started.push(streams);
        streams.start();

        AggregateWriter writer = new AggregateWriter(database.dataSource());
        KafkaSink<String, ?> sink = new KafkaSink<>(Topics.AGGREGATES_1M,
                SinkConsumer.create(Topics.AGGREGATES_1M, kafkaBootstrap, config.sinkGroupId()), writer::upsert,
                config.sinkMaxBackoff());
        started.push(sink);
        sink.start();
        health.put("streams", () -> both(streams.check(), sink.check()));

        // Raw readings into observations (own consumer group), and on plain PostgreSQL the hub's own
        // rollups and retention (a no-op on TimescaleDB, whose policies do it). See docs/storage.md.
        KafkaSink<String, Reading> observationSink = new KafkaSink<>(Topics.TELEMETRY,
                SinkConsumer.create(Topics.TELEMETRY, kafkaBootstrap, config.observationSinkGroupId()),
                new ObservationSinkWriter(registry, new ObservationWriter(database.dataSource())),
                config.sinkMaxBackoff());
        started.push(observationSink);
        observationSink.start();
        health.put("observations", observationSink);
        started.push(new RollupMaintainer(database.dataSource(), StorageDialect.of(database.dataSource()))
                .scheduleEvery(config.rollupInterval()));

        // Alert lifecycle: condition events into the alert store, escalation, webhooks (docs/alert-model.md).
        alerting = AlertingRuntime.start(database.dataSource(), kafkaBootstrap, config.alerting(), Clock.systemUTC());
        started.push(alerting);
        health.put("alerts", alerting);

        // The API uses the runtime's own service, so its change callback wakes the live stream at once.
        api = new ApiServer(new ApiConfig(config.httpHost(), config.httpPort()), new ApiBackends(registry,
                new AggregateQueries(database.dataSource()), alerting.service(), health,
                new TokenAuthenticator(tokens), meters));
        started.push(api);
        api.start();

        if (config.simulatorEnabled()) {
            long seed = config.simulatorSeed().orElseGet(() -> new SecureRandom().nextLong());
            Simulator simulator = new Simulator(registry.devices(),
                    new SensorModels(seed, config.simulatorIncidentProbability()),
                    new MqttPublisher(mqttUrl, "ioc-simulator"), Clock.systemUTC(), config.simulatorInterval());
            started.push(simulator);
            simulator.start();
        }
    }

    private static HealthCheck.Status both(HealthCheck.Status a, HealthCheck.Status b) {
        return new HealthCheck.Status(a.up() && b.up(), a.detail() + "; sink: " + b.detail());
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

    public MqttKafkaBridge bridge() {
        return bridge;
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
