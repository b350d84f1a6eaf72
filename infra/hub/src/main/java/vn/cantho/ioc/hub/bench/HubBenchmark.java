package vn.cantho.ioc.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.hub.Hub;
import vn.cantho.ioc.hub.HubConfig;
import vn.cantho.ioc.hub.HubSettings;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.simulator.LoadGenerator;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.LoadReport;

/**
 * The whole-hub benchmark ({@code ./ioc bench hub}): starts the hub exactly as {@code ./ioc up} does
 * (embedded Kafka, MQTT and PostgreSQL, every streams application, alerting, API, the simulator pushing
 * every department feed), drives it with the load generator's sensor traffic, and meanwhile sends probe
 * readings that each raise an alert. Prints one JSON line: sensor throughput offered and stored,
 * readings lost, end-to-end lag (reading published → row in the database), alert latency (reading
 * published → alert on an operator's live stream) percentiles, and the CPU and memory of every process.
 * The measured run starts once every consumer of the hub has worked through the backlog of the
 * simulator's first feed push (14 days of history), so the figures are the steady state.
 *
 * <p>The hub's own sensor simulator is slowed to one reading per device per hour: the load generator
 * publishes from the same sensor models at the asked rate, and with one source of sensor readings
 * every reading the bridge accepted can be matched with a stored row (two sources could publish the
 * same device and millisecond, which the hub rightly stores once).
 */
public final class HubBenchmark {

    static final String USAGE = """
            usage: ./ioc bench hub [--probes N] [--rate N] [--duration D] [--clients N] [--senml SHARE] [--seed N]
              --probes N   readings that each raise an alert, spread over the run (default 60)
              the others are the load generator's (./ioc load --help); defaults here: --rate 2000 --duration 60s""";
    private static final List<String> LOAD_DEFAULTS = List.of("--rate", "2000", "--duration", "60s");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    /** How long after the last probe its row and alert may take before they count as missing. */
    private static final Duration PROBE_WAIT = Duration.ofMinutes(2);
    /** How long the initial feed history may take to work through before the measured run starts anyway. */
    private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(5);

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
        ProbeFixture fixture = ProbeFixture.write(workDir, probes);
        // The hub's settings from the environment apply (to compare configurations), except where the
        // benchmark needs its own: fresh servers on free ports, the probe registry and rules.
        Map<String, String> settings = new HashMap<>(System.getenv());
        settings.putAll(Map.of(
                "IOC_DATA_DIR", workDir.resolve("data").toString(),
                "HTTP_PORT", "0", "FEED_HTTP_PORT", "0", "KAFKA_PORT", "0", "MQTT_PORT", "0", "DB_PORT", "0",
                "REGISTRY_DIR", fixture.registryDir().toString(),
                "RULES_FILE", fixture.rulesFile().toString(),
                "SIMULATOR_INTERVAL", "1h"));
        settings.keySet().removeAll(List.of(HubSettings.KAFKA_BOOTSTRAP.key(), HubSettings.MQTT_URL.key(),
                HubSettings.DB_URL.key()));
        try (Hub hub = Hub.start(HubConfig.from(new Config(settings)))) {
            awaitHealthy(hub.httpPort());
            long warmUp = System.nanoTime();
            Map<String, Long> stillBehind;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hub.kafkaBootstrap()))) {
                stillBehind = new Backlog(admin).awaitCaughtUp(WARM_UP_TIMEOUT);
            }
            double warmUpSeconds = (System.nanoTime() - warmUp) / 1e9;
            DataSource database = hub.dataSource();
            LoadOptions options = new LoadOptions(load.rate(), load.duration(), hub.mqttUrl(), load.clients(),
                    load.senmlShare(), load.seed(), Optional.empty(), false);
            ExecutorService runners = Executors.newFixedThreadPool(2);
            try (ProcessResources resources = ProcessResources.start();
                 Probes prober = new Probes(hub.mqttUrl(), database)) {
                prober.openStream(hub.httpPort(), operatorToken(hub));
                long storedBefore = storedReadings(database);
                long start = System.nanoTime();
                Future<LoadReport> background = runners.submit(() -> new LoadGenerator(options).run());
                Future<Probes.Result> probing = runners.submit(
                        () -> prober.run(fixture.probeIds(), load.duration(), PROBE_WAIT));
                LoadReport report = background.get();
                Drain drain = drain(hub.ingestStats(), report.acknowledged() + probes, database);
                double seconds = (System.nanoTime() - start) / 1e9;
                // CPU over load and drain only: the probes may still wait for late alerts after that.
                double cores = resources.averageCores();
                Map<String, Object> result = result(report, drain, probing.get());
                result.put("warmUpSeconds", round(warmUpSeconds));
                result.put("behindAtStart", stillBehind);
                result.put("storedPerSecond", Math.round((drain.stored() - storedBefore) / seconds));
                result.put("cpuCoresAverage", round(cores));
                result.put("peakRssMiB", resources.peakRssMiB());
                result.put("rssMiBAtEnd", resources.rssMiB());
                return result;
            } finally {
                runners.shutdownNow();
            }
        }
    }

    private static LoadReport generate(LoadOptions options) {
        try {
            return new LoadGenerator(options).run();
        } catch (Exception e) {
            throw new IllegalStateException("the load generator failed: " + e.getMessage(), e);
        }
    }

    /**
     * What became of the readings: the bridge's counts and the stored readings, once the bridge has
     * taken every acknowledged message and the database holds every reading it forwarded (or time ran out).
     */
    private record Drain(long received, long forwarded, long stored, long deadLettered, double seconds) {
    }

    private static Drain drain(IngestStats stats, long publishedMessages, DataSource database) throws Exception {
        long start = System.nanoTime();
        long deadline = start + DRAIN_TIMEOUT.toNanos();
        while (true) {
            // Read the bridge's counts first: whatever it counted is stored by the time the query sees it.
            long received = stats.received();
            boolean bridged = received >= publishedMessages
                    && stats.forwarded() + stats.deadLetteredTotal() >= received;
            long forwarded = stats.readingsForwarded();
            long stored = storedReadings(database);
            if (bridged && stored >= forwarded || System.nanoTime() > deadline) {
                return new Drain(received, forwarded, stored, stats.deadLetteredTotal(),
                        (System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(200);
        }
    }

    private static long storedReadings(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM (SELECT DISTINCT device_id, ts FROM observations) readings")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Object> result(LoadReport report, Drain drain, Probes.Result probed) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "hub");
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("targetRate", report.targetRate());
        result.put("durationSeconds", report.durationSeconds());
        result.put("published", report.sent());
        result.put("acknowledged", report.acknowledged());
        result.put("publishFailed", report.failed());
        result.put("achievedRate", report.achievedRate());
        result.put("publishLatencyMs", report.latencyMs());
        result.put("bridgeReceived", drain.received());
        result.put("readingsForwarded", drain.forwarded());
        result.put("readingsStored", drain.stored());
        result.put("readingsLost", Math.max(0, drain.forwarded() - drain.stored()));
        result.put("deadLettered", drain.deadLettered());
        result.put("drainSeconds", round(drain.seconds()));
        result.put("probes", probed.sent());
        result.put("storageLagMs", percentiles(probed.storedMs()));
        result.put("alertLatencyMs", percentiles(probed.alertMs()));
        result.put("ruleEvaluatedMs", percentiles(probed.evaluatedMs()));
        result.put("alertsMissing", probed.sent() - probed.alertMs().size());
        result.put("probeRowsMissing", probed.sent() - probed.storedMs().size());
        return result;
    }

    /** p50, p90, p99 and max of the samples (nearest rank), in ms; empty without samples. */
    static Map<String, Double> percentiles(List<Double> samples) {
        Map<String, Double> result = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return result;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        for (double quantile : new double[] {0.5, 0.9, 0.99}) {
            int rank = (int) Math.ceil(quantile * sorted.size());
            result.put("p" + Math.round(quantile * 100), round(sorted.get(Math.max(0, rank - 1))));
        }
        result.put("max", round(sorted.get(sorted.size() - 1)));
        return result;
    }

    private static void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub did not report healthy within " + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    private static String operatorToken(Hub hub) throws Exception {
        return Files.readAllLines(hub.apiTokens().orElseThrow()).stream().filter(l -> l.startsWith("operator="))
                .map(l -> l.substring("operator=".length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo operator token in " + hub.apiTokens()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
