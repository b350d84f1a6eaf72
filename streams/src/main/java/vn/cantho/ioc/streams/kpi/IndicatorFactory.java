package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.Map;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

/**
 * Makes {@link Indicator} values of registered KPIs for a cell, taking domain, scope and granularity
 * from the registry and refusing a cell that does not match its definition (a bug, caught by tests).
 */
final class IndicatorFactory {

    private final IndicatorRegistry registry;

    IndicatorFactory(IndicatorRegistry registry) {
        this.registry = registry;
    }

    /** Fails when a KPI the topology emits is missing from the registry. */
    void requireAll(Iterable<String> ids) {
        ids.forEach(registry::require);
    }

    Indicator make(String id, BucketState state, double value, Map<String, String> attributes) {
        IndicatorDefinition definition = registry.require(id);
        Bucket bucket = state.bucket();
        if (definition.scope() != bucket.scope() || definition.granularity() != bucket.granularity()) {
            throw new IllegalStateException("indicator " + id + " is defined for "
                    + definition.scope().id() + "/" + definition.granularity().id() + ", not "
                    + bucket.scope().id() + "/" + bucket.granularity().id());
        }
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("indicator " + id + " computed a non-finite value for " + bucket.key());
        }
        boolean instant = bucket.granularity() == Granularity.INSTANT;
        Instant start = instant ? state.computedAt() : bucket.periodStart();
        Instant end = instant ? state.computedAt() : bucket.periodEnd();
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                id,
                bucket.scope(),
                bucket.entityId(),
                definition.domain().id(),
                bucket.areaCode(),
                bucket.granularity(),
                start,
                end,
                value,
                bucket.labels(),
                attributes,
                state.computedAt());
    }

    /** {@code numerator / denominator × 100}, with both as attributes. */
    Indicator ratio(String id, BucketState state, double numerator, double denominator) {
        return make(
                id,
                state,
                numerator / denominator * 100,
                Map.of("numerator", format(numerator), "denominator", format(denominator)));
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
