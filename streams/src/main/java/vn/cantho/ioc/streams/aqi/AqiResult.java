package vn.cantho.ioc.streams.aqi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A station's VN_AQI for one hour or one day: the index (the highest sub-index), its category, the pollutant
 * that set it, and every sub-index that could be computed — the decision asks web and mobile publications to
 * show all parameters and point out the highest (Table 3).
 *
 * @param aqi        0–500
 * @param category   the band of {@code aqi}
 * @param dominant   the pollutant with the highest sub-index; ties go to the earlier {@link Pollutant}
 * @param subIndices rounded sub-index per pollutant that had enough data, in {@link Pollutant} order
 */
public record AqiResult(int aqi, AqiCategory category, Pollutant dominant, Map<Pollutant, Integer> subIndices) {

    public AqiResult {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(dominant, "dominant");
        subIndices = Collections.unmodifiableMap(new EnumMap<>(subIndices));
        if (category != AqiCategory.of(aqi)) {
            throw new IllegalArgumentException("AQI " + aqi + " is not in category " + category);
        }
        if (!Integer.valueOf(aqi).equals(subIndices.get(dominant))) {
            throw new IllegalArgumentException("AQI " + aqi + " is not the sub-index of " + dominant);
        }
    }

    /**
     * The result for a set of sub-indices: AQI = max over the pollutants (decision, 2.2.1.c and 2.2.2.c).
     * {@code subIndices} must not be empty.
     */
    static AqiResult of(Map<Pollutant, Integer> subIndices) {
        Pollutant dominant = null;
        for (Pollutant pollutant : Pollutant.values()) {
            Integer index = subIndices.get(pollutant);
            // Strictly greater, so an equal later pollutant does not take over.
            if (index != null && (dominant == null || index > subIndices.get(dominant))) {
                dominant = pollutant;
            }
        }
        if (dominant == null) {
            throw new IllegalArgumentException("no sub-index");
        }
        int aqi = subIndices.get(dominant);
        return new AqiResult(aqi, AqiCategory.of(aqi), dominant, subIndices);
    }
}
