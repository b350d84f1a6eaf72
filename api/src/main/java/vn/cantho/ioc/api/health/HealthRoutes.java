package vn.cantho.ioc.api.health;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;

/**
 * {@code GET /health}: 200 with every component UP, 503 with the same body when any is DOWN, so
 * load balancers and orchestrators can use the status code alone.
 */
public final class HealthRoutes {

    private final HealthProbe probe;

    public HealthRoutes(HealthProbe probe) {
        this.probe = probe;
    }

    public void register(JavalinDefaultRouting router) {
        router.get("/health", this::health);
    }

    private void health(Context ctx) {
        HealthReport report = probe.probe();
        ctx.status(report.up() ? 200 : 503).json(report);
    }
}
