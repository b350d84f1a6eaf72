package vn.cantho.ioc.streams.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.Aggregate;

/**
 * The per-area 1-minute windows, combined from the device windows (repartitioned by area, so one task owns each
 * area): per device window version, one area window entry is read and written. Changed area windows are emitted on a
 * wall-clock punctuation, one {@link Aggregate} per metric, however many device versions arrived meanwhile.
 *
 * <p>An area has no lateness of its own: each device's windows close on the device's own progress, and a device may
 * upload hours of buffered readings long after its neighbours' windows closed, so an area window is kept (its closed
 * device windows folded into one) for {@code retention} behind the area's latest window, which should be at least
 * the oldest reading ingest accepts ({@code INGEST_MAX_AGE}). A device window older than that is not combined.
 */
final class AreaWindowProcessor implements Processor<String, DeviceMinute, String, Aggregate> {

    private static final Logger LOG = LoggerFactory.getLogger(AreaWindowProcessor.class);

    private final long retentionMs;
    /** Windows changed since the last emission; rebuilt from the stored {@code dirty} flags at every (re)start. */
    private final Set<String> pending = new LinkedHashSet<>();

    private ProcessorContext<String, Aggregate> context;
    private KeyValueStore<String, AreaWindow> windows;
    private KeyValueStore<String, Long> progress;

    AreaWindowProcessor(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Aggregate> context) {
        this.context = context;
        this.windows = context.getStateStore(AggregationTopology.AREA_WINDOW_STORE);
        this.progress = context.getStateStore(AggregationTopology.AREA_PROGRESS_STORE);
        WindowKeys.resumeEmission(context, windows, AreaWindow::dirty, pending, this::emitPending);
    }

    @Override
    public void process(Record<String, DeviceMinute> record) {
        DeviceMinute minute = record.value();
        String area = minute.areaCode();
        Long before = progress.get(area);
        if (minute.windowStart() <= WindowKeys.lastStartBefore(before, retentionMs)) {
            LOG.warn(
                    "device window {} {} is older than the area retention {} behind area {}; not combined",
                    minute.deviceId(),
                    minute.windowStart(),
                    Duration.ofMillis(retentionMs),
                    area);
            return;
        }
        String key = WindowKeys.windowKey(area, minute.windowStart());
        AreaWindow window = windows.get(key);
        windows.put(key, (window == null ? AreaWindow.empty(area, minute.windowStart()) : window).with(minute));
        if (minute.changed()) {
            pending.add(key);
        }
        if (before == null || minute.windowStart() > before) {
            progress.put(area, minute.windowStart());
            forget(area, before, minute.windowStart());
        }
    }

    /** Drops the area's windows the advance has moved past the retention (their final versions were emitted). */
    private void forget(String area, Long before, long now) {
        long forgetUpTo = WindowKeys.lastStartBefore(now, retentionMs);
        long forgottenBefore = WindowKeys.lastStartBefore(before, retentionMs);
        long from = forgottenBefore == Long.MIN_VALUE ? 0 : forgottenBefore + 1;
        if (forgetUpTo < from) {
            return;
        }
        List<KeyValue<String, AreaWindow>> expired = new ArrayList<>();
        try (KeyValueIterator<String, AreaWindow> range =
                windows.range(WindowKeys.windowKey(area, from), WindowKeys.windowKey(area, forgetUpTo))) {
            range.forEachRemaining(expired::add);
        }
        for (KeyValue<String, AreaWindow> entry : expired) {
            if (entry.value.dirty()) {
                emit(entry.value);
            }
            windows.delete(entry.key);
            pending.remove(entry.key);
        }
    }

    private void emitPending() {
        for (String key : pending) {
            AreaWindow window = windows.get(key);
            if (window != null && window.dirty()) {
                emit(window);
                windows.put(key, window.emitted());
            }
        }
        pending.clear();
    }

    private void emit(AreaWindow window) {
        long timestamp = window.windowStart() + WindowKeys.WINDOW_MS - 1;
        for (Aggregate aggregate : window.aggregates()) {
            context.forward(new Record<>(aggregate.key(), aggregate, timestamp));
        }
    }
}
