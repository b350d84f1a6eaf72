package vn.cantho.ioc.model.registry;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The device registry currently in force, for a process whose registry can change while it runs (an
 * admin adds a gauge through the API). Readers call {@link #get()} per message, so a change reaches
 * ingest, streams and the API at once; a newer version replaces an older one, never the reverse.
 * Thread-safe.
 */
public final class LiveRegistry implements Supplier<DeviceRegistry> {

    private record Versioned(long version, DeviceRegistry registry) {}

    private final AtomicReference<Versioned> current;

    /** @param version 0 for the shipped files, else the stored version */
    public LiveRegistry(DeviceRegistry initial, long version) {
        current = new AtomicReference<>(new Versioned(version, initial));
    }

    @Override
    public DeviceRegistry get() {
        return current.get().registry();
    }

    public long version() {
        return current.get().version();
    }

    /** Puts {@code registry} in force if {@code version} is newer than the current one; says whether it did. */
    public boolean offer(long version, DeviceRegistry registry) {
        Versioned next = new Versioned(version, registry);
        Versioned seen = current.get();
        while (version > seen.version()) {
            if (current.compareAndSet(seen, next)) {
                return true;
            }
            seen = current.get();
        }
        return false;
    }
}
