package vn.cantho.ioc.api.indicator;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.store.indicator.IndicatorPage;
import vn.cantho.ioc.store.indicator.IndicatorQuery;

/**
 * Derived indicators under {@code /api/v1}: {@code GET /indicators} (filtered, paged), {@code GET /aqi/current}
 * (latest hourly VN_AQI per station and per area) and {@code GET /water-levels/current} (every gauge's level,
 * flood alert level and rise rate).
 */
public final class IndicatorRoutes {

    private final IndicatorRegistry indicators;
    private final IndicatorRequestParser parser;
    private final IndicatorBackend queries;
    private final CurrentConditions current;

    public IndicatorRoutes(
            Supplier<DeviceRegistry> devices, IndicatorRegistry indicators, IndicatorBackend queries, Clock clock) {
        this.indicators = indicators;
        this.parser = new IndicatorRequestParser(devices, indicators);
        this.queries = queries;
        this.current = new CurrentConditions(devices, indicators, queries, clock);
    }

    public void register(JavalinDefaultRouting router) {
        router.get("/api/v1/indicators", this::indicators, Access.READ);
        router.get("/api/v1/aqi/current", ctx -> ctx.json(current.aqi(area(ctx))), Access.READ);
        router.get("/api/v1/water-levels/current", ctx -> ctx.json(current.waterLevels(area(ctx))), Access.READ);
    }

    private void indicators(Context ctx) {
        IndicatorQuery query = parser.parse(QueryParams.of(ctx));
        IndicatorPage page = queries.find(query);
        ctx.json(new IndicatorsResponse(
                query.from(),
                query.to(),
                page.items().stream()
                        .map(row -> IndicatorItem.of(
                                row, indicators.byId(row.indicator()).orElse(null)))
                        .toList(),
                page.nextCursor()));
    }

    private Optional<String> area(Context ctx) {
        return parser.area(QueryParams.of(ctx).get("area"));
    }
}
