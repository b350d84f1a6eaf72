package vn.cantho.ioc.api.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.api.FakePages;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.store.kpi.KpiCursor;
import vn.cantho.ioc.store.kpi.KpiHistoryPage;
import vn.cantho.ioc.store.kpi.KpiHistoryQuery;
import vn.cantho.ioc.store.kpi.KpiValue;

/**
 * KPI values in memory, answered as the store answers them: {@link #latest} is each series' newest value, and a
 * history is one KPI's values oldest first, filtered by entity, area and period, paged with the store's cursor.
 */
final class FakeKpis implements KpiBackend {

    private final List<KpiValue> values = new ArrayList<>();

    /** Stores the daily value of {@code kpi} for agency {@code agency} on the day starting at {@code day}. */
    FakeKpis daily(IndicatorDefinition kpi, String agency, Instant day, double value) {
        Boolean meets = kpi.target() == null ? null : value >= kpi.target();
        values.add(new KpiValue(
                kpi,
                Scope.AGENCY,
                agency,
                null,
                new TreeMap<>(),
                Granularity.DAY,
                day,
                day.plus(Duration.ofDays(1)),
                value,
                meets,
                Map.of(),
                day,
                null,
                null));
        return this;
    }

    @Override
    public List<KpiValue> latest(String domain, String entityId, String areaCode) {
        Map<String, KpiValue> newest = new TreeMap<>();
        values.stream()
                .filter(v -> domain == null || v.definition().domain().id().equals(domain))
                .filter(v -> entityId == null || v.entityId().equals(entityId))
                .filter(v -> areaCode == null || areaCode.equals(v.areaCode()))
                .forEach(v -> newest.merge(
                        v.definition().id() + "|" + v.entityId(),
                        v,
                        (a, b) -> a.periodStart().isAfter(b.periodStart()) ? a : b));
        return List.copyOf(newest.values());
    }

    @Override
    public KpiHistoryPage history(KpiHistoryQuery query) {
        List<KpiValue> matching = values.stream()
                .filter(v -> v.definition().id().equals(query.indicator()))
                .filter(v -> query.entityId() == null || v.entityId().equals(query.entityId()))
                .filter(v -> query.areaCode() == null || query.areaCode().equals(v.areaCode()))
                .filter(v -> query.from() == null || !v.periodStart().isBefore(query.from()))
                .filter(v -> query.to() == null || v.periodStart().isBefore(query.to()))
                .sorted(Comparator.comparing(KpiValue::periodStart).thenComparing(KpiValue::entityId))
                .toList();
        FakePages.Page<KpiValue> page = FakePages.page(
                matching,
                v -> new KpiCursor(
                        v.periodStart(),
                        v.scope().id(),
                        v.entityId(),
                        v.labels().toString()),
                KpiCursor::encode,
                query.after(),
                query.limit());
        return new KpiHistoryPage(page.items(), page.nextCursor());
    }
}
