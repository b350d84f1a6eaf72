package vn.cantho.ioc.api;

import java.time.Clock;
import java.util.Map;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.metrics.ApiMeters;
import vn.cantho.ioc.api.registry.AreaShapes;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.store.indicator.IndicatorQueries;
import vn.cantho.ioc.store.kpi.KpiQueries;
import vn.cantho.ioc.store.registry.RegistryEditor;
import vn.cantho.ioc.store.registry.RegistryStore;

/** Starts the real API server for an integration test on the test's own database schema. */
public final class TestApi {

    private TestApi() {}

    /** A server on a free port whose stores, tokens and alerts are all in {@code database}. */
    public static ApiServer start(Database database, Map<String, HealthCheck> health) {
        return start(new ApiConfig("127.0.0.1", 0), database, new AggregateQueries(database.dataSource()), health);
    }

    /**
     * A server whose aggregates come from {@code aggregates} (possibly a broken store) while tokens and
     * alerts stay in {@code database}.
     */
    public static ApiServer start(
            ApiConfig config, Database database, AggregateQueries aggregates, Map<String, HealthCheck> health) {
        return start(config, database, aggregates, health, new AlertService(database.dataSource(), Clock.systemUTC()));
    }

    /** A server on this alert service (share it with the writer so its change callback wakes the stream). */
    public static ApiServer start(
            ApiConfig config,
            Database database,
            AggregateQueries aggregates,
            Map<String, HealthCheck> health,
            AlertService alerts) {
        return start(config, database, aggregates, health, alerts, new TestTokens(database).authenticator());
    }

    /** A server on a free port that authenticates with {@code authenticator} (e.g. hub tokens and JWTs). */
    public static ApiServer start(Database database, Authenticator authenticator) {
        return start(
                new ApiConfig("127.0.0.1", 0),
                database,
                new AggregateQueries(database.dataSource()),
                Map.of(),
                new AlertService(database.dataSource(), Clock.systemUTC()),
                authenticator);
    }

    private static ApiServer start(
            ApiConfig config,
            Database database,
            AggregateQueries aggregates,
            Map<String, HealthCheck> health,
            AlertService alerts,
            Authenticator authenticator) {
        IndicatorRegistry indicatorRegistry = IndicatorRegistry.builtIn();
        LiveRegistry registry = new LiveRegistry(DeviceRegistry.builtIn(), 0);
        ApiServer server = new ApiServer(
                config,
                new ApiBackends(
                        registry,
                        new RegistryEditor(new RegistryStore(database.dataSource()), registry),
                        aggregates,
                        indicatorRegistry,
                        new IndicatorQueries(database.dataSource()),
                        new KpiQueries(database.dataSource(), indicatorRegistry),
                        alerts,
                        health,
                        authenticator,
                        ApiMeters.create(),
                        new ExplanationStore(database.dataSource()),
                        AreaShapes.builtIn()));
        server.start();
        return server;
    }

    /** Stops what a test class started, the server first; either is null when its start failed. */
    public static void stop(ApiServer server, Database database) {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
