package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.streams.aqi.AqiResult;
import vn.cantho.ioc.streams.aqi.DailyStatistics;
import vn.cantho.ioc.streams.aqi.HourlySeries;
import vn.cantho.ioc.streams.aqi.NowCast;
import vn.cantho.ioc.streams.aqi.Pollutant;
import vn.cantho.ioc.streams.aqi.VnAqiCalculator;

/**
 * Hourly and daily VN_AQI of one air station from its recent hourly means ({@link StationHours}), as
 * {@link Indicator} records: the value is the AQI; the attributes carry the category (Vietnamese name and id),
 * its colour, the dominant pollutant and every sub-index, as Decision 1459/QĐ-TCMT asks publications to show.
 * The index itself is {@link VnAqiCalculator}'s; this class only lays out the hours.
 */
final class AirQualityIndicators {

    /** Vietnam time: days of the daily AQI run from 00:00 to 24:00 at UTC+7 (no daylight saving). */
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    static final String CATEGORY = "category";
    static final String CATEGORY_ID = "category_id";
    static final String COLOUR = "colour";
    static final String DOMINANT = "dominant_pollutant";
    static final String SUB_INDEX_PREFIX = "sub_index.";

    private static final Duration HOUR = Duration.ofHours(1);
    /** Hours of an O3 day series: the day's 24 and the 7 before it, for the 8-hour means ending early in the day. */
    private static final int O3_DAY_HOURS = DailyStatistics.HOURS_PER_DAY + DailyStatistics.EIGHT_HOURS - 1;

    private final IndicatorFactory hourly;
    private final IndicatorFactory daily;

    AirQualityIndicators(IndicatorFactory hourly, IndicatorFactory daily) {
        this.hourly = hourly;
        this.daily = daily;
    }

    /** The pollutants among a device's metrics; empty for a device that is not an air station. */
    static List<Pollutant> pollutants(Device device) {
        return device.metrics().stream()
                .map(Pollutant::fromMetricId)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The hourly AQI of the hour starting at {@code hour}, or empty when PM2.5 and PM10 both lack data. */
    Optional<Indicator> hourly(Device device, StationHours station, Instant hour) {
        Map<Pollutant, HourlySeries> series = new EnumMap<>(Pollutant.class);
        for (Pollutant pollutant : pollutants(device)) {
            int hours = pollutant.isParticulate() ? NowCast.HOURS : 1;
            series.put(
                    pollutant, HourlySeries.newestFirst(station.meansNewestFirst(hour, pollutant.metricId(), hours)));
        }
        return VnAqiCalculator.hourly(series)
                .map(result ->
                        hourly.of(device, hour, hour.plus(HOUR), result.aqi(), attributes(result), station.latestTs()));
    }

    /** The daily AQI of the Vietnam-time {@code day}, or empty without enough hours (see {@link DailyStatistics}). */
    Optional<Indicator> daily(Device device, StationHours station, LocalDate day) {
        Instant start = day.atStartOfDay(VIETNAM).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        Instant lastHour = end.minus(HOUR);
        Map<Pollutant, HourlySeries> series = new EnumMap<>(Pollutant.class);
        for (Pollutant pollutant : pollutants(device)) {
            int hours = pollutant == Pollutant.O3 ? O3_DAY_HOURS : DailyStatistics.HOURS_PER_DAY;
            series.put(
                    pollutant,
                    HourlySeries.newestFirst(station.meansNewestFirst(lastHour, pollutant.metricId(), hours)));
        }
        return VnAqiCalculator.daily(series)
                .map(result -> daily.of(device, start, end, result.aqi(), attributes(result), station.latestTs()));
    }

    /** The Vietnam-time day an hour belongs to. */
    static LocalDate dayOf(Instant hour) {
        return LocalDate.ofInstant(hour, VIETNAM);
    }

    private static Map<String, String> attributes(AqiResult result) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CATEGORY, result.category().nameVi());
        attributes.put(CATEGORY_ID, result.category().id());
        attributes.put(COLOUR, result.category().hexColour());
        attributes.put(DOMINANT, result.dominant().metricId());
        result.subIndices()
                .forEach((pollutant, index) ->
                        attributes.put(SUB_INDEX_PREFIX + pollutant.metricId(), Integer.toString(index)));
        return attributes;
    }
}
