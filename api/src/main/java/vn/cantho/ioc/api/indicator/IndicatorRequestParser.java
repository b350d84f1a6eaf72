package vn.cantho.ioc.api.indicator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.store.indicator.IndicatorCursor;
import vn.cantho.ioc.store.indicator.IndicatorQuery;

/**
 * Validates the parameters of {@code GET /api/v1/indicators} and turns them into a store query. Every filter is
 * optional; ids are checked against the registries where one exists (indicator, domain, area), so an unknown
 * one is answered before it could reach the database.
 *
 * <ul>
 *   <li>{@code indicator}: an id of the indicator registry, else 404 {@code UNKNOWN_INDICATOR}.</li>
 *   <li>{@code domain}, {@code scope} ({@code device|area|agency|city}), {@code granularity}
 *       ({@code instant|hour|day|month|quarter|year}): else 400 {@code BAD_PARAMETER}.</li>
 *   <li>{@code entity}: a device id, area code, agency code or {@code can-tho}, at most
 *       {@value #MAX_ENTITY_LENGTH} characters; not checked further, since agencies have no registry here.</li>
 *   <li>{@code area}: an area code of the device registry, else 404 {@code UNKNOWN_AREA}.</li>
 *   <li>{@code from} (inclusive) and {@code to} (exclusive) bound the period start; ISO-8601 instants. No
 *       default: indicator values are few (hours, days, months per entity) and the result is paged.</li>
 *   <li>{@code limit}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}; {@code cursor}: the previous
 *       page's {@code nextCursor}.</li>
 * </ul>
 */
public final class IndicatorRequestParser {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    static final int MAX_ENTITY_LENGTH = 200;

    private final Supplier<DeviceRegistry> devices;
    private final IndicatorRegistry indicators;

    public IndicatorRequestParser(Supplier<DeviceRegistry> devices, IndicatorRegistry indicators) {
        this.devices = devices;
        this.indicators = indicators;
    }

    /** @throws ApiException naming the first parameter that is wrong */
    public IndicatorQuery parse(QueryParams params) {
        IndicatorQuery query = IndicatorQuery.all()
                .withIndicator(params.get("indicator").map(this::indicator).orElse(null))
                .withDomain(
                        params.get("domain").map(IndicatorRequestParser::domain).orElse(null))
                .withScope(
                        params.get("scope").map(IndicatorRequestParser::scope).orElse(null))
                .withEntityId(
                        params.get("entity").map(IndicatorRequestParser::entity).orElse(null))
                .withAreaCode(area(params.get("area")).orElse(null))
                .withGranularity(params.get("granularity")
                        .map(IndicatorRequestParser::granularity)
                        .orElse(null));
        Instant from = params.instant("from").orElse(null);
        Instant to = params.instant("to").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before to (" + from + " is not before " + to + ")");
        }
        query = query.withRange(from, to).withLimit(params.limit(MAX_LIMIT).orElse(DEFAULT_LIMIT));
        Optional<IndicatorCursor> cursor = params.get("cursor").map(IndicatorRequestParser::cursor);
        return cursor.map(query::after).orElse(query);
    }

    /** A validated {@code area=} parameter: empty when absent, the area code when known, else 404. */
    public Optional<String> area(Optional<String> code) {
        return code.map(c -> devices.get()
                .area(c)
                .map(Area::code)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_AREA, "no area '" + c + "'")));
    }

    private String indicator(String id) {
        return indicators
                .byId(id)
                .map(d -> d.id())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_INDICATOR, "no indicator '" + id + "'"));
    }

    private static String domain(String id) {
        try {
            return Domain.of(id).id();
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(Domain.values()).map(Domain::id).collect(Collectors.joining(", "));
            throw ApiException.badParameter("domain", "unknown domain '" + id + "' (expected one of " + known + ")");
        }
    }

    private static Scope scope(String text) {
        try {
            return Scope.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("scope", "must be device, area, agency or city, got '" + text + "'");
        }
    }

    private static Granularity granularity(String text) {
        try {
            return Granularity.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(
                    "granularity", "must be instant, hour, day, month, quarter or year, got '" + text + "'");
        }
    }

    private static String entity(String text) {
        if (text.length() > MAX_ENTITY_LENGTH) {
            throw ApiException.badParameter("entity", "must be at most " + MAX_ENTITY_LENGTH + " characters");
        }
        return text;
    }

    private static IndicatorCursor cursor(String text) {
        try {
            return IndicatorCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this API returned");
        }
    }
}
