package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.Reading;

/**
 * Each station's hourly statistics, one store entry per station and hour, with lateness judged per station: an hour
 * closes when the station's own progress (its latest event time, {@link IndicatorTopology#STATION_PROGRESS_STORE})
 * passes the hour's end plus the grace, so a station uploading hours of buffered readings in order gets every hour,
 * and so every VN_AQI and flood indicator, as if they had arrived live, whatever the other stations on its partition
 * do. A reading of an hour already closed for its station is dropped (the 1-minute aggregation, with its own grace,
 * counts it or dead-letters it as {@code LATE}). Every change is passed on at once, as
 * {@link StationIndicatorProcessor} expects; closed hours are forgotten (the station's recent hours live on in
 * {@link IndicatorTopology#STATION_HOURS_STORE}).
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

    StationHourProcessor(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, HourChange> context) {
        this.context = context;
        this.hours = context.getStateStore(IndicatorTopology.HOURLY_STORE);
        this.progress = context.getStateStore(IndicatorTopology.STATION_PROGRESS_STORE);
    }

    @Override
    public void process(Record<String, Reading> record) {
        Reading reading = record.value();
        String station = reading.deviceId();
        long ts = reading.ts().toEpochMilli();
        long hour = hourStart(ts);
        Long before = progress.get(station);
        if (hour <= lastClosedHour(before)) {
            LOG.debug("reading of {} at {} is more than {} behind the station's latest ({}): its hour has closed",
                    station, reading.ts(), Duration.ofMillis(graceMs), Instant.ofEpochMilli(before));
            return;
        }
        String key = key(station, hour);
        HourStats current = hours.get(key);
        HourStats next = IndicatorTopology.addInputs(current == null ? HourStats.empty() : current, reading);
        if (next.metrics().isEmpty()) {
            return;
        }
        hours.put(key, next);
        if (before == null || ts > before) {
            progress.put(station, ts);
            forgetClosed(station, before, ts);
        }
        context.forward(new Record<>(station, new HourChange(Instant.ofEpochMilli(hour), next), record.timestamp()));
    }

    /** Deletes the station's hours the advance has closed; scanned only when an hour boundary was crossed. */
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
        closed.forEach(entry -> hours.delete(entry.key));
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
