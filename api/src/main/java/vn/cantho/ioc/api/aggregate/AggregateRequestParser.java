package vn.cantho.ioc.api.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.store.AggregateCursor;
import vn.cantho.ioc.store.AggregateQuery;
import vn.cantho.ioc.store.AggregateTier;

/**
 * Validates the parameters of {@code GET /api/v1/metrics/{metric}/aggregates} and turns them into a
 * store query. Ids are checked against the registries, so anything that is not a known id (SQL
 * included) is answered with 404 before it could reach the database.
 *
 * <ul>
 *   <li>{@code device=} selects that device's rows and implies {@code scope=device}.</li>
 *   <li>{@code area=} alone selects the area's own rows ({@code scope=area}); with {@code scope=device}
 *       it selects the rows of the devices in that area. With {@code device=} it must be the device's area.</li>
 *   <li>Neither, and no {@code scope}: rows of both scopes.</li>
 *   <li>{@code bucket}: {@code 1m} (default), {@code 1h} or {@code 1d}, the tier the rows come from
 *       ({@code metric_agg_1m}, {@code metric_agg_1h}, {@code metric_agg_1d}); daily buckets are Cần Thơ days.</li>
 *   <li>{@code from} (inclusive) and {@code to} (exclusive) bound the bucket start; ISO-8601 instants
 *       with {@code Z} or an offset. Defaults: {@code to} = now, {@code from} = {@code to} - 1 h (1m),
 *       1 day (1h) or 30 days (1d).</li>
 *   <li>{@code limit}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}; {@code cursor}: the
 *       previous page's {@code nextCursor}.</li>
 * </ul>
 */
public final class AggregateRequestParser {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    /** Default range of a {@code bucket=1m} query; see {@link #defaultWindow(AggregateTier)} for the others. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final Supplier<DeviceRegistry> registry;
    private final Clock clock;

    public AggregateRequestParser(Supplier<DeviceRegistry> registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** @throws ApiException naming the first parameter that is wrong */
    public AggregateRequest parse(String metricId, QueryParams params) {
        Metric metric = Metric.byId(metricId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_METRIC, "no metric '" + metricId + "'"));
        Optional<Scope> scope = params.get("scope").map(AggregateRequestParser::scope);
        Optional<Device> device = params.get("device").map(this::device);
        Optional<String> area = params.get("area").map(this::area);

        AggregateQuery query = AggregateQuery.of(metric.id());
        if (device.isPresent()) {
            if (scope.isPresent() && scope.get() != Scope.DEVICE) {
                throw ApiException.badParameter("scope", "must be device (or left out) when device is given");
            }
            if (area.isPresent() && !area.get().equals(device.get().areaCode())) {
                throw ApiException.badParameter(
                        "area",
                        "device '" + device.get().id() + "' is in area '"
                                + device.get().areaCode() + "', not '" + area.get()
                                + "'; give device or area, not both");
            }
            query = query.withScope(Scope.DEVICE).withEntityId(device.get().id());
        } else if (area.isPresent()) {
            query = query.withScope(scope.orElse(Scope.AREA)).withAreaCode(area.get());
        } else {
            query = query.withScope(scope.orElse(null));
        }

        AggregateTier tier =
                params.get("bucket").map(AggregateRequestParser::tier).orElse(AggregateTier.MINUTE);
        query = query.withTier(tier);

        Optional<Instant> from = params.instant("from");
        Instant to = params.instant("to").orElseGet(this::now);
        Instant start = QueryParams.storable("from", from.orElse(to.minus(defaultWindow(tier))));
        if (!start.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before to (" + start + " is not before " + to + ")");
        }
        query = query.withRange(start, to).withLimit(params.limit(MAX_LIMIT).orElse(DEFAULT_LIMIT));
        Optional<AggregateCursor> cursor = params.get("cursor").map(AggregateRequestParser::cursor);
        return new AggregateRequest(metric, cursor.map(query::after).orElse(query));
    }

    /** Millisecond precision is plenty for a default bound and keeps the echoed {@code to} readable. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Device device(String id) {
        return registry.get()
                .device(id)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_DEVICE, "no device '" + id + "'"));
    }

    private String area(String code) {
        return registry.get()
                .area(code)
                .map(Area::code)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_AREA, "no area '" + code + "'"));
    }

    /** The range a query covers when {@code from} is left out: 60 to 720 buckets. */
    public static Duration defaultWindow(AggregateTier tier) {
        return switch (tier) {
            case MINUTE -> DEFAULT_WINDOW;
            case HOUR -> Duration.ofDays(1);
            case DAY -> Duration.ofDays(30);
        };
    }

    private static AggregateTier tier(String text) {
        return AggregateTier.byId(text)
                .orElseThrow(() -> ApiException.badParameter("bucket", "must be 1m, 1h or 1d, got '" + text + "'"));
    }

    private static Scope scope(String text) {
        try {
            return Scope.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("scope", "must be device or area, got '" + text + "'");
        }
    }

    private static AggregateCursor cursor(String text) {
        try {
            return AggregateCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this API returned");
        }
    }
}
