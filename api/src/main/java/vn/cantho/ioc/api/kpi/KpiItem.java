package vn.cantho.ioc.api.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import vn.cantho.ioc.store.kpi.KpiValue;
import vn.cantho.ioc.store.kpi.PeriodValue;

/**
 * One KPI value as the API shows it: the series (KPI, entity, labels), the period, the value, and the
 * registry's target and direction with the verdict.
 *
 * @param meetsTarget null when the KPI has no target
 * @param previous    the series' previous stored period (latest values only; else null)
 * @param lastYear    the same period a year earlier, when stored (latest values only; else null)
 * @param planStatus  RED, ORANGE, GREEN or GREY by {@link PlanStatus} (latest values only; else null)
 * @param changeFromPrevious value minus the previous period's (latest values only, when there is one; else null)
 * @param changeFromLastYear value minus the same period's a year earlier (latest values only, when stored)
 */
public record KpiItem(
        String indicator,
        String label,
        String unit,
        String domain,
        String scope,
        String entityId,
        String areaCode,
        SortedMap<String, String> labels,
        String granularity,
        Instant periodStart,
        Instant periodEnd,
        double value,
        Double target,
        String polarity,
        Boolean meetsTarget,
        PeriodValue previous,
        PeriodValue lastYear,
        Map<String, String> attributes,
        Instant computedAt,
        PlanStatus planStatus,
        Double changeFromPrevious,
        Double changeFromLastYear) {

    /** A stored value of a KPI's history. */
    static KpiItem of(KpiValue v) {
        return item(v, null);
    }

    /** A series' latest value, judged against its target as of {@code now}, with its trend. */
    static KpiItem latest(KpiValue v, Instant now) {
        return item(v, PlanStatus.of(v.definition(), v.value(), v.periodEnd(), now));
    }

    private static KpiItem item(KpiValue v, PlanStatus status) {
        return new KpiItem(
                v.definition().id(),
                v.definition().label(),
                v.definition().unit(),
                v.definition().domain().id(),
                v.scope().id(),
                v.entityId(),
                v.areaCode(),
                v.labels(),
                v.granularity().id(),
                v.periodStart(),
                v.periodEnd(),
                v.value(),
                v.definition().target(),
                v.definition().polarity() == null
                        ? null
                        : v.definition().polarity().name(),
                v.meetsTarget(),
                v.previous(),
                v.lastYear(),
                v.attributes(),
                v.computedAt(),
                status,
                status == null || v.previous() == null
                        ? null
                        : v.value() - v.previous().value(),
                status == null || v.lastYear() == null
                        ? null
                        : v.value() - v.lastYear().value());
    }
}
