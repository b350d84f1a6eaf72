package vn.cantho.ioc.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.LoadReport;

/**
 * The soak ({@code ./ioc bench soak}): one hub ({@link BenchHub}) under the load generator at one rate for
 * the whole duration, sampled at the end of every interval (a minute by default): resident memory of every
 * process, consumer lag per group and in total, the storage lag of a probe reading sent at the start of the
 * interval, metric values stored during it, and CPU. Writes {@code soak.csv} (a line per sample, as taken)
 * and {@code soak.svg} (memory and lag over minutes) to the output directory, and prints one JSON line with
 * the verdict of {@link Flatness}: memory and lag flat within 10 % after the warm-up.
 */
public final class SoakBenchmark {

    static final String USAGE = """
            usage: ./ioc bench soak [--rate N] [--duration D] [--sample D] [--warm-up D] [--out DIR]
                                    [--values-per-message N] [--clients N] [--senml SHARE] [--seed N]
              --rate N      messages per second for the whole soak (default 1000)
              --duration D  how long the load runs, at most 1h (default 60m)
              --sample D    interval between samples (default 1m)
              --warm-up D   samples not judged at the start (default 10m, at most a third of the duration)
              --out DIR     where soak.csv and soak.svg go (default ./soak-<date>-<time>)
              the others are the load generator's (./ioc load --help)""";
    /** Memory and lag may move this much (a share) after the warm-up and still be flat. */
    static final double TOLERANCE = 0.10;

    private static final Duration DEFAULT_WARM_UP = Duration.ofMinutes(10);

    private final LoadOptions load;
    private final Duration sample;
    private final Duration warmUp;
    private final Path out;

    SoakBenchmark(LoadOptions load, Duration sample, Duration warmUp, Path out) {
        this.load = load;
        this.sample = sample;
        this.warmUp = warmUp;
        this.out = out;
    }

    LoadOptions load() {
        return load;
    }

    Duration sample() {
        return sample;
    }

    Duration warmUp() {
        return warmUp;
    }

    Path out() {
        return out;
    }

    public static void main(String[] args) throws Exception {
        SoakBenchmark soak;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        try {
            soak = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench soak: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println(Json.mapper().writeValueAsString(soak.run()));
    }

    static SoakBenchmark parse(String... args) {
        List<String> loadArgs = new ArrayList<>(List.of("--rate", "1000", "--duration", "60m"));
        Duration sample = Duration.ofMinutes(1);
        Duration warmUp = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--sample" -> sample = BenchArgs.duration(name, BenchArgs.value(args, i++));
                case "--warm-up" -> warmUp = BenchArgs.duration(name, BenchArgs.value(args, i++));
                case "--out" -> out = Path.of(BenchArgs.value(args, i++));
                case "--mqtt-url", "--registry-dir", "--allow-remote" ->
                    throw new IllegalArgumentException(name + " is not for this benchmark: it loads the hub it starts");
                default -> loadArgs.add(name);
            }
        }
        LoadOptions load = LoadOptions.parse(loadArgs.toArray(String[]::new));
        if (sample.compareTo(load.duration()) > 0) {
            throw new IllegalArgumentException("--sample must not be longer than --duration");
        }
        Duration third = load.duration().dividedBy(3);
        if (warmUp == null) {
            warmUp = DEFAULT_WARM_UP.compareTo(third) < 0 ? DEFAULT_WARM_UP : third;
        } else if (warmUp.compareTo(load.duration()) >= 0) {
            throw new IllegalArgumentException("--warm-up must be shorter than --duration");
        }
        if (out == null) {
            out = Path.of("soak-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new SoakBenchmark(load, sample, warmUp, out);
    }

    /** Runs the soak; the result is what {@link #main} prints. */
    Map<String, Object> run() throws Exception {
        Files.createDirectories(out);
        Path workDir = Files.createTempDirectory("ioc-bench-soak");
        try {
            return runIn(workDir);
        } finally {
            WorkDirectories.deleteRecursively(workDir);
        }
    }

    private Map<String, Object> runIn(Path workDir) throws Exception {
        int samples = (int) (load.duration().toNanos() / sample.toNanos());
        ProbeFixture fixture = ProbeFixture.write(workDir, samples, HubBenchmark.loadStations(load));
        List<SoakSample> taken = new ArrayList<>();
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try (BenchHub bench = BenchHub.start(workDir, fixture);
                ProcessResources resources = bench.resources();
                Probes prober = bench.probes();
                BufferedWriter csv = Files.newBufferedWriter(out.resolve("soak.csv"), StandardCharsets.UTF_8)) {
            csv.write(SoakSample.CSV_HEADER);
            csv.newLine();
            long start = System.nanoTime();
            Future<LoadReport> background = runners.submit(() -> bench.publish(load));
            // One probe at the start of every interval: probe i is sent at start + i × sample.
            Future<Probes.Result> probing =
                    runners.submit(() -> prober.run(fixture.probeIds(), sample.multipliedBy(samples), sample));
            double cpuBefore = resources.cpuSeconds();
            long rowsBefore = bench.rowsWritten();
            for (int i = 1; i <= samples; i++) {
                sleepUntil(start + sample.toNanos() * i);
                double cpu = resources.cpuSeconds();
                long rows = bench.rowsWritten();
                SoakSample taking = new SoakSample(
                        sample.multipliedBy(i).toMillis() / 60_000.0,
                        resources.rssMiB(),
                        bench.backlog().lagPerGroup(),
                        prober.storedMs(fixture.probeIds().get(i - 1)),
                        rows - rowsBefore,
                        (cpu - cpuBefore) / (sample.toNanos() / 1e9));
                cpuBefore = cpu;
                rowsBefore = rows;
                taken.add(taking);
                csv.write(taking.csvLine());
                csv.newLine();
                csv.flush();
                // The chart after every sample: a soak stopped early still leaves one.
                Files.writeString(out.resolve("soak.svg"), SoakChart.svg(title(), taken, minutes(warmUp)));
                if (background.isDone() && i < samples) {
                    // The load ended before its time: it failed, and get() below throws why.
                    break;
                }
            }
            LoadReport report = background.get();
            probing.cancel(true);
            return result(report, taken);
        } finally {
            runners.shutdownNow();
        }
    }

    private Map<String, Object> result(LoadReport report, List<SoakSample> taken) {
        double warmUpMinutes = minutes(warmUp);
        List<SoakSample> judged =
                taken.stream().filter(s -> s.minute() > warmUpMinutes).toList();
        Map<String, Object> rss =
                Flatness.level(judged.stream().map(s -> (double) s.rssMiB()).toList(), TOLERANCE);
        // Noise near zero: one second of the offered load in records is always accepted.
        Map<String, Object> lag =
                Flatness.trend(judged.stream().map(s -> (double) s.lagTotal()).toList(), TOLERANCE, load.rate());
        List<Double> storage = taken.stream()
                .map(SoakSample::storageLagMs)
                .filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble)
                .toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "soak");
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("targetRate", report.targetRate());
        result.put("valuesPerMessage", report.valuesPerMessageLabel());
        result.put("durationSeconds", report.durationSeconds());
        result.put("sampleSeconds", sample.toMillis() / 1000.0);
        result.put("warmUpMinutes", warmUpMinutes);
        result.put("acknowledged", report.acknowledged());
        result.put("publishFailed", report.failed());
        result.put("achievedRate", HubRun.round(report.achievedRate()));
        result.put("samples", taken.size());
        result.put("rssMiB", rss);
        result.put("lagRecords", lag);
        result.put("storageLagMs", HubRun.percentiles(storage));
        result.put("probesLate", taken.size() - storage.size());
        result.put(
                "readingsStoredPerSecond",
                Math.round(taken.stream().mapToLong(SoakSample::readingsStored).sum()
                        / (sample.toNanos() / 1e9 * Math.max(1, taken.size()))));
        result.put(
                "cpuCoresAverage",
                HubRun.round(taken.stream()
                        .mapToDouble(SoakSample::cpuCores)
                        .average()
                        .orElse(0)));
        result.put("csv", out.resolve("soak.csv").toAbsolutePath().toString());
        result.put("chart", out.resolve("soak.svg").toAbsolutePath().toString());
        result.put("flat", Boolean.TRUE.equals(rss.get("flat")) && Boolean.TRUE.equals(lag.get("flat")));
        return result;
    }

    private String title() {
        return "Soak: " + load.rate() + " msg/s"
                + load.valuesPerMessage().stream()
                        .mapToObj(n -> " × " + n + " values")
                        .findFirst()
                        .orElse("")
                + ", " + SoakChart.label(minutes(load.duration())) + " min, a sample every " + sample.toSeconds()
                + " s";
    }

    private static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
