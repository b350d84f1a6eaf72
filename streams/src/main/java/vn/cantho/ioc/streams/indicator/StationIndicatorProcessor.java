package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.streams.aqi.NowCast;

/**
 * Receives every change of a station's hourly statistics, records it in the station's recent hours
 * ({@link IndicatorTopology#STATION_HOURS_STORE}) and emits a new version of every indicator the change
 * affects, keyed by {@link Indicator#key()}:
 *
 * <ul>
 *   <li>hourly VN_AQI of the changed hour and of the later hours whose NowCast reaches back to it, and of the
 *       hour right after the station's previous newest hour when the station skipped hours (the decision
 *       computes a NowCast for an hour without data when 2 of its 3 latest hours have data);</li>
 *   <li>daily VN_AQI of the Vietnam-time day of the changed hour, and of the day whose O3 8-hour means reach
 *       back to it;</li>
 *   <li>flood alert level of the changed hour and the rise rate of it and of the hours that compare with it.</li>
 * </ul>
 *
 * <p>When a station reports from a new hour, the indicators of its previous newest hour (and day, when the day
 * changed) are published once more: their period has now ended in the station's time, so the new version is
 * no longer marked provisional.
 */
final class StationIndicatorProcessor implements Processor<String, HourChange, String, Indicator> {

    private static final Duration HOUR = Duration.ofHours(1);
    /** The O3 8-hour mean ending at an hour reaches back 7 hours, so a change can affect the next day. */
    private static final Duration EIGHT_HOUR_REACH = Duration.ofHours(7);

    private final Supplier<DeviceRegistry> registry;
    private final AirQualityIndicators air;
    private final WaterLevelIndicators water;
    private KeyValueStore<String, StationHours> stations;
    private ProcessorContext<String, Indicator> context;

    StationIndicatorProcessor(Supplier<DeviceRegistry> registry, AirQualityIndicators air, WaterLevelIndicators water) {
        this.registry = registry;
        this.air = air;
        this.water = water;
    }

    @Override
    public void init(ProcessorContext<String, Indicator> context) {
        this.context = context;
        this.stations = context.getStateStore(IndicatorTopology.STATION_HOURS_STORE);
    }

    @Override
    public void process(Record<String, HourChange> record) {
        String deviceId = record.key();
        Optional<Device> registered = registry.get().device(deviceId);
        if (registered.isEmpty()) {
            // Removed from the registry since its reading was let through: nothing to compute it for.
            return;
        }
        Device device = registered.get();
        Instant hour = record.value().hour();
        StationHours before = Optional.ofNullable(stations.get(deviceId)).orElseGet(StationHours::empty);
        StationHours station = before.with(hour, record.value().stats());
        stations.put(deviceId, station);

        List<Indicator> out = new ArrayList<>();
        Optional<Instant> previousNewest = before.newestHour().filter(hour::isAfter);
        if (!AirQualityIndicators.pollutants(device).isEmpty()) {
            airIndicators(device, station, previousNewest, hour, out);
        }
        if (WaterLevelIndicators.isGauge(device)) {
            waterIndicators(device, station, previousNewest, hour, out);
        }
        for (Indicator indicator : out) {
            context.forward(new Record<>(indicator.key(), indicator, record.timestamp()));
        }
    }

    /**
     * @param previousNewest the station's newest hour before this change, when the changed hour is newer: it has
     *                       now ended, and the hour after it may get a NowCast without data of its own. The hours
     *                       after that one cannot (they lack two of their three latest hours).
     */
    private void airIndicators(
            Device device, StationHours station, Optional<Instant> previousNewest, Instant hour, List<Indicator> out) {
        TreeSet<Instant> hours = laterHours(station, hour, NowCast.HOURS - 1);
        previousNewest.ifPresent(previous -> {
            hours.add(previous);
            hours.add(min(previous.plus(HOUR), hour));
        });
        for (Instant h : hours) {
            air.hourly(device, station, h).ifPresent(out::add);
        }
        TreeSet<LocalDate> days = new TreeSet<>(
                List.of(AirQualityIndicators.dayOf(hour), AirQualityIndicators.dayOf(hour.plus(EIGHT_HOUR_REACH))));
        previousNewest.ifPresent(previous -> days.add(AirQualityIndicators.dayOf(previous)));
        for (LocalDate day : days) {
            air.daily(device, station, day).ifPresent(out::add);
        }
    }

    private void waterIndicators(
            Device device, StationHours station, Optional<Instant> previousNewest, Instant hour, List<Indicator> out) {
        TreeSet<Instant> hours = laterHours(station, hour, WaterLevelIndicators.RISE_RATE_LOOKBACK_HOURS);
        previousNewest.ifPresent(hours::add);
        for (Instant h : hours) {
            water.alertLevel(device, station, h).ifPresent(out::add);
            water.riseRate(device, station, h).ifPresent(out::add);
        }
    }

    /** {@code hour} and the hours after it, up to {@code reach} hours later and no later than the station's newest. */
    private static TreeSet<Instant> laterHours(StationHours station, Instant hour, int reach) {
        Instant last = min(station.newestHour().orElseThrow(), hour.plus(HOUR.multipliedBy(reach)));
        TreeSet<Instant> hours = new TreeSet<>();
        for (Instant h = hour; !h.isAfter(last); h = h.plus(HOUR)) {
            hours.add(h);
        }
        return hours;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
