package vn.cantho.ioc.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.api.aggregate.AggregateRequestParser;
import vn.cantho.ioc.api.aggregate.AggregateRoutes;
import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.health.HealthProbe;
import vn.cantho.ioc.api.health.HealthRoutes;
import vn.cantho.ioc.api.http.ErrorMapper;
import vn.cantho.ioc.api.http.ErrorResponse;
import vn.cantho.ioc.api.metrics.MetricsRoutes;
import vn.cantho.ioc.api.registry.RegistryCatalog;
import vn.cantho.ioc.api.registry.RegistryRoutes;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.store.AggregateQueries;

/**
 * The hub's HTTP server: {@code /health}, {@code /metrics} (Prometheus) and the REST API under
 * {@code /api/v1}, which needs a bearer token ({@link AuthFilter}). Only wiring lives
 * here; each resource's routes and logic are in their own package, and every error leaves as
 * {@code {"code","message"}} JSON through {@link ErrorMapper}.
 */
public final class ApiServer implements AutoCloseable {

    /** The component name under which {@code /health} reports the API itself. */
    public static final String HEALTH_COMPONENT = "api";

    /** In-flight requests get this long to finish when the server stops. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final ApiConfig config;
    private final HealthProbe health;
    private final ErrorMapper errors = new ErrorMapper();
    private final Javalin app;

    /**
     * @param healthChecks components {@code /health} reports besides the API itself, by name
     *                     (e.g. {@code kafka}, {@code database}), in this map's order
     */
    public ApiServer(ApiConfig config, DeviceRegistry registry, AggregateQueries queries,
                     Map<String, HealthCheck> healthChecks, Authenticator authenticator, PrometheusMeterRegistry meters) {
        if (healthChecks.containsKey(HEALTH_COMPONENT)) {
            throw new IllegalArgumentException("health component name '" + HEALTH_COMPONENT + "' is reserved");
        }
        this.config = config;
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put(HEALTH_COMPONENT, () -> HealthCheck.Status.up("serving HTTP on port " + port()));
        checks.putAll(healthChecks);
        this.health = new HealthProbe(checks, HealthProbe.DEFAULT_TIMEOUT);

        HealthRoutes healthRoutes = new HealthRoutes(health);
        RegistryRoutes registryRoutes = new RegistryRoutes(new RegistryCatalog(registry));
        AggregateRoutes aggregateRoutes = new AggregateRoutes(
                new AggregateRequestParser(registry, Clock.systemUTC()), queries);
        AuthFilter auth = new AuthFilter(authenticator);
        MetricsRoutes metrics = new MetricsRoutes(meters);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.defaultContentType = "application/json";
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));
            cfg.router.mount(router -> {
                metrics.register(router);
                auth.register(router);
                healthRoutes.register(router);
                registryRoutes.register(router);
                aggregateRoutes.register(router);
                // Javalin ships its own handler for its routing exceptions; ours replaces it.
                router.exception(HttpResponseException.class, this::fail);
                router.exception(Exception.class, this::fail);
            });
        });
    }

    /** Binds and starts serving; returns once requests are accepted. */
    public ApiServer start() {
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            health.close();
            throw e;
        }
        LOG.info("API listening on http://{}:{}", config.host(), port());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests, lets in-flight ones finish for a few seconds, and stops the health checks. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            health.close();
        }
    }

    private void fail(Exception error, Context ctx) {
        ErrorResponse response = errors.map(error, ctx.method().name(), ctx.path());
        ctx.status(response.status()).json(response.body());
    }
}
