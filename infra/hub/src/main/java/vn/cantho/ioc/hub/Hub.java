package vn.cantho.ioc.hub;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.alerting.runtime.AlertingRuntime;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.metrics.ApiMeters;
import vn.cantho.ioc.ingest.feed.FeedServer;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.model.stage.Stage;
import vn.cantho.ioc.simulator.Simulators;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.SinkOptions;
import vn.cantho.ioc.store.RollupMaintainer;
import vn.cantho.ioc.store.StorageDialect;
import vn.cantho.ioc.streams.runtime.StreamsApps;

/**
 * The whole hub in one process: the shared servers and clients ({@link HubPlatform}), then every stage in the order
 * data flows (MQTT ingest, feed API, aggregation, KPIs, rules, observation sink, indicators, alerting, API,
 * simulators), each built by its own module from its options. Wiring only. Closing stops the stages in the reverse
 * order, so data in flight is handed on before the servers go away.
 */
public final class Hub implements AutoCloseable {

    private final StartedParts started = new StartedParts();
    private final HubConfig config;
    private final PrometheusMeterRegistry meters = ApiMeters.create();
    private HubPlatform platform;
    private MqttEdge mqtt;
    private FeedServer feeds;
    private AlertingRuntime alerting;
    private ApiServer api;

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
        platform = HubPlatform.start(config);
        started.push(platform);
        platform.health().forEach(started::report);
        DataSource db = platform.dataSource();
        String kafka = platform.kafkaBootstrap();
        var registry = platform.registry();
        var indicators = platform.indicators();
        mqtt = MqttEdge.of(config, platform.dataDir(), registry, kafka);
        started.startReporting(mqtt.stage());
        started.report("mqtt", new MqttHealth(mqtt.url()));
        feeds = FeedServer.create(
                config.feeds().server(config.api().host()), platform.feedRegistry(), platform.tokens(), db, kafka);
        started.startReporting(Stage.of(FeedServer.HEALTH_COMPONENT, feeds));

        StreamsApps apps = new StreamsApps(
                config.streams(),
                kafka,
                platform.dataDir().resolve("streams"),
                config.platform().replicationFactor());
        SinkOptions sinks = config.sinks();
        started.startReporting(Stage.of(
                "streams",
                apps.indicatorStateCopy(),
                apps.telemetry(registry, indicators),
                DatabaseSinks.aggregates(sinks.aggregates(kafka), db)));
        started.startReporting(Stage.of("kpis", apps.kpis(indicators)));
        started.startReporting(Stage.of("rules", apps.rules(platform.catalogue(), registry, indicators)));
        started.startReporting(Stage.of(
                "observations",
                DatabaseSinks.observations(sinks.observations(kafka), sinks.observationConsumers(), registry, db)));
        // On plain PostgreSQL the hub's own rollups and retention; a no-op on TimescaleDB (docs/storage.md).
        started.push(new RollupMaintainer(db, StorageDialect.of(db)).scheduleEvery(config.rollupInterval()));
        started.startReporting(Stage.of("indicators", DatabaseSinks.indicators(sinks.indicators(kafka), db)));

        alerting = AlertingRuntime.start(db, kafka, config.alerting(), Clock.systemUTC());
        started.push(alerting);
        started.report("alerts", alerting);
        // The API uses the alerting runtime's own service, so its change callback wakes the live stream at once. It
        // reports itself (and every stage above) under /health.
        api = new ApiServer(config.api(), platform.apiBackends(config, alerting.service(), started.health(), meters));
        started.run(api);

        for (Stage simulator : Simulators.stages(
                config.simulator(), registry.get().devices(), mqtt.url(), feeds.localUrl(), platform.demoTokens())) {
            started.run(simulator);
        }
    }

    /** Where the running hub can be reached and the token files it wrote. */
    public HubEndpoints endpoints() {
        return new HubEndpoints(
                api.port(),
                feeds.port(),
                platform.kafkaBootstrap(),
                mqtt.url(),
                platform.dbUrl(),
                platform.apiTokens(),
                platform.demoTokens());
    }

    public HubConfig config() {
        return config;
    }

    /** Alert queries and operator commands (what the API serves). */
    public AlertService alerts() {
        return alerting.service();
    }

    /** Counters of MQTT ingest: messages received, forwarded and dead-lettered. */
    public IngestStats ingestStats() {
        return mqtt.stats();
    }

    /** The hub's connection pool to its database (for benchmarks and checks from outside the API). */
    public DataSource dataSource() {
        return platform.dataSource();
    }

    /** Stops everything that started, newest first; each part is stopped even if another fails to. */
    @Override
    public void close() {
        started.close();
    }
}
