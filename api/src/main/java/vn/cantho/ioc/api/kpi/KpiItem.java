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
 */
public record KpiItem(String indicator, String label, String unit, String domain, String scope, String entityId,
                      String areaCode, SortedMap<String, String> labels, String granularity, Instant periodStart,
                      Instant periodEnd, double value, Double target, String polarity, Boolean meetsTarget,
                      PeriodValue previous, PeriodValue lastYear, Map<String, String> attributes,
                      Instant computedAt) {

    static KpiItem of(KpiValue v) {
        return new KpiItem(v.definition().id(), v.definition().label(), v.definition().unit(),
                v.definition().domain().id(), v.scope().id(), v.entityId(), v.areaCode(), v.labels(),
                v.granularity().id(), v.periodStart(), v.periodEnd(), v.value(), v.definition().target(),
                v.definition().polarity() == null ? null : v.definition().polarity().name(), v.meetsTarget(),
                v.previous(), v.lastYear(), v.attributes(), v.computedAt());
    }
}
