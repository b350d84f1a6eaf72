package vn.cantho.ioc.model.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The registry of measured metrics: stable id, unit, domain and the physically possible range
 * (values outside it are sensor faults and go to the dead-letter topic).
 */
public enum Metric {
    PM25("pm25", "PM2.5", "µg/m³", Domain.ENVIRONMENT, 0, 1000),
    PM10("pm10", "PM10", "µg/m³", Domain.ENVIRONMENT, 0, 2000),
    O3("o3", "O₃", "µg/m³", Domain.ENVIRONMENT, 0, 2000),
    CO("co", "CO", "µg/m³", Domain.ENVIRONMENT, 0, 200_000),
    NO2("no2", "NO₂", "µg/m³", Domain.ENVIRONMENT, 0, 5000),
    SO2("so2", "SO₂", "µg/m³", Domain.ENVIRONMENT, 0, 5000),
    /** Water level against the national height datum (Hòn Dấu), as the Cần Thơ station reports it. */
    WATER_LEVEL("water_level", "Mực nước", "m", Domain.ENVIRONMENT, -3, 6),
    PH("ph", "pH", "pH", Domain.ENVIRONMENT, 0, 14),
    DISSOLVED_OXYGEN("dissolved_oxygen", "Oxy hòa tan (DO)", "mg/L", Domain.ENVIRONMENT, 0, 25),
    TURBIDITY("turbidity", "Độ đục", "NTU", Domain.ENVIRONMENT, 0, 4000),
    /** Vehicles counted since the counter's previous message (normally one minute). */
    VEHICLE_COUNT("vehicle_count", "Lưu lượng xe", "vehicles", Domain.SECURITY_TRAFFIC, 0, 20_000),
    MEAN_SPEED("mean_speed", "Tốc độ trung bình", "km/h", Domain.SECURITY_TRAFFIC, 0, 200),
    /** People counted entering a site since the counter's previous message. */
    VISITOR_COUNT("visitor_count", "Lượt khách", "people", Domain.TOURISM, 0, 100_000);

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
