package vn.cantho.ioc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of this JVM together with every process it started (the embedded Kafka JVM) and the
 * other process trees it is given (PostgreSQL's postmaster and its backends, which {@code pg_ctl} detaches from the
 * JVM), so a benchmark reports what the whole hub costs, not just its own JVM. Memory is the proportional set size
 * (PSS, {@code /proc/<pid>/smaps_rollup}): memory shared by several processes, such as PostgreSQL's shared buffers
 * that every backend maps, is divided among them instead of being counted once per process as the sum of their
 * resident sizes would. Read from {@code /proc} (Linux); elsewhere it reports -1.
 */
final class ProcessResources implements AutoCloseable {

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-resources");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * How often memory is sampled. Reading {@code smaps_rollup} walks each process's page tables: sampled every second
     * it took ~2.5 % of the machine's CPU from the hub under load (perf, 2026-12-06), and memory moves slower than that.
     */
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);

    private final AtomicLong peakRssBytes = new AtomicLong(-1);
    private final List<ProcessHandle> roots;
    private final long startCpuNanos;
    private final long startWallNanos;

    private ProcessResources(List<ProcessHandle> roots) {
        this.roots = roots;
        startCpuNanos = cpuNanos();
        startWallNanos = System.nanoTime();
        sampler.scheduleAtFixedRate(
                () -> peakRssBytes.accumulateAndGet(rssBytes(), Math::max),
                0,
                SAMPLE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts measuring this JVM, its descendants and {@code others} with their descendants: CPU from now on, peak
     * memory sampled every {@link #SAMPLE_INTERVAL}.
     */
    static ProcessResources start(List<ProcessHandle> others) {
        return new ProcessResources(Stream.concat(Stream.of(ProcessHandle.current()), others.stream())
                .toList());
    }

    /** Cores busy on average since start (CPU seconds of all processes per wall-clock second). */
    double averageCores() {
        double wall = (System.nanoTime() - startWallNanos) / 1e9;
        return wall <= 0 ? 0 : (cpuNanos() - startCpuNanos) / 1e9 / wall;
    }

    /** CPU seconds all processes used since start. */
    double cpuSeconds() {
        return (cpuNanos() - startCpuNanos) / 1e9;
    }

    /** The largest resident memory of all processes together seen so far, in MiB; -1 when unknown. */
    long peakRssMiB() {
        long peak = peakRssBytes.get();
        return peak < 0 ? -1 : peak / (1024 * 1024);
    }

    /** Resident memory of all processes together now, in MiB; -1 when unknown. */
    long rssMiB() {
        long rss = rssBytes();
        return rss < 0 ? -1 : rss / (1024 * 1024);
    }

    private List<ProcessHandle> processes() {
        return roots.stream()
                .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private long cpuNanos() {
        return processes().stream()
                .mapToLong(process ->
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    private long rssBytes() {
        long total = 0;
        for (ProcessHandle process : processes()) {
            long pss = pssBytes(process.pid());
            if (pss < 0) {
                return -1;
            }
            total += pss;
        }
        return total;
    }

    private static long pssBytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .orElse(-1L);
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process ended between listing and reading: memory is unknown for this sample.
            return -1;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
