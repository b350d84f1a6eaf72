package vn.cantho.ioc.api.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.api.FakePages;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.store.indicator.IndicatorCursor;
import vn.cantho.ioc.store.indicator.IndicatorPage;
import vn.cantho.ioc.store.indicator.IndicatorQuery;

/**
 * Indicator values in memory, answered as the store answers them: filtered by the query, ordered by period start,
 * indicator, scope and entity, paged with the store's cursor; {@link #latest} is each entity's newest value.
 */
final class FakeIndicators implements IndicatorBackend {

    private final List<Indicator> rows = new ArrayList<>();

    /** Stores an hourly value of {@code indicator} for device {@code device} in {@code area}. */
    FakeIndicators hourly(
            String indicator, String device, String area, Instant hour, double value, Map<String, String> attributes) {
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                indicator,
                Scope.DEVICE,
                device,
                "environment",
                area,
                Granularity.HOUR,
                hour,
                hour.plus(Duration.ofHours(1)),
                value,
                new TreeMap<>(),
                attributes,
                hour));
        return this;
    }

    @Override
    public IndicatorPage find(IndicatorQuery query) {
        List<Indicator> matching = rows.stream()
                .filter(r -> query.indicator() == null || r.indicator().equals(query.indicator()))
                .filter(r -> query.scope() == null || r.scope() == query.scope())
                .filter(r -> query.entityId() == null || r.entityId().equals(query.entityId()))
                .filter(r -> query.areaCode() == null || query.areaCode().equals(r.areaCode()))
                .filter(r -> query.granularity() == null || r.granularity() == query.granularity())
                .filter(r -> query.from() == null || !r.periodStart().isBefore(query.from()))
                .filter(r -> query.to() == null || r.periodStart().isBefore(query.to()))
                .sorted(Comparator.comparing(Indicator::periodStart)
                        .thenComparing(Indicator::indicator)
                        .thenComparing(Indicator::scope)
                        .thenComparing(Indicator::entityId))
                .toList();
        FakePages.Page<Indicator> page = FakePages.page(
                matching,
                r -> new IndicatorCursor(
                        r.periodStart(),
                        r.indicator(),
                        r.scope(),
                        r.entityId(),
                        r.labels().toString(),
                        r.granularity()),
                IndicatorCursor::encode,
                query.after(),
                query.limit());
        return new IndicatorPage(page.items(), page.nextCursor());
    }

    @Override
    public List<Indicator> latest(String indicator, String areaCode) {
        Map<String, Indicator> newest = new TreeMap<>();
        rows.stream()
                .filter(r -> r.indicator().equals(indicator))
                .filter(r -> areaCode == null || areaCode.equals(r.areaCode()))
                .forEach(r ->
                        newest.merge(r.entityId(), r, (a, b) -> a.periodStart().isAfter(b.periodStart()) ? a : b));
        return List.copyOf(newest.values());
    }
}
