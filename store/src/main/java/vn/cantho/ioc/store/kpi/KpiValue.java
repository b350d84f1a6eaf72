package vn.cantho.ioc.store.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.IndicatorDefinition;

/**
 * One stored KPI value with its registry definition applied.
 *
 * @param meetsTarget whether the value meets the definition's target in its direction; null when the KPI
 *                    has no target
 * @param previous    the value of the series' previous stored period, when asked for and stored
 * @param lastYear    the value of the same period one year earlier, when asked for and stored
 */
public record KpiValue(
        IndicatorDefinition definition,
        Scope scope,
        String entityId,
        String areaCode,
        SortedMap<String, String> labels,
        Granularity granularity,
        Instant periodStart,
        Instant periodEnd,
        double value,
        Boolean meetsTarget,
        Map<String, String> attributes,
        Instant computedAt,
        PeriodValue previous,
        PeriodValue lastYear) {

    /** The target verdict of {@code value} under {@code definition}: null without a target. */
    static Boolean verdict(IndicatorDefinition definition, double value) {
        if (definition.target() == null || definition.polarity() == null) {
            return null;
        }
        return definition.meetsTarget(value);
    }
}
