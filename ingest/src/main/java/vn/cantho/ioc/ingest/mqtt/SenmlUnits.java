package vn.cantho.ioc.ingest.mqtt;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.cantho.ioc.model.registry.Metric;

/**
 * Which unit symbols a SenML record may carry for each metric. The hub converts no units: a record's
 * unit must name the metric's own unit, either as its SenML symbol (RFC 8428 §12.1 and the secondary
 * units of RFC 8798, e.g. {@code ug/m3}, {@code km/h}) or as the hub's own spelling from the metric
 * registry (e.g. {@code µg/m³}, {@code NTU}); records without a unit are taken to use the metric's unit.
 */
final class SenmlUnits {

    private SenmlUnits() {}

    /** The unit symbols accepted for {@code metric}: its SenML symbols and the registry's own spelling. */
    static Set<String> accepted(Metric metric) {
        Set<String> units = new TreeSet<>(senmlSymbols(metric));
        units.add(metric.unit());
        return Collections.unmodifiableSet(units);
    }

    private static List<String> senmlSymbols(Metric metric) {
        return switch (metric) {
            case PM25, PM10, O3, CO, NO2, SO2 -> List.of("ug/m3");
            case WATER_LEVEL -> List.of("m");
            case PH -> List.of("pH");
            // No SenML symbol is registered for mg/L or NTU; the hub's spelling is the contract.
            case DISSOLVED_OXYGEN -> List.of("mg/l");
            case MEAN_SPEED -> List.of("km/h");
            // "count" is SenML's counter unit; "1" a plain dimensionless number.
            case VEHICLE_COUNT, VISITOR_COUNT -> List.of("count", "1");
            default -> List.of();
        };
    }

    static boolean accepts(Metric metric, String unit) {
        return unit == null || accepted(metric).contains(unit);
    }
}
