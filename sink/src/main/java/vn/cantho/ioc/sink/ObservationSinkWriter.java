package vn.cantho.ioc.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.sink.loop.BatchWriter;
import vn.cantho.ioc.store.ObservationRow;
import vn.cantho.ioc.store.ObservationWriter;

/**
 * The {@link BatchWriter} of the raw-observation sink: turns each reading of {@code ioc.telemetry.v1}
 * into its metric values, enriched with the device's domain and area from the registry, and stores the
 * batch with {@link ObservationWriter} (one transaction, one {@code readings} row per reading; a redelivered
 * reading changes nothing). Readings of devices the registry does
 * not know, and non-finite values, are skipped and counted: the ingest stage already rejects them, so
 * they can only come from an older registry.
 */
public final class ObservationSinkWriter implements BatchWriter<Reading> {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationSinkWriter.class);

    private final Supplier<DeviceRegistry> registry;
    private final ObservationWriter writer;
    private final AtomicLong skipped = new AtomicLong();

    public ObservationSinkWriter(Supplier<DeviceRegistry> registry, ObservationWriter writer) {
        this.registry = registry;
        this.writer = writer;
    }

    @Override
    public int write(List<Reading> batch) {
        List<ObservationRow> rows = rows(batch);
        return rows.isEmpty() ? 0 : writer.insert(rows);
    }

    /** Values skipped since start (unknown device or non-finite value). */
    public long skipped() {
        return skipped.get();
    }

    List<ObservationRow> rows(List<Reading> batch) {
        List<ObservationRow> rows = new ArrayList<>(batch.size() * 2);
        for (Reading reading : batch) {
            if (reading == null || reading.values() == null || reading.ts() == null) {
                continue;
            }
            Optional<Device> device = Optional.ofNullable(reading.deviceId()).flatMap(registry.get()::device);
            if (device.isEmpty()) {
                if (skipped.getAndAdd(reading.values().size()) == 0) {
                    LOG.warn(
                            "observation sink skips readings of unknown device '{}' (and others like it)",
                            reading.deviceId());
                }
                continue;
            }
            Device d = device.get();
            reading.values().forEach((metric, value) -> {
                if (metric == null || value == null || !Double.isFinite(value)) {
                    skipped.incrementAndGet();
                    return;
                }
                rows.add(new ObservationRow(
                        d.id(), metric, reading.ts(), value, d.domain().id(), d.areaCode(), reading.receivedAt()));
            });
        }
        return rows;
    }
}
