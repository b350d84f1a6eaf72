package vn.cantho.ioc.model.registry;

import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;

/**
 * The definition of one derived indicator or KPI, as written in {@code registry/indicators.json}.
 *
 * @param id          stable id, the {@code indicator} of every {@link vn.cantho.ioc.model.Indicator}
 * @param label       Vietnamese name shown on dashboards
 * @param unit        unit of the value ({@code %}, {@code index}, {@code m}, {@code cm/h}, {@code reports}, ...)
 * @param domain      IOC domain
 * @param scope       what each value is about
 * @param granularity the period each value covers
 * @param aggregation how a period's value is formed
 * @param polarity    which way is better; null when neither is (a river level, a count of visitors)
 * @param target      the value the city aims for (this year's target), in {@code unit}; null when none
 * @param source      where it comes from: a metric id, a feed id, or a method (e.g. {@code Decision 1459/QĐ-TCMT})
 * @param description one sentence for people: how it is computed
 */
public record IndicatorDefinition(
        String id,
        String label,
        String unit,
        Domain domain,
        Scope scope,
        Granularity granularity,
        Aggregation aggregation,
        Polarity polarity,
        Double target,
        String source,
        String description) {

    /** Whether {@code value} meets the target; true when there is no target or no polarity. */
    public boolean meetsTarget(double value) {
        if (target == null || polarity == null) {
            return true;
        }
        return polarity == Polarity.HIGHER_IS_BETTER ? value >= target : value <= target;
    }
}
