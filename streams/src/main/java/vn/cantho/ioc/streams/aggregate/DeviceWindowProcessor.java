package vn.cantho.ioc.streams.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The per-device 1-minute windows. Telemetry is keyed by device, so the task that reads a device's partition owns all
 * of its windows and nothing is repartitioned. Per reading: one window entry (all metrics of the device in that
 * minute) is read and written, and the device's progress (its latest event time) when it advances.
 *
 * <p>Lateness is judged per device: a window closes when the device's own progress passes its end plus the grace, so
 * a station uploading hours of buffered readings in order gets every window exactly as if they had arrived live,
 * whatever the other devices on its partition are doing. A reading whose window has closed for its device is passed on
 * as {@link LateReading} (dead-lettered as {@code LATE}), unless it is a copy of a reading already counted: the
 * fingerprint of every counted reading is kept, one small entry each, until the progress passes its window's end plus
 * the dedup window too. Keeping them apart from the window keeps the per-reading work constant: a window holding its
 * own fingerprint list was copied, searched and re-serialised whole on every reading, quadratic in the readings of a
 * device-minute (the largest cost in the profile at 1,000 msg/s).
 *
 * <p>Every reading counted is passed on as {@link CountedReading}, in the order counted, for the hourly indicators.
 *
 * <p>Changed windows are emitted on a wall-clock punctuation (each commit interval), once per window whatever the
 * number of readings, and a window is emitted a last time, marked closed, when it closes.
 */
final class DeviceWindowProcessor implements Processor<String, Reading, String, DeviceOutput> {

    private final Supplier<DeviceRegistry> registry;
    private final long graceMs;
    /** How long behind the progress a window is kept at all: the grace or the dedup window, whichever is longer. */
    private final long keepMs;
    /** Windows changed since the last emission; rebuilt from the stored {@code dirty} flags at every (re)start. */
    private final Set<String> pending = new LinkedHashSet<>();

    private ProcessorContext<String, DeviceOutput> context;
    private KeyValueStore<String, DeviceWindow> windows;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, Long> progress;

    DeviceWindowProcessor(Supplier<DeviceRegistry> registry, Duration grace, Duration dedupWindow) {
        this.registry = registry;
        this.graceMs = grace.toMillis();
        this.keepMs = Math.max(grace.toMillis(), dedupWindow.toMillis());
    }

    @Override
    public void init(ProcessorContext<String, DeviceOutput> context) {
        this.context = context;
        this.windows = context.getStateStore(AggregationTopology.DEVICE_WINDOW_STORE);
        this.seen = context.getStateStore(AggregationTopology.DEVICE_SEEN_STORE);
        this.progress = context.getStateStore(AggregationTopology.DEVICE_PROGRESS_STORE);
        WindowKeys.resumeEmission(context, windows, DeviceWindow::dirty, pending, this::emitPending);
    }

    @Override
    public void process(Record<String, Reading> record) {
        Reading reading = record.value();
        Optional<Device> known = registry.get().device(reading.deviceId());
        if (known.isEmpty()) {
            // Removed from the registry since the branch before this step: nothing left to count it for.
            return;
        }
        Device device = known.get();
        long ts = reading.ts().toEpochMilli();
        long start = WindowKeys.windowStart(ts);
        String key = WindowKeys.windowKey(device.id(), start);
        String seenKey = WindowKeys.seenKey(key, WindowKeys.fingerprint(reading));
        if (seen.get(seenKey) != null) {
            return;
        }
        Long before = progress.get(device.id());
        if (start <= WindowKeys.lastStartBefore(before, graceMs)) {
            context.forward(record.withValue(late(reading, before, start)));
            return;
        }
        DeviceWindow window = windows.get(key);
        window = (window == null
                        ? DeviceWindow.open(
                                device.id(), device.areaCode(), device.domain().id(), start)
                        : window)
                .add(reading.values(), ts);
        windows.put(key, window);
        seen.put(seenKey, ts);
        pending.add(key);
        context.forward(record.withValue(new CountedReading(reading)));
        if (before == null || ts > before) {
            progress.put(device.id(), ts);
            closeAndForget(device.id(), before, ts);
        }
    }

    /**
     * Closes the device's windows the advance from {@code before} to {@code now} has moved past the grace (each
     * emitted a last time, then deleted), and forgets the fingerprints of those it has moved past the dedup window.
     * Only a minute boundary changes anything, so each store is scanned at most once per device and minute, over that
     * device's key range alone.
     */
    private void closeAndForget(String deviceId, Long before, long now) {
        long closeUpTo = WindowKeys.lastStartBefore(now, graceMs);
        long closedBefore = WindowKeys.lastStartBefore(before, graceMs);
        if (closeUpTo != closedBefore) {
            for (KeyValue<String, DeviceWindow> entry : range(windows, deviceId, closedBefore, closeUpTo)) {
                forward(entry.value.toMinute(true));
                windows.delete(entry.key);
                pending.remove(entry.key);
            }
        }
        long forgetUpTo = WindowKeys.lastStartBefore(now, keepMs);
        long forgottenBefore = WindowKeys.lastStartBefore(before, keepMs);
        if (forgetUpTo != forgottenBefore) {
            for (KeyValue<String, Long> entry : range(seen, deviceId, forgottenBefore, forgetUpTo)) {
                seen.delete(entry.key);
            }
        }
    }

    /** The device's entries of the windows after {@code after} up to and including {@code upTo}, read out first. */
    private static <V> List<KeyValue<String, V>> range(
            KeyValueStore<String, V> store, String deviceId, long after, long upTo) {
        long from = after == Long.MIN_VALUE ? 0 : after + 1;
        List<KeyValue<String, V>> entries = new ArrayList<>();
        if (upTo < from) {
            return entries;
        }
        try (KeyValueIterator<String, V> range =
                store.range(WindowKeys.windowKey(deviceId, from), WindowKeys.windowKeyRangeEnd(deviceId, upTo))) {
            range.forEachRemaining(entries::add);
        }
        return entries;
    }

    private void emitPending() {
        for (String key : pending) {
            DeviceWindow window = windows.get(key);
            if (window != null && window.dirty()) {
                forward(window.toMinute(false));
                windows.put(key, window.emitted());
            }
        }
        pending.clear();
    }

    private void forward(DeviceMinute minute) {
        context.forward(new Record<>(
                minute.deviceId(),
                minute,
                minute.metrics().values().stream()
                        .mapToLong(MetricStats::lastTs)
                        .max()
                        .orElse(minute.windowStart())));
    }

    private LateReading late(Reading reading, Long progressMs, long windowStart) {
        return new LateReading(
                reading,
                "reading of " + reading.deviceId() + " at " + reading.ts()
                        + " is more than the grace " + Duration.ofMillis(graceMs)
                        + " behind the device's latest reading ("
                        + Instant.ofEpochMilli(progressMs) + "): its 1-minute window "
                        + Instant.ofEpochMilli(windowStart)
                        + " has closed");
    }
}
