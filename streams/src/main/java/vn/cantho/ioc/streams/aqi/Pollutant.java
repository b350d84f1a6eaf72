package vn.cantho.ioc.streams.aqi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six parameters VN_AQI is computed from (Decision 1459/QĐ-TCMT, section 2.1.b), identified by the hub's
 * metric ids. Every concentration is in µg/m³, the unit of the decision's Table 2 — including CO, whose
 * breakpoints run to 150 000 µg/m³; readings in mg/m³ or ppm must be converted before they get here.
 *
 * <p>The declaration order is the tie-break for the dominant pollutant when two sub-indices are equal.
 */
public enum Pollutant {
    PM25("pm25", "PM2.5", true),
    PM10("pm10", "PM10", true),
    O3("o3", "O₃", false),
    CO("co", "CO", false),
    NO2("no2", "NO₂", false),
    SO2("so2", "SO₂", false);

    /** Unit of every concentration handled by this package. */
    public static final String UNIT = "µg/m³";

    private final String metricId;
    private final String label;
    private final boolean particulate;

    Pollutant(String metricId, String label, boolean particulate) {
        this.metricId = metricId;
        this.label = label;
        this.particulate = particulate;
    }

    public String metricId() {
        return metricId;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return UNIT;
    }

    /** PM2.5 and PM10: hourly AQI uses their NowCast, and at least one of them is required for any AQI. */
    public boolean isParticulate() {
        return particulate;
    }

    public static Optional<Pollutant> fromMetricId(String metricId) {
        return Arrays.stream(values()).filter(p -> p.metricId.equals(metricId)).findFirst();
    }
}
