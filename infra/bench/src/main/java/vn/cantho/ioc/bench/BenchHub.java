package vn.cantho.ioc.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import vn.cantho.ioc.embedded.ShutdownHooks;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.hub.Hub;
import vn.cantho.ioc.hub.HubConfig;
import vn.cantho.ioc.hub.HubSettings;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.LoadReport;

/**
 * The hub a benchmark measures: started exactly as {@code ./ioc up} does, on fresh embedded servers under
 * the benchmark's work directory, with the probe registry and rules, and measured only once every consumer
 * has worked through the simulator's first feed push (14 days of history). Shared by every hub benchmark
 * (one run, {@code --find-max}, the soak) so they all measure the same hub.
 *
 * <p>The hub's own sensor simulator is slowed to one reading per device per hour: the load generator
 * publishes from the same sensor models at the asked rate, and with one source of sensor readings every
 * reading the bridge accepted can be matched with a stored row (two sources could publish the same device
 * and millisecond, which the hub rightly stores once).
 *
 * <p>A benchmark stopped from outside (SIGTERM, Ctrl-C) stops its hub and deletes the run's work directory on the way
 * out, as it would at its end: the embedded Kafka broker runs in a child JVM of its own session and would otherwise
 * outlive the benchmark, holding gigabytes of partition logs in the temporary directory.
 */
final class BenchHub implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** How long the initial feed history may take to work through before the measurement starts anyway. */
    private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(5);

    private final Hub hub;
    private final Path workDir;
    private final ProbeFixture fixture;
    private final Admin admin;
    private final double warmUpSeconds;
    private final Map<String, Long> behindAtStart;
    private final Thread stopOnExit;

    private BenchHub(
            Hub hub,
            Thread stopOnExit,
            Path workDir,
            ProbeFixture fixture,
            Admin admin,
            double warmUpSeconds,
            Map<String, Long> behindAtStart) {
        this.hub = hub;
        this.stopOnExit = stopOnExit;
        this.workDir = workDir;
        this.fixture = fixture;
        this.admin = admin;
        this.warmUpSeconds = warmUpSeconds;
        this.behindAtStart = behindAtStart;
    }

    /** Starts the hub under {@code workDir} with {@code fixture}'s registry and rules and waits for its steady state. */
    static BenchHub start(Path workDir, ProbeFixture fixture) throws Exception {
        // The hub's settings from the environment apply (to compare configurations), except where the
        // benchmark needs its own: fresh servers on free ports, the probe registry and rules.
        Map<String, String> settings = new HashMap<>(System.getenv());
        settings.putAll(Map.of(
                "IOC_DATA_DIR",
                workDir.resolve("data").toString(),
                "HTTP_PORT",
                "0",
                "FEED_HTTP_PORT",
                "0",
                "KAFKA_PORT",
                "0",
                "MQTT_PORT",
                "0",
                "DB_PORT",
                "0",
                "REGISTRY_DIR",
                fixture.registryDir().toString(),
                "RULES_FILE",
                fixture.rulesFile().toString(),
                "SIMULATOR_INTERVAL",
                "1h"));
        settings.keySet()
                .removeAll(List.of(
                        HubSettings.KAFKA_BOOTSTRAP.key(), HubSettings.MQTT_URL.key(), HubSettings.DB_URL.key()));
        Hub hub = Hub.start(HubConfig.from(new Config(settings)));
        Thread stopOnExit = new Thread(
                () -> {
                    hub.close();
                    WorkDirectories.deleteRecursively(workDir);
                },
                "bench-hub-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Admin admin = null;
        try {
            awaitHealthy(hub.endpoints().httpPort());
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hub.endpoints().kafkaBootstrap()));
            long warmUp = System.nanoTime();
            Map<String, Long> stillBehind = new Backlog(admin).awaitCaughtUp(WARM_UP_TIMEOUT);
            return new BenchHub(
                    hub, stopOnExit, workDir, fixture, admin, (System.nanoTime() - warmUp) / 1e9, stillBehind);
        } catch (Exception | Error e) {
            if (admin != null) {
                admin.close();
            }
            if (ShutdownHooks.remove(stopOnExit)) {
                hub.close();
            }
            throw e;
        }
    }

    Hub hub() {
        return hub;
    }

    DataSource database() {
        return hub.dataSource();
    }

    Backlog backlog() {
        return new Backlog(admin);
    }

    ProbeFixture fixture() {
        return fixture;
    }

    /** Seconds the hub took to work through the initial feed history. */
    double warmUpSeconds() {
        return warmUpSeconds;
    }

    /** Groups still behind when the warm-up timed out (empty when it caught up). */
    Map<String, Long> behindAtStart() {
        return behindAtStart;
    }

    /**
     * Publishes {@code load} unmeasured, then waits until the hub has worked it off. A hub fresh from its start
     * compiles its hot path while the first load arrives: on two cores the JIT takes about one core for the first
     * ~30 s of load (docs/benchmarks.md), which a measured minute from a cold start includes.
     */
    void warmUnderLoad(LoadOptions load) throws Exception {
        publish(load);
        Map<String, Long> behind = backlog().awaitCaughtUp(WARM_UP_TIMEOUT);
        if (!behind.isEmpty()) {
            throw new IllegalStateException("the hub had not worked off the warm-up load after " + WARM_UP_TIMEOUT
                    + "; still behind: " + behind);
        }
    }

    /**
     * Starts measuring the CPU and memory of the whole stack: this JVM (the hub), the Kafka broker it started, and
     * PostgreSQL, found as the parent of a backend of the hub's own connection pool.
     */
    ProcessResources resources() throws SQLException {
        Map<String, ProcessHandle> database = new LinkedHashMap<>();
        try (Connection connection = database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            ProcessHandle.of(backend.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .ifPresent(postmaster -> database.put("postgresql", postmaster));
        }
        return ProcessResources.start(database);
    }

    /** Publishes {@code load} at this hub from a load generator in a child JVM; returns once it has finished. */
    LoadReport publish(LoadOptions load) throws Exception {
        return LoadProcess.run(aim(load), workDir.resolve("load"));
    }

    /** {@code load} aimed at this hub's broker, spread over the benchmark's registry. */
    private LoadOptions aim(LoadOptions load) {
        return load.towards(hub.endpoints().mqttUrl(), Optional.of(fixture.registryDir()), load.valuesPerMessage());
    }

    /** Probes against this hub, with the operator's live alert stream open. */
    Probes probes() throws Exception {
        Probes probes = new Probes(hub.endpoints().mqttUrl(), hub.dataSource());
        try {
            probes.openStream(hub.endpoints().httpPort(), operatorToken());
            return probes;
        } catch (Exception | Error e) {
            probes.close();
            throw e;
        }
    }

    /** Readings the observation sink has stored since the hub started (its {@code ioc.sink.rows} counter). */
    long rowsWritten() {
        Counter counter = Metrics.globalRegistry
                .find(StageMeters.SINK_ROWS)
                .tag("sink", Topics.TELEMETRY.name())
                .counter();
        return counter == null ? 0 : Math.round(counter.count());
    }

    private String operatorToken() throws Exception {
        Path tokens = hub.endpoints().apiTokens().orElseThrow();
        return Files.readAllLines(tokens).stream()
                .filter(l -> l.startsWith("operator="))
                .map(l -> l.substring("operator=".length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo operator token in " + tokens));
    }

    private static void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub did not report healthy within " + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    /** Stops the hub; a second call, or a call while the JVM is exiting (the shutdown hook stops it then), does nothing. */
    @Override
    public void close() {
        if (!ShutdownHooks.remove(stopOnExit)) {
            return;
        }
        try {
            admin.close();
        } finally {
            hub.close();
        }
    }
}
