package vn.cantho.ioc.api.registry;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.http.ListResponse;
import vn.cantho.ioc.api.http.QueryParams;

/**
 * Reference data under {@code /api/v1}: areas, devices ({@code ?area=}, {@code ?domain=}) and
 * metrics ({@code ?domain=}), and the areas' shapes as GeoJSON for the console's map.
 */
public final class RegistryRoutes {

    static final String GEOJSON = "application/geo+json";

    private final RegistryCatalog catalog;
    private final AreaShapes shapes;

    public RegistryRoutes(RegistryCatalog catalog, AreaShapes shapes) {
        this.catalog = catalog;
        this.shapes = shapes;
    }

    public void register(JavalinDefaultRouting router) {
        router.get("/api/v1/areas", ctx -> ctx.json(new ListResponse<>(catalog.areas())), Access.READ);
        router.get("/api/v1/areas/{code}", ctx -> ctx.json(catalog.area(ctx.pathParam("code"))), Access.READ);
        router.get("/api/v1/devices", this::devices, Access.READ);
        router.get("/api/v1/devices/{id}", ctx -> ctx.json(catalog.device(ctx.pathParam("id"))), Access.READ);
        router.get("/api/v1/metrics", this::metrics, Access.READ);
        router.get("/api/v1/map/areas", ctx -> ctx.contentType(GEOJSON).result(shapes.geoJson()), Access.READ);
    }

    private void devices(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        ctx.json(new ListResponse<>(catalog.devices(params.get("area"), params.get("domain"))));
    }

    private void metrics(Context ctx) {
        ctx.json(new ListResponse<>(catalog.metrics(QueryParams.of(ctx).get("domain"))));
    }
}
