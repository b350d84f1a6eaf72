package vn.cantho.ioc.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.api.aggregate.AggregateRequestParser;
import vn.cantho.ioc.api.aggregate.AggregateRoutes;
import vn.cantho.ioc.api.alert.AlertMeters;
import vn.cantho.ioc.api.alert.AlertRoutes;
import vn.cantho.ioc.api.alert.AlertStream;
import vn.cantho.ioc.api.alert.SilenceRoutes;
import vn.cantho.ioc.api.alertmanager.AlertmanagerRoutes;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.explanation.ExplanationRoutes;
import vn.cantho.ioc.api.explanation.OverdueExplanations;
import vn.cantho.ioc.api.health.HealthProbe;
import vn.cantho.ioc.api.health.HealthRoutes;
import vn.cantho.ioc.api.http.ClientErrorConnectionFactory;
import vn.cantho.ioc.api.http.ErrorMapper;
import vn.cantho.ioc.api.http.ErrorResponse;
import vn.cantho.ioc.api.http.PathGuard;
import vn.cantho.ioc.api.http.ServerErrorHandler;
import vn.cantho.ioc.api.indicator.IndicatorRoutes;
import vn.cantho.ioc.api.kpi.KpiRoutes;
import vn.cantho.ioc.api.metrics.MetricsRoutes;
import vn.cantho.ioc.api.openapi.OpenApiRoutes;
import vn.cantho.ioc.api.registry.RegistryAdminRoutes;
import vn.cantho.ioc.api.registry.RegistryCatalog;
import vn.cantho.ioc.api.registry.RegistryRoutes;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.stage.Part;

/**
 * The hub's HTTP server: {@code /health}, {@code /metrics} (Prometheus), the operator console under
 * {@code /console/}, the REST API under {@code /api/v1} and the Alertmanager API v2 subset under
 * {@code /am/api/v2}, both of which need a bearer token
 * ({@link AuthFilter}). Only wiring lives here; each resource's routes and logic are in their own
 * package, and every error leaves as {@code {"code","message"}} JSON through {@link ErrorMapper}.
 */
public final class ApiServer implements Part {

    /** The component name under which {@code /health} reports the API itself. */
    public static final String HEALTH_COMPONENT = "api";
    /** Largest request body: commands and silences are small; anything bigger is 413 PAYLOAD_TOO_LARGE. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final String CONSOLE_PATH = "/console";

    /** In-flight requests get this long to finish when the server stops. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    private static final Duration OPEN_ALERTS_REFRESH = Duration.ofSeconds(15);
    private static final Set<HandlerType> FILTERS =
            EnumSet.of(HandlerType.BEFORE, HandlerType.BEFORE_MATCHED, HandlerType.AFTER, HandlerType.AFTER_MATCHED);
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final ApiConfig config;
    private final HealthProbe health;
    private final AlertStream stream;
    private final AlertMeters alertMeters;
    private final OverdueExplanations overdue;
    private final ErrorMapper errors = new ErrorMapper();
    private final Javalin app;

    public ApiServer(ApiConfig config, ApiBackends backends) {
        if (backends.health().containsKey(HEALTH_COMPONENT)) {
            throw new IllegalArgumentException("health component name '" + HEALTH_COMPONENT + "' is reserved");
        }
        this.config = config;
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put(HEALTH_COMPONENT, this);
        checks.putAll(backends.health());
        this.health = new HealthProbe(checks, HealthProbe.DEFAULT_TIMEOUT);
        this.stream = new AlertStream(backends.alerts(), config.streamPoll(), config.streamHeartbeat());
        this.alertMeters = new AlertMeters(backends.alerts(), stream, backends.meters(), OPEN_ALERTS_REFRESH);

        HealthRoutes healthRoutes = new HealthRoutes(health);
        RegistryRoutes registryRoutes =
                new RegistryRoutes(new RegistryCatalog(backends.registry()), backends.areaShapes());
        RegistryAdminRoutes registryAdmin = new RegistryAdminRoutes(backends.registry(), backends.registryEditor());
        AggregateRoutes aggregateRoutes = new AggregateRoutes(
                new AggregateRequestParser(backends.registry(), Clock.systemUTC()), backends.aggregates());
        IndicatorRoutes indicatorRoutes = new IndicatorRoutes(
                backends.registry(), backends.indicatorRegistry(), backends.indicators(), Clock.systemUTC());
        KpiRoutes kpiRoutes =
                new KpiRoutes(backends.kpis(), backends.indicatorRegistry(), backends.registry(), Clock.systemUTC());
        AlertRoutes alertRoutes = new AlertRoutes(backends.alerts());
        SilenceRoutes silenceRoutes = new SilenceRoutes(backends.alerts(), Clock.systemUTC());
        AlertmanagerRoutes alertmanager = new AlertmanagerRoutes(backends.alerts(), Clock.systemUTC());
        this.overdue = new OverdueExplanations(backends.explanations(), backends.alerts(), config.overdueCheck());
        ExplanationRoutes explanationRoutes = new ExplanationRoutes(
                backends.explanations(), backends.kpis(), backends.indicatorRegistry(), overdue, Clock.systemUTC());
        AuthFilter auth = new AuthFilter(backends.authenticator());
        MetricsRoutes metrics = new MetricsRoutes(backends.meters());
        OpenApiRoutes openApi = new OpenApiRoutes();
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.defaultContentType = "application/json";
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new ServerErrorHandler());
            });
            // A body over the limit is refused from its Content-Length at once, not after its first byte arrives.
            cfg.jetty.modifyHttpConfiguration(http -> http.setDelayDispatchUntilContent(false));
            cfg.jetty.addConnector((server, http) ->
                    ClientErrorConnectionFactory.connector(server, http, config.host(), config.port()));
            cfg.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new ServerErrorHandler());
                context.addFilter(PathGuard.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            // The console: static files from the classpath, no build step, nothing fetched from elsewhere.
            cfg.staticFiles.add(files -> {
                files.hostedPath = CONSOLE_PATH;
                files.directory = "/console";
                files.location = Location.CLASSPATH;
                // Jetty's defaults name no charset; the console's text files are UTF-8 (Vietnamese labels).
                files.mimeTypes.add("text/html; charset=utf-8", "html");
                files.mimeTypes.add("text/css; charset=utf-8", "css");
                files.mimeTypes.add("text/javascript; charset=utf-8", "js");
                files.headers = Map.of(
                        "Cache-Control",
                        "no-cache",
                        "X-Content-Type-Options",
                        "nosniff",
                        "Content-Security-Policy",
                        "default-src 'self'; connect-src 'self'; frame-ancestors 'none'");
            });
            cfg.router.mount(router -> {
                metrics.register(router);
                auth.register(router);
                healthRoutes.register(router);
                openApi.register(router);
                registryRoutes.register(router);
                registryAdmin.register(router);
                aggregateRoutes.register(router);
                kpiRoutes.register(router);
                indicatorRoutes.register(router);
                stream.register(router);
                alertRoutes.register(router);
                silenceRoutes.register(router);
                alertmanager.register(router);
                explanationRoutes.register(router);
                // Javalin ships its own handler for its routing exceptions; ours replaces it.
                router.exception(HttpResponseException.class, this::fail);
                router.exception(Exception.class, this::fail);
            });
        });
    }

    /** Binds and starts serving; returns once requests are accepted. */
    @Override
    public void start() {
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            closeParts();
            throw e;
        }
        LOG.info("API listening on http://{}:{} (console at {}/)", config.host(), port(), CONSOLE_PATH);
    }

    @Override
    public Status check() {
        return Status.up("serving HTTP on port " + port());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The application itself, for javalin-testtools in the route tests (which start and stop it on a free port). */
    Javalin app() {
        return app;
    }

    /** A route as registered: method, path template and the access it requires. */
    public record Route(String method, String path, Set<RouteRole> roles) {}

    /** Every HTTP route (not the before/after filters), in registration order: what the OpenAPI test checks. */
    public List<Route> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(ParsedEndpoint::getEndpoint)
                .filter(e -> !FILTERS.contains(e.getMethod()))
                .map(e -> new Route(e.getMethod().name(), e.getPath(), e.getRoles()))
                .toList();
    }

    /** Stops accepting requests, ends the live streams, lets in-flight requests finish for a few seconds. */
    @Override
    public void close() {
        try {
            stream.close();
            app.stop();
        } finally {
            closeParts();
        }
    }

    private void closeParts() {
        try {
            overdue.close();
            alertMeters.close();
            stream.close();
        } finally {
            health.close();
        }
    }

    private void fail(Exception error, Context ctx) {
        ErrorResponse response = errors.map(error, ctx.method().name(), ctx.path());
        ctx.status(response.status()).json(response.body());
    }
}
