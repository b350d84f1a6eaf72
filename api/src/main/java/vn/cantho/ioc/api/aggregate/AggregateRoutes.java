package vn.cantho.ioc.api.aggregate;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.store.AggregatePage;
import vn.cantho.ioc.store.AggregateQuery;

/** {@code GET /api/v1/metrics/{metric}/aggregates?bucket=1m|1h|1d}: stored aggregates of one tier, paged. */
public final class AggregateRoutes {

    private final AggregateRequestParser parser;
    private final AggregateBackend queries;

    public AggregateRoutes(AggregateRequestParser parser, AggregateBackend queries) {
        this.parser = parser;
        this.queries = queries;
    }

    public void register(JavalinDefaultRouting router) {
        router.get("/api/v1/metrics/{metric}/aggregates", this::aggregates, Access.READ);
    }

    private void aggregates(Context ctx) {
        AggregateRequest request = parser.parse(ctx.pathParam("metric"), QueryParams.of(ctx));
        AggregateQuery query = request.query();
        AggregatePage page = queries.find(query);
        ctx.json(new AggregatesResponse(
                request.metric().id(),
                request.metric().unit(),
                query.tier().id(),
                query.from(),
                query.to(),
                page.items().stream().map(AggregateItem::of).toList(),
                page.nextCursor()));
    }
}
