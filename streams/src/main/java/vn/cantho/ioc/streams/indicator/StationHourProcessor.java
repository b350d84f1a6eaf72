package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.streams.runtime.EmitInterval;

/**
 * Each station's hourly statistics, one store entry per station and hour, with lateness judged per station: an hour
 * closes when the station's own progress (its latest event time, {@link IndicatorTopology#STATION_PROGRESS_STORE})
 * passes the hour's end plus the grace, so a station uploading hours of buffered readings in order gets every hour,
 * and so every VN_AQI and flood indicator, as if they had arrived live, whatever the other stations on its partition
 * do. A reading of an hour already closed for its station is dropped (the 1-minute aggregation, with its own grace,
 * counts it or dead-letters it as {@code LATE}). Closed hours are forgotten (the station's recent hours live on in
 * {@link IndicatorTopology#STATION_HOURS_STORE}).
 *
 * <p>Changes are coalesced: a changed hour is marked pending ({@link IndicatorTopology#PENDING_HOURS_STORE}, so a
 * change committed just before a crash is still passed on after the restart) and passed on once per commit interval
 * (wall-clock punctuation), whatever the number of readings it took in, and at once when it closes. Pending hours go
 * out in key order, so each station's hours in time order: every indicator is last computed after all the hours it
 * reads have their final version, the same values as passing on every reading's change, which recomputed the
 * station's VN_AQI and flood indicators (and sent them on to the sink and the rules) on every reading.
 */
final class StationHourProcessor implements Processor<String, Reading, String, HourChange> {

    private static final Logger LOG = LoggerFactory.getLogger(StationHourProcessor.class);
    private static final long HOUR_MS = IndicatorTopology.HOUR.toMillis();
    /** Wide enough for every epoch-millisecond start up to the year 33658, so one station's hours sort by time. */
    private static final int START_DIGITS = 15;

    private final long graceMs;
    private ProcessorContext<String, HourChange> context;
    private KeyValueStore<String, HourStats> hours;
    private KeyValueStore<String, Long> progress;
    private KeyValueStore<String, Long> pendingStore;
    /** Hours changed since they were last passed on (key → hour start), mirrored in {@link #pendingStore}. */
    private final TreeMap<String, Long> pending = new TreeMap<>();

    StationHourProcessor(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, HourChange> context) {
        this.context = context;
        this.hours = context.getStateStore(IndicatorTopology.HOURLY_STORE);
        this.progress = context.getStateStore(IndicatorTopology.STATION_PROGRESS_STORE);
        this.pendingStore = context.getStateStore(IndicatorTopology.PENDING_HOURS_STORE);
        pending.clear();
        try (KeyValueIterator<String, Long> all = pendingStore.all()) {
            all.forEachRemaining(entry -> pending.put(entry.key, entry.value));
        }
        context.schedule(EmitInterval.of(context.appConfigs()), PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
    }

    @Override
    public void process(Record<String, Reading> record) {
        Reading reading = record.value();
        String station = reading.deviceId();
        long ts = reading.ts().toEpochMilli();
        long hour = hourStart(ts);
        Long before = progress.get(station);
        if (hour <= lastClosedHour(before)) {
            LOG.debug(
                    "reading of {} at {} is more than {} behind the station's latest ({}): its hour has closed",
                    station,
                    reading.ts(),
                    Duration.ofMillis(graceMs),
                    Instant.ofEpochMilli(before));
            return;
        }
        String key = key(station, hour);
        HourStats current = hours.get(key);
        HourStats next = IndicatorTopology.addInputs(current == null ? HourStats.empty() : current, reading);
        if (next.metrics().isEmpty()) {
            return;
        }
        hours.put(key, next);
        if (pending.put(key, hour) == null) {
            pendingStore.put(key, hour);
        }
        if (before == null || ts > before) {
            progress.put(station, ts);
            forgetClosed(station, before, ts);
        }
    }

    private void emitPending() {
        for (Map.Entry<String, Long> entry : pending.entrySet()) {
            HourStats stats = hours.get(entry.getKey());
            if (stats != null) {
                forward(entry.getKey(), entry.getValue(), stats);
            }
            pendingStore.delete(entry.getKey());
        }
        pending.clear();
    }

    private void forward(String key, long hour, HourStats stats) {
        String station = key.substring(0, key.lastIndexOf('|'));
        context.forward(new Record<>(
                station,
                new HourChange(Instant.ofEpochMilli(hour), stats),
                stats.latestTs().toEpochMilli()));
    }

    /**
     * Deletes the station's hours the advance has closed, passing a pending one on first; scanned only when an hour
     * boundary was crossed.
     */
    private void forgetClosed(String station, Long before, long now) {
        long closedBefore = lastClosedHour(before);
        long closeUpTo = lastClosedHour(now);
        long from = closedBefore == Long.MIN_VALUE ? 0 : closedBefore + 1;
        if (closeUpTo < from) {
            return;
        }
        List<KeyValue<String, HourStats>> closed = new ArrayList<>();
        try (KeyValueIterator<String, HourStats> range = hours.range(key(station, from), key(station, closeUpTo))) {
            range.forEachRemaining(closed::add);
        }
        for (KeyValue<String, HourStats> entry : closed) {
            Long hour = pending.remove(entry.key);
            if (hour != null) {
                forward(entry.key, hour, entry.value);
                pendingStore.delete(entry.key);
            }
            hours.delete(entry.key);
        }
    }

    /** The start of the latest hour whose end plus the grace is at or before {@code progress}. */
    private long lastClosedHour(Long progressMs) {
        return progressMs == null ? Long.MIN_VALUE : hourStart(progressMs - graceMs - HOUR_MS);
    }

    private static long hourStart(long ts) {
        return ts - Math.floorMod(ts, HOUR_MS);
    }

    /** {@code station|start}, the start zero-padded so a station's hours are one key range in time order. */
    private static String key(String station, long hourStart) {
        String digits = Long.toString(Math.max(0, hourStart));
        return station + '|' + "0".repeat(Math.max(0, START_DIGITS - digits.length())) + digits;
    }
}
