package vn.cantho.ioc.api.metrics;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every meter in the registry, and the HTTP
 * request timer {@code http_server_requests_seconds} (method, route template, status) measured around
 * every request. Open like {@code /health}: scrapers sit on the operations network, and the numbers
 * carry no alert content.
 */
public final class MetricsRoutes {

    /** Prometheus text format 0.0.4, what every Prometheus version scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String STARTED = MetricsRoutes.class.getName() + ".started";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public void register(JavalinDefaultRouting router) {
        router.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        router.after(this::record);
        router.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        // The route template, never the raw path: ids in paths would make one series per alert.
        String route = ctx.endpointHandlerPath();
        if (route == null || route.isEmpty() || route.equals("*")) {
            route = ctx.status().getCode() == 404 ? "NOT_FOUND" : "UNMATCHED";
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests to the hub's API, by method, route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
