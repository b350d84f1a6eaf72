package vn.cantho.ioc.api.indicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.Metric;

/**
 * Answers the "now" views of the environment indicators from the latest stored values: hourly VN_AQI per station
 * and per area, and the state of every water-level gauge. The attribute names read here are the contract of the
 * streams stage's indicator records (docs/vn-aqi.md, "Output").
 */
public final class CurrentConditions {

    /** A value whose period ended longer ago than this is marked stale: its source stopped reporting. */
    public static final Duration STALE_AFTER = Duration.ofHours(2);

    static final String VN_AQI_HOURLY = "vn_aqi_hourly";
    static final String WATER_LEVEL_ALERT_LEVEL = "water_level_alert_level";
    static final String WATER_LEVEL_RISE_RATE = "water_level_rise_rate";
    private static final String SUB_INDEX_PREFIX = "sub_index.";

    private final Supplier<DeviceRegistry> devices;
    private final IndicatorBackend queries;
    private final Clock clock;

    public CurrentConditions(
            Supplier<DeviceRegistry> devices, IndicatorRegistry indicators, IndicatorBackend queries, Clock clock) {
        // The ids this class reads must be defined; a registry without them is a deployment error.
        for (String id : List.of(VN_AQI_HOURLY, WATER_LEVEL_ALERT_LEVEL, WATER_LEVEL_RISE_RATE)) {
            indicators.require(id);
        }
        this.devices = devices;
        this.queries = queries;
        this.clock = clock;
    }

    /** The latest hourly AQI of every station (of one area when {@code areaCode} is given) and per area. */
    public AqiCurrentResponse aqi(Optional<String> areaCode) {
        Instant now = now();
        List<AqiStation> stations = new ArrayList<>();
        for (Indicator row : queries.latest(VN_AQI_HOURLY, areaCode.orElse(null))) {
            stations.add(station(row, now));
        }
        Map<String, List<AqiStation>> byArea =
                stations.stream().collect(Collectors.groupingBy(AqiStation::area, TreeMap::new, Collectors.toList()));
        List<AqiArea> areas = new ArrayList<>();
        byArea.forEach((area, members) -> areas.add(area(area, members)));
        return new AqiCurrentResponse(now, stations, areas);
    }

    /** Every registered water-level gauge (of one area when {@code areaCode} is given), with its latest state. */
    public WaterLevelsResponse waterLevels(Optional<String> areaCode) {
        Instant now = now();
        String area = areaCode.orElse(null);
        Map<String, Indicator> alertLevels = byEntity(queries.latest(WATER_LEVEL_ALERT_LEVEL, area));
        Map<String, Indicator> riseRates = byEntity(queries.latest(WATER_LEVEL_RISE_RATE, area));
        List<WaterLevel> items = devices.get().devices().stream()
                .filter(d -> d.metrics().contains(Metric.WATER_LEVEL.id()))
                .filter(d -> area == null || area.equals(d.areaCode()))
                .sorted(Comparator.comparing(Device::id))
                .map(d -> waterLevel(d, alertLevels.get(d.id()), riseRates.get(d.id()), now))
                .toList();
        return new WaterLevelsResponse(now, items);
    }

    private AqiStation station(Indicator row, Instant now) {
        Map<String, String> a = row.attributes();
        Map<String, Integer> subIndices = new LinkedHashMap<>();
        a.forEach((key, value) -> {
            if (key.startsWith(SUB_INDEX_PREFIX)) {
                subIndices.put(key.substring(SUB_INDEX_PREFIX.length()), Integer.valueOf(value));
            }
        });
        String name = devices.get().device(row.entityId()).map(Device::name).orElse(row.entityId());
        return new AqiStation(
                row.entityId(),
                name,
                row.areaCode(),
                row.periodStart(),
                row.periodEnd(),
                (int) Math.round(row.value()),
                a.get("category"),
                a.get("category_id"),
                a.get("colour"),
                a.get("dominant_pollutant"),
                new TreeMap<>(subIndices),
                Boolean.parseBoolean(a.get("provisional")),
                isStale(row.periodEnd(), now),
                row.computedAt());
    }

    private AqiArea area(String areaCode, List<AqiStation> stations) {
        List<AqiStation> live = stations.stream().filter(s -> !s.stale()).toList();
        List<AqiStation> candidates = live.isEmpty() ? stations : live;
        // Ties go to the first station by id, so the answer is stable.
        AqiStation worst = candidates.stream()
                .max(Comparator.comparingInt(AqiStation::aqi)
                        .thenComparing(AqiStation::device, Comparator.reverseOrder()))
                .orElseThrow();
        String name = devices.get().area(areaCode).map(Area::name).orElse(areaCode);
        return new AqiArea(
                areaCode,
                name,
                worst.aqi(),
                worst.category(),
                worst.categoryId(),
                worst.colour(),
                worst.dominantPollutant(),
                worst.device(),
                worst.periodStart(),
                live.isEmpty());
    }

    private static WaterLevel waterLevel(Device gauge, Indicator alert, Indicator rise, Instant now) {
        if (alert == null) {
            return new WaterLevel(
                    gauge.id(), gauge.name(), gauge.areaCode(), null, null, null, null, null, null, null, null, null);
        }
        Map<String, String> a = alert.attributes();
        // The rise rate counts only when it is of the same hour as the level shown.
        Double riseRate = rise != null && rise.periodStart().equals(alert.periodStart()) ? rise.value() : null;
        return new WaterLevel(
                gauge.id(),
                gauge.name(),
                gauge.areaCode(),
                alert.periodStart(),
                number(a.get("last_level_m")),
                Optional.ofNullable(a.get("last_level_at")).map(Instant::parse).orElse(null),
                number(a.get("max_level_m")),
                (int) Math.round(alert.value()),
                a.get("level_name"),
                a.get("thresholds_m"),
                riseRate,
                isStale(alert.periodEnd(), now));
    }

    private static Map<String, Indicator> byEntity(List<Indicator> rows) {
        return rows.stream().collect(Collectors.toMap(Indicator::entityId, Function.identity(), (x, y) -> x));
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    private static boolean isStale(Instant periodEnd, Instant now) {
        return periodEnd.plus(STALE_AFTER).isBefore(now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
