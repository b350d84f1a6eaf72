package vn.cantho.ioc.hub;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.stage.Part;
import vn.cantho.ioc.model.stage.Stage;

/**
 * What a launcher has started, stopped newest first on {@link #close()}: each one is stopped even if another fails
 * to, so a failed start or a shutdown never leaves a server or thread running. It also collects what reports under
 * {@code /health}, in the order it started.
 */
final class StartedParts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartedParts.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, HealthCheck> health = new LinkedHashMap<>();

    /** Registers a part to stop; register it before starting it, so a half-started part is stopped too. */
    void push(AutoCloseable part) {
        started.push(part);
    }

    /** Registers a part, then starts it, so a failed start still stops what it had started. */
    void run(Part part) throws Exception {
        push(part);
        part.start();
    }

    /** Starts a stage that reports under {@code /health} by its name. */
    void startReporting(Stage stage) throws Exception {
        run(stage);
        report(stage.name(), stage);
    }

    /** Adds a component to what {@code /health} reports. */
    void report(String name, HealthCheck check) {
        health.put(name, check);
    }

    /** What reports under {@code /health} so far, in the order it was added. */
    Map<String, HealthCheck> health() {
        return Collections.unmodifiableMap(health);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not stop {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
