package vn.cantho.ioc.streams.aqi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Hourly and daily VN_AQI of one station from its hourly means, per Decision 1459/QĐ-TCMT section 2.2.
 *
 * <p>Hourly (2.2.1): PM2.5 and PM10 from their {@link NowCast}; O3 (with the "O3 1h" table), CO, NO2 and SO2
 * from the current hour's mean. Daily (2.2.2): PM2.5 and PM10 from the 24-hour mean; CO, NO2 and SO2 from the
 * highest 1-hour mean; O3 from the higher of the sub-indices of the highest 1-hour mean ("O3 1h" table) and
 * of the highest 8-hour mean ("O3 8h" table), the latter left out above 400 µg/m³. See {@link DailyStatistics}
 * for the day's layout and data coverage.
 *
 * <p>Either way, the AQI is the highest rounded sub-index, and there is none unless PM2.5 or PM10 has one:
 * the decision makes at least one of them mandatory (2.1.b). Pollutants without enough data are left out.
 */
public final class VnAqiCalculator {

    private VnAqiCalculator() {}

    /**
     * Hourly AQI for the hour ending at index 0 of every series.
     *
     * @param lastHours per pollutant its hourly means, newest first; PM needs the last {@value NowCast#HOURS}
     *                  hours, the gases only the current one. Missing pollutants are simply not measured.
     */
    public static Optional<AqiResult> hourly(Map<Pollutant, HourlySeries> lastHours) {
        Map<Pollutant, Integer> subIndices = new EnumMap<>(Pollutant.class);
        lastHours.forEach((pollutant, series) -> {
            OptionalDouble concentration = pollutant.isParticulate() ? NowCast.of(series) : series.at(0);
            concentration.ifPresent(c ->
                    put(subIndices, pollutant, Breakpoints.oneHour(pollutant).aqi(c)));
        });
        return combine(subIndices);
    }

    /**
     * Daily AQI.
     *
     * @param day per pollutant the day's hourly means laid out as described in {@link DailyStatistics}
     */
    public static Optional<AqiResult> daily(Map<Pollutant, HourlySeries> day) {
        Map<Pollutant, Integer> subIndices = new EnumMap<>(Pollutant.class);
        day.forEach((pollutant, series) -> put(subIndices, pollutant, dailySubIndex(pollutant, series)));
        return combine(subIndices);
    }

    private static OptionalInt dailySubIndex(Pollutant pollutant, HourlySeries day) {
        if (pollutant.isParticulate()) {
            return aqi(Breakpoints.oneHour(pollutant), DailyStatistics.mean24h(day));
        }
        OptionalInt fromMax1h = aqi(Breakpoints.oneHour(pollutant), DailyStatistics.max1h(day));
        if (pollutant != Pollutant.O3) {
            return fromMax1h;
        }
        // O3_8H has no value above 400 µg/m³, which is exactly the decision's "use the 1-hour maximum only".
        OptionalInt fromMax8h = aqi(Breakpoints.O3_8H, DailyStatistics.max8h(day));
        if (fromMax1h.isEmpty()) {
            return fromMax8h;
        }
        return fromMax8h.isEmpty() ? fromMax1h : OptionalInt.of(Math.max(fromMax1h.getAsInt(), fromMax8h.getAsInt()));
    }

    private static OptionalInt aqi(Breakpoints table, OptionalDouble concentration) {
        return concentration.isPresent() ? table.aqi(concentration.getAsDouble()) : OptionalInt.empty();
    }

    private static void put(Map<Pollutant, Integer> subIndices, Pollutant pollutant, OptionalInt subIndex) {
        subIndex.ifPresent(index -> subIndices.put(pollutant, index));
    }

    private static Optional<AqiResult> combine(Map<Pollutant, Integer> subIndices) {
        boolean hasParticulate = subIndices.containsKey(Pollutant.PM25) || subIndices.containsKey(Pollutant.PM10);
        return hasParticulate ? Optional.of(AqiResult.of(subIndices)) : Optional.empty();
    }
}
