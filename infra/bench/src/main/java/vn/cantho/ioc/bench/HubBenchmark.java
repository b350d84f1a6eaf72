package vn.cantho.ioc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.simulator.LoadGenerator;
import vn.cantho.ioc.simulator.LoadOptions;

/**
 * The whole-hub benchmark ({@code ./ioc bench hub}): starts the hub exactly as {@code ./ioc up} does
 * ({@link BenchHub}), drives it with the load generator's sensor traffic, and meanwhile sends probe
 * readings that each raise an alert ({@link HubRun}). Prints one JSON line: sensor throughput offered and
 * stored, readings lost, end-to-end lag (reading published → row in the database), alert latency (reading
 * published → alert on an operator's live stream) percentiles, and the CPU and memory of every process.
 */
public final class HubBenchmark {

    static final String USAGE = """
            usage: ./ioc bench hub [--probes N] [--rate N] [--duration D] [--values-per-message N] [--clients N]
                                   [--senml SHARE] [--seed N] [--no-ceilings] [--ceiling-duration D]
                                   [--find-max] [--max-steps N] [--warm-up D]
              --probes N            readings that each raise an alert, spread over the run (default 60; per step
                                    with --find-max)
              --values-per-message N  exactly N metric values in every message, 1 to 6 (default: the realistic mix)
              --no-ceilings         skip measuring the raw stages (MQTT, Kafka, COPY) before the hub starts
              --ceiling-duration D  how long each raw stage is measured (default 10s)
              --find-max            search the highest rate sustained with storage lag p99 <= 2 s and nothing
                                    lost, from --rate up, one step of --duration per rate, on one hub
              --max-steps N         at most N steps of --find-max (default 10; the search stops at 20 min anyway)
              --warm-up D           publish at --rate for D, unmeasured, and let the hub work it off before the
                                    measured run (default 0: measure from a cold start, JIT compilation included)
              the others are the load generator's (./ioc load --help); defaults here: --rate 2000 --duration 60s""";
    private static final List<String> LOAD_DEFAULTS = List.of("--rate", "2000", "--duration", "60s");
    /** Load stations for a fixed number of values per message: real-time timestamps up to 100,000 msg/s. */
    private static final int LOAD_STATIONS = 100;

    /**
     * What to run.
     *
     * @param ceilings        how long each raw stage is measured, or zero to skip them
     * @param maxSteps        steps of {@code --find-max}, or zero for one run
     * @param warmUp          load published before the measured run and not measured, or zero
     */
    record Options(int probes, LoadOptions load, Duration ceilings, int maxSteps, Duration warmUp) {}

    private final Options options;

    HubBenchmark(Options options) {
        this.options = options;
    }

    Options options() {
        return options;
    }

    int probes() {
        return options.probes();
    }

    LoadOptions load() {
        return options.load();
    }

    public static void main(String[] args) throws Exception {
        HubBenchmark benchmark;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        try {
            benchmark = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench hub: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println(Json.mapper().writeValueAsString(benchmark.run()));
        // The result is out and every server is stopped; a third-party thread that is not a daemon (seen once: a
        // Paho sender of the load generator) must not keep the command from returning.
        System.exit(0);
    }

    static HubBenchmark parse(String... args) {
        int probes = 60;
        Duration ceilings = Duration.ofSeconds(10);
        boolean noCeilings = false;
        boolean findMax = false;
        int maxSteps = 10;
        Duration warmUp = Duration.ZERO;
        List<String> loadArgs = new ArrayList<>(LOAD_DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--probes" -> probes = BenchArgs.number(name, BenchArgs.value(args, i++), 1, 10_000);
                case "--no-ceilings" -> noCeilings = true;
                case "--ceiling-duration" -> ceilings = BenchArgs.duration(name, BenchArgs.value(args, i++));
                case "--find-max" -> findMax = true;
                case "--max-steps" -> maxSteps = BenchArgs.number(name, BenchArgs.value(args, i++), 1, 50);
                case "--warm-up" -> warmUp = BenchArgs.duration(name, BenchArgs.value(args, i++));
                case "--mqtt-url", "--registry-dir", "--allow-remote" ->
                    throw new IllegalArgumentException(name + " is not for this benchmark: it loads the hub it starts");
                default -> loadArgs.add(name);
            }
        }
        return new HubBenchmark(new Options(
                probes,
                LoadOptions.parse(loadArgs.toArray(String[]::new)),
                noCeilings ? Duration.ZERO : ceilings,
                findMax ? maxSteps : 0,
                warmUp));
    }

    /** Runs the benchmark once; the result is what {@link #main} prints. */
    Map<String, Object> run() throws Exception {
        Path workDir = Files.createTempDirectory("ioc-bench-hub");
        try {
            return runIn(workDir);
        } finally {
            WorkDirectories.deleteRecursively(workDir);
        }
    }

    private Map<String, Object> runIn(Path workDir) throws Exception {
        LoadOptions load = options.load();
        int probeGauges = options.probes() * Math.max(1, options.maxSteps());
        ProbeFixture fixture = ProbeFixture.write(workDir, probeGauges, loadStations(load));
        // The raw stages first, alone on the machine: the hub is not started yet.
        Map<String, Object> ceilings = options.ceilings().isZero()
                ? null
                : Ceilings.measure(
                        load.towards(load.mqttUrl(), Optional.of(fixture.registryDir()), load.valuesPerMessage()),
                        workDir,
                        options.ceilings());
        try (BenchHub bench = BenchHub.start(workDir, fixture)) {
            if (!options.warmUp().isZero()) {
                bench.warmUnderLoad(load.at(load.rate(), options.warmUp()));
            }
            Map<String, Object> result = options.maxSteps() > 0
                    ? FindMax.search(bench, load, options.probes(), options.maxSteps())
                    : HubRun.measure(bench, load, fixture.probeIds());
            result.put("warmUpSeconds", HubRun.round(bench.warmUpSeconds()));
            result.put("loadWarmUpSeconds", options.warmUp().toSeconds());
            result.put("behindAtStart", bench.behindAtStart());
            result.put("ceilings", ceilings);
            result.put("ratio", ratio(result, ceilings));
            return result;
        }
    }

    /** Values stored per second ÷ the slowest raw stage in values per second; null without ceilings. */
    static Double ratio(Map<String, Object> result, Map<String, Object> ceilings) {
        if (ceilings == null) {
            return null;
        }
        double slowest = ((Number) ceilings.get("slowestDatapointsPerSecond")).doubleValue();
        return slowest <= 0
                ? null
                : Math.round(((Number) result.get("datapointsPerSecond")).doubleValue() / slowest * 1000) / 1000.0;
    }

    /**
     * Devices the benchmark adds for a fixed number of values per message (none for the mix): enough full
     * air stations that no device sends more than {@link LoadGenerator#MAX_REAL_TIME_RATE_PER_DEVICE}
     * messages per second up to 100,000 messages per second.
     */
    static int loadStations(LoadOptions load) {
        return load.valuesPerMessage().isPresent() ? LOAD_STATIONS : 0;
    }
}
