package vn.cantho.ioc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of this JVM together with every process it started (the embedded Kafka JVM) and the
 * other process trees it is given (PostgreSQL's postmaster and its backends, which {@code pg_ctl} detaches from the
 * JVM), so a benchmark reports what the whole hub costs, not just its own JVM. A load generator this JVM started
 * ({@link LoadProcess}) is the devices' side, not the stack's: its memory is reported apart ({@value #LOAD}) and left
 * out of the totals, and its CPU is left out of the cores (it still takes its share of the machine, so the hub has
 * what is left). Memory is the proportional set size
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
    /** Name of this JVM's own memory in {@link #peakMiBByProcess()}. */
    static final String THIS_JVM = "thisJvm";
    /** Name of the memory of the processes this JVM started, with theirs. */
    static final String CHILDREN = "childProcesses";
    /** Name of the memory of the load generators this JVM started, which the totals leave out. */
    static final String LOAD = "loadGenerator";

    /**
     * How often memory is sampled. Reading {@code smaps_rollup} walks each process's page tables: sampled every second
     * it took ~2.5 % of the machine's CPU from the hub under load (perf, 2026-12-06), and memory moves slower than that.
     */
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);

    /** The sample with the largest total so far; null until one succeeded. */
    private final AtomicReference<Sample> peak = new AtomicReference<>();

    private final Map<String, ProcessHandle> others;
    private final long startCpuNanos;
    private final long startWallNanos;

    private ProcessResources(Map<String, ProcessHandle> others) {
        this.others = others;
        startCpuNanos = cpuNanos();
        startWallNanos = System.nanoTime();
        sampler.scheduleAtFixedRate(
                () -> {
                    Sample sample = sample();
                    if (sample != null) {
                        peak.accumulateAndGet(sample, (a, b) -> a == null || b.totalBytes() > a.totalBytes() ? b : a);
                    }
                },
                0,
                SAMPLE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts measuring this JVM, its descendants and {@code others} (by name) with their descendants: CPU from now on,
     * peak memory sampled every {@link #SAMPLE_INTERVAL}.
     */
    static ProcessResources start(Map<String, ProcessHandle> others) {
        return new ProcessResources(Collections.unmodifiableMap(new LinkedHashMap<>(others)));
    }

    /** Cores busy on average since start (CPU seconds of the stack's processes per wall-clock second). */
    double averageCores() {
        double wall = (System.nanoTime() - startWallNanos) / 1e9;
        return wall <= 0 ? 0 : (cpuNanos() - startCpuNanos) / 1e9 / wall;
    }

    /** CPU seconds the stack's processes used since start. */
    double cpuSeconds() {
        return (cpuNanos() - startCpuNanos) / 1e9;
    }

    /** The largest resident memory of the stack's processes together seen so far, in MiB; -1 when unknown. */
    long peakRssMiB() {
        Sample sample = peak.get();
        return sample == null ? -1 : mib(sample.totalBytes());
    }

    /**
     * How the largest sample divided among the processes, in MiB: {@value #THIS_JVM}, {@value #CHILDREN} (every process
     * this JVM started, with theirs), each of the others by its name, and {@value #LOAD} (not in the total). Empty when
     * memory is unknown.
     */
    Map<String, Long> peakMiBByProcess() {
        Sample sample = peak.get();
        Map<String, Long> mib = new LinkedHashMap<>();
        if (sample != null) {
            sample.bytes().forEach((name, bytes) -> mib.put(name, mib(bytes)));
        }
        return mib;
    }

    /** Resident memory of the stack's processes together now, in MiB; -1 when unknown. */
    long rssMiB() {
        Sample sample = sample();
        return sample == null ? -1 : mib(sample.totalBytes());
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Each group of processes, by name, with every process in it; the load generators last. */
    private Map<String, List<ProcessHandle>> groups() {
        ProcessHandle self = ProcessHandle.current();
        Map<Boolean, List<ProcessHandle>> children =
                self.descendants().collect(Collectors.partitioningBy(ProcessResources::isLoadGenerator));
        Map<String, List<ProcessHandle>> groups = new LinkedHashMap<>();
        groups.put(THIS_JVM, List.of(self));
        groups.put(CHILDREN, children.get(false));
        others.forEach((name, root) -> groups.put(
                name, Stream.concat(Stream.of(root), root.descendants()).toList()));
        groups.put(LOAD, children.get(true));
        return groups;
    }

    /** Whether a group belongs to the stack: every group but the load generators. */
    private static boolean inStack(String group) {
        return !group.equals(LOAD);
    }

    private static boolean isLoadGenerator(ProcessHandle process) {
        return process.info()
                .arguments()
                .map(arguments -> Arrays.asList(arguments).contains(LoadProcess.MAIN_CLASS))
                .orElse(false);
    }

    /** The stack's live processes (the load generators left out). */
    private List<ProcessHandle> processes() {
        return groups().entrySet().stream()
                .filter(group -> inStack(group.getKey()))
                .flatMap(group -> group.getValue().stream())
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private long cpuNanos() {
        return processes().stream()
                .mapToLong(process ->
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** The memory of every group now; null when it cannot be read (not Linux, or a process ended meanwhile). */
    private Sample sample() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (Map.Entry<String, List<ProcessHandle>> group : groups().entrySet()) {
            long total = 0;
            for (ProcessHandle process : group.getValue()) {
                long pss = pssBytes(process.pid());
                if (pss < 0) {
                    return null;
                }
                total += pss;
            }
            bytes.put(group.getKey(), total);
        }
        return new Sample(bytes);
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

    /** Memory of each group of processes at one moment, in bytes. */
    private record Sample(Map<String, Long> bytes) {
        /** The stack's memory. */
        long totalBytes() {
            return bytes.entrySet().stream()
                    .filter(group -> inStack(group.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }
}
