package vn.cantho.ioc.model.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The registry of measured metrics: stable id, unit, domain and the physically possible range
 * (values outside it are sensor faults and go to the dead-letter topic).
 */
public enum Metric {
    PM25("pm25", "PM2.5", "µg/m³", Domain.ENVIRONMENT, 0, 1000),
    PM10("pm10", "PM10", "µg/m³", Domain.ENVIRONMENT, 0, 2000);

    private final String id;
    private final String label;
    private final String unit;
    private final Domain domain;
    private final double min;
    private final double max;

    Metric(String id, String label, String unit, Domain domain, double min, double max) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.domain = domain;
        this.min = min;
        this.max = max;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Domain domain() {
        return domain;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Whether {@code value} is a finite number inside the metric's possible range. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    public static Optional<Metric> byId(String id) {
        for (Metric metric : values()) {
            if (metric.id.equals(id)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
