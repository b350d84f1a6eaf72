package vn.cantho.ioc.hub;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a launcher has started, stopped newest first on {@link #close()}: each one is stopped even if another fails
 * to, so a failed start or a shutdown never leaves a server or thread running.
 */
final class StartedParts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartedParts.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Registers a part to stop; register it before starting it, so a half-started part is stopped too. */
    void push(AutoCloseable part) {
        started.push(part);
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
