package vn.cantho.ioc.store.registry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.StoreException;

/**
 * Keeps a process's {@link LiveRegistry} on the newest stored version, so a change an admin made
 * through another hub instance's API reaches this one within one refresh interval.
 */
public final class RegistryRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRefresher.class);

    private final RegistryStore store;
    private final LiveRegistry live;
    private ScheduledExecutorService scheduler;

    public RegistryRefresher(RegistryStore store, LiveRegistry live) {
        this.store = store;
        this.live = live;
    }

    /**
     * The registry to start with: the newest stored version, or {@code files} (version 0) while nobody has
     * changed the registry through the API.
     */
    public static LiveRegistry initial(RegistryStore store, DeviceRegistry files) {
        return store.latest()
                .map(v -> new LiveRegistry(v.registry(), v.version()))
                .orElseGet(() -> new LiveRegistry(files, 0));
    }

    /** Checks once; returns whether a newer version was put in force. */
    public boolean refresh() {
        if (store.latestVersion() <= live.version()) {
            return false;
        }
        return store.latest()
                .map(v -> {
                    boolean replaced = live.offer(v.version(), v.registry());
                    if (replaced) {
                        LOG.info(
                                "device registry version {} in force ({} by {})",
                                v.version(),
                                v.change(),
                                v.changedBy());
                    }
                    return replaced;
                })
                .orElse(false);
    }

    /** Refreshes every {@code interval} on a daemon thread until closed; a database outage is logged and retried. */
    public RegistryRefresher scheduleEvery(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "registry-refresher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        refresh();
                    } catch (StoreException e) {
                        LOG.warn("could not check for a newer device registry: {}", e.getMessage());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
