package vn.cantho.ioc.api.kpi;

import java.time.Duration;
import java.time.Instant;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.Polarity;

/**
 * A KPI value's plan status, by the rule the Grafana KPI tiles use (docs/dashboards.md, docs/kpis.md#plan-status):
 * {@code GREEN} on track (the target is met in the KPI's direction), {@code ORANGE} progressing (within 10 % of
 * the target: at least 90 % of it when higher is better, at most 110 % when lower is better; a target of 0 has
 * no orange), {@code RED} at risk, {@code GREY} not yet judgeable: the KPI has no target or no direction, or
 * its latest value is not of the current period (it ended more than one period before now).
 */
public enum PlanStatus {
    RED,
    ORANGE,
    GREEN,
    GREY;

    static final double PROGRESSING_BAND = 0.10;

    public static PlanStatus of(IndicatorDefinition definition, double value, Instant periodEnd, Instant now) {
        Double target = definition.target();
        if (target == null
                || definition.polarity() == null
                || periodEnd.plus(period(definition.granularity())).isBefore(now)) {
            return GREY;
        }
        if (definition.meetsTarget(value)) {
            return GREEN;
        }
        boolean higherIsBetter = definition.polarity() == Polarity.HIGHER_IS_BETTER;
        if (target != 0
                && (higherIsBetter
                        ? value >= target * (1 - PROGRESSING_BAND)
                        : value <= target * (1 + PROGRESSING_BAND))) {
            return ORANGE;
        }
        return RED;
    }

    /** How long a value stays current after its period ends: one period (a snapshot value: one day). */
    static Duration period(Granularity granularity) {
        return switch (granularity) {
            case INSTANT, DAY -> Duration.ofDays(1);
            case HOUR -> Duration.ofHours(1);
            case MONTH -> Duration.ofDays(31);
            case QUARTER -> Duration.ofDays(92);
            case YEAR -> Duration.ofDays(366);
        };
    }
}
