package vn.cantho.ioc.api.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import vn.cantho.ioc.model.health.HealthCheck;

/**
 * Asks every component whether it is up, in parallel and within one time bound, so a hung component
 * is reported DOWN instead of hanging {@code /health}. A check that has not answered yet is not
 * started again: later probes wait for the same call, which keeps one thread per hung component
 * however often the endpoint is polled.
 */
public final class HealthProbe implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, HealthCheck> checks;
    private final Duration timeout;
    private final Map<String, Future<HealthCheck.Status>> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    /** @param checks components by name, reported in this map's iteration order */
    public HealthProbe(Map<String, HealthCheck> checks, Duration timeout) {
        this.checks = new LinkedHashMap<>(checks);
        this.timeout = timeout;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "health-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs every check and waits at most the time bound for all of them together. */
    public HealthReport probe() {
        Map<String, Future<HealthCheck.Status>> calls = new LinkedHashMap<>();
        checks.forEach((name, check) -> calls.put(
                name,
                inFlight.compute(
                        name,
                        (key, previous) ->
                                previous != null && !previous.isDone() ? previous : executor.submit(check::check))));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, HealthReport.Component> components = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, Future<HealthCheck.Status>> call : calls.entrySet()) {
            HealthCheck.Status status = await(call.getValue(), deadline);
            allUp &= status.up();
            components.put(
                    call.getKey(),
                    new HealthReport.Component(status.up() ? HealthReport.UP : HealthReport.DOWN, status.detail()));
        }
        return new HealthReport(allUp ? HealthReport.UP : HealthReport.DOWN, components);
    }

    private HealthCheck.Status await(Future<HealthCheck.Status> call, long deadline) {
        try {
            HealthCheck.Status status = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return status == null ? HealthCheck.Status.down("the check returned no status") : status;
        } catch (TimeoutException e) {
            return HealthCheck.Status.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return HealthCheck.Status.down("the check failed: " + e.getCause());
        } catch (CancellationException e) {
            return HealthCheck.Status.down("the check was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Status.down("interrupted while waiting for the check");
        }
    }

    /** Stops the checks still running. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
