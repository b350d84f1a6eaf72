package vn.cantho.ioc.api.kpi;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.ListResponse;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.store.kpi.KpiCursor;
import vn.cantho.ioc.store.kpi.KpiHistoryPage;
import vn.cantho.ioc.store.kpi.KpiHistoryQuery;

/**
 * KPIs against their targets:
 * <ul>
 *   <li>{@code GET /api/v1/kpis?domain=&entity=&area=}: the latest value of every KPI series (KPI,
 *       entity, labels) with target, polarity, {@code meetsTarget}, the previous period and last year, the
 *       {@link PlanStatus} and the change from both;</li>
 *   <li>{@code GET /api/v1/kpis/{id}?entity=&area=&from=&to=&limit=&cursor=}: one KPI's stored values,
 *       oldest first, paged.</li>
 * </ul>
 * {@code from}/{@code to} are ISO-8601 instants or dates (a date is 00:00 Vietnam time) and filter on
 * the period start ({@code from} inclusive, {@code to} exclusive).
 */
public final class KpiRoutes {

    static final int DEFAULT_LIMIT = 100;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final KpiBackend queries;
    private final IndicatorRegistry indicators;
    private final Supplier<DeviceRegistry> devices;
    private final Clock clock;

    public KpiRoutes(KpiBackend queries, IndicatorRegistry indicators, Supplier<DeviceRegistry> devices, Clock clock) {
        this.queries = queries;
        this.indicators = indicators;
        this.devices = devices;
        this.clock = clock;
    }

    public void register(JavalinDefaultRouting router) {
        router.get("/api/v1/kpis", this::latest, Access.READ);
        router.get("/api/v1/kpis/{id}", this::history, Access.READ);
    }

    private void latest(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        String domain = params.get("domain").map(KpiRoutes::domain).orElse(null);
        String entity = params.get("entity").map(KpiRoutes::entity).orElse(null);
        String area = params.get("area").map(this::area).orElse(null);
        Instant now = clock.instant();
        ctx.json(new ListResponse<>(queries.latest(domain, entity, area).stream()
                .map(v -> KpiItem.latest(v, now))
                .toList()));
    }

    private void history(Context ctx) {
        String id = ctx.pathParam("id");
        IndicatorDefinition definition = indicators
                .byId(id)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.UNKNOWN_INDICATOR,
                        "no KPI '" + id + "'; GET /api/v1/kpis lists the KPIs with values"));
        QueryParams params = QueryParams.of(ctx);
        String entity = params.get("entity").map(KpiRoutes::entity).orElse(null);
        String area = params.get("area").map(this::area).orElse(null);
        Instant from = params.get("from").map(text -> instant("from", text)).orElse(null);
        Instant to = params.get("to").map(text -> instant("to", text)).orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before to (" + from + " is not before " + to + ")");
        }
        int limit = params.limit(KpiHistoryQuery.MAX_LIMIT).orElse(DEFAULT_LIMIT);
        KpiCursor cursor = params.get("cursor").map(KpiRoutes::cursor).orElse(null);
        KpiHistoryPage page = queries.history(new KpiHistoryQuery(id, entity, area, from, to, limit, cursor));
        ctx.json(new KpiHistoryResponse(
                id,
                definition.label(),
                definition.unit(),
                definition.domain().id(),
                definition.scope().id(),
                definition.granularity().id(),
                definition.target(),
                definition.polarity() == null ? null : definition.polarity().name(),
                definition.description(),
                from,
                to,
                page.items().stream().map(KpiItem::of).toList(),
                page.nextCursor()));
    }

    private static String domain(String text) {
        try {
            return Domain.of(text).id();
        } catch (IllegalArgumentException e) {
            StringBuilder ids = new StringBuilder();
            for (Domain d : Domain.values()) {
                ids.append(ids.isEmpty() ? "" : ", ").append(d.id());
            }
            throw ApiException.badParameter("domain", "unknown domain '" + text + "'; one of " + ids);
        }
    }

    private static String entity(String text) {
        if (text.length() > 200) {
            throw ApiException.badParameter("entity", "must be at most 200 characters");
        }
        return text;
    }

    private String area(String code) {
        return devices.get()
                .area(code)
                .map(a -> a.code())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_AREA, "no area '" + code + "'"));
    }

    private static Instant instant(String name, String text) {
        // An offset's '+' sent unencoded in a URL arrives as a space; an instant never contains one.
        String candidate = text.replace(' ', '+');
        try {
            return QueryParams.storable(
                    name,
                    candidate.length() == 10
                            ? LocalDate.parse(candidate).atStartOfDay(VIETNAM).toInstant()
                            : Instant.parse(candidate));
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(
                    name,
                    "'" + text + "' is not an ISO-8601 instant such as "
                            + "2026-11-23T03:00:00Z or a date such as 2026-11-23 (00:00 Vietnam time)");
        }
    }

    private static KpiCursor cursor(String text) {
        try {
            return KpiCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this API returned");
        }
    }
}
