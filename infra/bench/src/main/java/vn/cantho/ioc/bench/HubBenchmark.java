package vn.cantho.ioc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            usage: ./ioc bench hub [--probes N] [--rate N] [--duration D] [--clients N] [--senml SHARE] [--seed N]
              --probes N   readings that each raise an alert, spread over the run (default 60)
              the others are the load generator's (./ioc load --help); defaults here: --rate 2000 --duration 60s""";
    private static final List<String> LOAD_DEFAULTS = List.of("--rate", "2000", "--duration", "60s");
    private static final int LOAD_STATIONS = 100;

    private final int probes;
    private final LoadOptions load;

    HubBenchmark(int probes, LoadOptions load) {
        this.probes = probes;
        this.load = load;
    }

    int probes() {
        return probes;
    }

    LoadOptions load() {
        return load;
    }

    public static void main(String[] args) throws Exception {
        HubBenchmark benchmark;
        try {
            benchmark = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench hub: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println(Json.mapper().writeValueAsString(benchmark.run()));
    }

    static HubBenchmark parse(String... args) {
        int probes = 60;
        List<String> loadArgs = new ArrayList<>(LOAD_DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--probes")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--probes needs a value");
                }
                try {
                    probes = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--probes needs a number, got '" + args[i] + "'");
                }
                if (probes < 1 || probes > 10_000) {
                    throw new IllegalArgumentException("--probes must be 1 to 10000");
                }
            } else if (args[i].equals("--mqtt-url") || args[i].equals("--registry-dir")
                    || args[i].equals("--allow-remote")) {
                throw new IllegalArgumentException(args[i] + " is not for this benchmark: it loads the hub it starts");
            } else {
                loadArgs.add(args[i]);
            }
        }
        return new HubBenchmark(probes, LoadOptions.parse(loadArgs.toArray(String[]::new)));
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
        ProbeFixture fixture = ProbeFixture.write(workDir, probes, loadStations(load));
        try (BenchHub bench = BenchHub.start(workDir, fixture)) {
            Map<String, Object> result = HubRun.measure(bench, bench.aim(load), fixture.probeIds());
            result.put("warmUpSeconds", HubRun.round(bench.warmUpSeconds()));
            result.put("behindAtStart", bench.behindAtStart());
            return result;
        }
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
