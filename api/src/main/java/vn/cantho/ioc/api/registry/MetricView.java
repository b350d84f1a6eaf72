package vn.cantho.ioc.api.registry;

import vn.cantho.ioc.model.registry.Metric;

/**
 * A metric as the API shows it.
 *
 * @param range the physically possible values; readings outside it are rejected as sensor faults
 */
public record MetricView(String id, String label, String unit, String domain, Range range) {

    static MetricView of(Metric metric) {
        return new MetricView(
                metric.id(),
                metric.label(),
                metric.unit(),
                metric.domain().id(),
                new Range(metric.min(), metric.max()));
    }

    /** Inclusive bounds. */
    public record Range(double min, double max) {}
}
