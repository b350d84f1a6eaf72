package vn.cantho.ioc.api.indicator;

import java.time.Instant;
import java.util.Map;

/**
 * The latest hourly VN_AQI of one air station.
 *
 * @param category          Vietnamese category name (Tốt, Trung bình, Kém, Xấu, Rất xấu, Nguy hại)
 * @param categoryId        stable category id ({@code good} … {@code hazardous})
 * @param colour            the category's official colour, {@code #RRGGBB}
 * @param dominantPollutant metric id of the pollutant with the highest sub-index
 * @param subIndices        sub-index per pollutant metric id
 * @param provisional       the hour had not ended when this value was computed; it may still rise or fall
 * @param stale             the hour ended more than {@link CurrentConditions#STALE_AFTER} ago: the station is
 *                          not reporting
 */
public record AqiStation(
        String device,
        String name,
        String area,
        Instant periodStart,
        Instant periodEnd,
        int aqi,
        String category,
        String categoryId,
        String colour,
        String dominantPollutant,
        Map<String, Integer> subIndices,
        boolean provisional,
        boolean stale,
        Instant computedAt) {}
