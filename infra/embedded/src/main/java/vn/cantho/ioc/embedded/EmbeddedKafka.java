package vn.cantho.ioc.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft mode, one node acting as broker and controller) running in a child JVM,
 * for the hub when no external Kafka is configured and for integration tests.
 *
 * <p>A child JVM rather than an in-process {@code KafkaRaftServer}: a fatal broker fault cannot take the hub
 * down with it, the broker's heap is fixed on its own ({@value #HEAP}), and Kafka's logging and
 * dependencies stay out of the hub JVM. The child is {@code java kafka.Kafka server.properties} with this
 * JVM's classpath, so the broker version is whatever {@code kafka_2.13} the hub ships.
 *
 * <p>Everything lives in the data directory: {@code server.properties}, {@code cluster.id},
 * {@code kafka.pid}, {@code kafka.log} (the child's output, WARN and above) and the partition logs in
 * {@code data/}. Restarting on the same directory keeps the topics and records; the ports may change
 * between starts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    /**
     * Three times what the broker keeps after a young collection at the benchmark's maximum rate (27,500 msg/s,
     * ~75 MiB with the small cleaner map below; docs/benchmarks.md).
     */
    static final String HEAP = "256m";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL_CLASS = "kafka.tools.StorageTool";

    private final Path dataDir;
    private final boolean stopOnJvmExit;
    private final int requestedPort;
    private final int requestedControllerPort;

    private Process process;
    private Thread shutdownHook;
    private int port;

    /**
     * @param dataDir        directory for the broker's configuration, logs and partitions; created if missing
     * @param port           client (PLAINTEXT) port on 127.0.0.1, or 0 for a free one picked at each start
     * @param controllerPort KRaft controller port on 127.0.0.1, or 0 for a free one picked at each start
     */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, true);
    }

    /**
     * @param stopOnJvmExit whether a JVM shutdown hook stops the broker. A launcher that stops its own
     *                      parts in order passes {@code false}: the hook would otherwise stop Kafka at
     *                      once, while stages that still flush to it are closing.
     */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort, boolean stopOnJvmExit) {
        this.stopOnJvmExit = stopOnJvmExit;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("Client and controller port must differ: " + port);
        }
    }

    /**
     * Starts the broker and returns once an admin client can describe the cluster. Stops a broker that an
     * earlier, killed parent left running on this data directory first.
     *
     * @throws IllegalStateException if the broker exits or is not ready within 90 s; the message ends with the
     *                               tail of {@code kafka.log}
     */
    public synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("Kafka is already started");
        }
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            stopLeftoverBroker();
            // Two distinct free ports, so a free port never collides with the other, fixed one.
            int[] free = FreePorts.pick(2);
            int clientPort =
                    requestedPort != 0 ? requestedPort : free[0] != requestedControllerPort ? free[0] : free[1];
            int controllerPort =
                    requestedControllerPort != 0 ? requestedControllerPort : free[1] != clientPort ? free[1] : free[0];
            Files.writeString(serverPropertiesFile(), serverProperties(logDir(), clientPort, controllerPort));
            Files.writeString(dataDir.resolve("kafka-logback.xml"), logbackXml());
            ChildClasspath.writeArgFile(classpathArgFile());
            formatStorageIfNeeded();

            process = startChild(MAIN_CLASS, serverPropertiesFile().toString());
            port = clientPort;
            Files.writeString(pidFile(), Long.toString(process.pid()));
            if (stopOnJvmExit) {
                shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }

            awaitReady();
            LOG.info(
                    "Kafka started at {} in {} ms (pid {}, data {})",
                    bootstrapServers(),
                    (System.nanoTime() - startNanos) / 1_000_000,
                    process.pid(),
                    dataDir);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start Kafka in " + dataDir, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>} for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        requireStarted();
        return "127.0.0.1:" + port;
    }

    /** The pid of the broker's JVM. */
    public synchronized long pid() {
        requireStarted();
        return process.pid();
    }

    /**
     * Stops the broker: SIGTERM (a controlled shutdown that flushes the logs, about 1 s), then SIGKILL if it is
     * still running after 30 s. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (shutdownHook != null) {
            // This close() may be the hook itself; nothing to unregister then.
            ShutdownHooks.remove(shutdownHook);
            shutdownHook = null;
        }
        if (process == null) {
            return;
        }
        Processes.stop(process.toHandle(), STOP_GRACE);
        try {
            // It has terminated; this only lets the JVM reap it and record the exit code.
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(
                "Kafka stopped (pid {}, exit code {})",
                process.pid(),
                process.isAlive() ? "unknown" : Integer.toString(process.exitValue()));
        process = null;
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", pidFile(), e);
        }
    }

    /** The broker configuration for one start; package-private for tests. */
    static String serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDir.toString());
        // One node: every internal topic must accept replication factor 1, or consumer groups, transactions
        // (exactly_once_v2 Streams apps hang in REBALANCING) and share groups fail with INVALID_REPLICATION_FACTOR.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // Nothing to wait for with one broker; the 3 s default only delays every first consumer-group join.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their intended partitions and configs; a mistyped topic name in a
        // producer must fail instead of silently creating a one-partition topic. Kafka Streams creates its
        // internal topics through the admin API and needs no auto-creation.
        settings.put("auto.create.topics.enable", "false");
        // The log cleaner's key map lives on the heap and is allocated whole at start: 128 MiB by default, more than
        // the broker's whole live set under the benchmark's maximum load (~75 MiB). 16 MiB maps ~600,000 keys per
        // pass; a compacted partition with more keys since its last cleaning is cleaned in several passes.
        settings.put("log.cleaner.dedupe.buffer.size", Long.toString(16L * 1024 * 1024));
        StringBuilder text = new StringBuilder("# Written by EmbeddedKafka at every start; edits are overwritten.\n");
        settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** Logback configuration for the child: INFO in general, but Kafka's own packages only from WARN. */
    static String logbackXml() {
        return """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <!-- Kafka logs every config value and partition change at INFO: megabytes a day for nothing. -->
                  <logger name="kafka" level="WARN"/>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <!-- Keeps the "Kafka Server started" and shutdown lines. -->
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """;
    }

    private void stopLeftoverBroker() throws IOException {
        String propertiesFile = serverPropertiesFile().toString();
        Processes.readPid(pidFile())
                .ifPresent(pid -> Processes.stopLeftover(
                        pid,
                        cmdline -> cmdline.contains(MAIN_CLASS) && cmdline.contains(propertiesFile),
                        "Kafka broker",
                        STOP_GRACE));
        Files.deleteIfExists(pidFile());
    }

    /**
     * Formats the log directory once, with a cluster id kept in {@code cluster.id}. Skipped when
     * {@code meta.properties} exists (a restart); {@code --ignore-formatted} lets a format that was interrupted
     * half-way be completed instead of failing with "already formatted".
     */
    private void formatStorageIfNeeded() throws IOException {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            return;
        }
        Path clusterIdFile = dataDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        // A child JVM too: the storage tool would otherwise load the broker's classes, MBeans and config dump
        // into the hub's JVM and log.
        Process format = startChild(
                STORAGE_TOOL_CLASS,
                "format",
                "--cluster-id",
                clusterId,
                "--config",
                serverPropertiesFile().toString(),
                "--ignore-formatted");
        try {
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka storage format did not finish within " + START_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Kafka storage format failed with exit code " + format.exitValue()
                    + "; end of " + logFile() + ":\n" + Processes.tail(logFile(), 40));
        }
    }

    private Process startChild(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Own session: Ctrl-C in a terminal signals the whole foreground process group, and the broker
            // must stop when the hub says so, after the stages that still write to it.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A fixed, pre-touched heap: the broker's resident memory is known from its start instead of creeping
        // towards -Xmx over hours as G1 touches regions (the soak judges memory flatness on it).
        command.add("-Xms" + HEAP);
        command.add("-Xmx" + HEAP);
        command.add("-XX:+AlwaysPreTouch");
        // A broker out of heap is better dead (and visible) than limping along.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlogback.configurationFile=" + dataDir.resolve("kafka-logback.xml"));
        command.add("@" + classpathArgFile());
        command.add(mainClass);
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        child.getOutputStream().close(); // the child reads nothing; no open pipe left behind
        return child;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        awaitPortOpen(deadline);
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(adminProps)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                requireChildAlive();
                try {
                    int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes()
                            .get(6, TimeUnit.SECONDS)
                            .size();
                    if (brokers > 0) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
                sleep(200);
            }
            throw new IllegalStateException("Kafka was not ready within " + START_TIMEOUT + " (last error: " + last
                    + "); end of " + logFile() + ":\n" + Processes.tail(logFile(), 40));
        }
    }

    /** Polling the socket first keeps the admin client from logging connection failures while the JVM boots. */
    private void awaitPortOpen(long deadline) {
        while (System.nanoTime() < deadline) {
            requireChildAlive();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka did not open port " + port + " within " + START_TIMEOUT + "; end of "
                + logFile() + ":\n" + Processes.tail(logFile(), 40));
    }

    private void requireChildAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited during startup with code " + process.exitValue() + "; end of "
                    + logFile() + ":\n" + Processes.tail(logFile(), 40));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("Kafka is not started");
        }
    }

    private Path logDir() {
        return dataDir.resolve("data");
    }

    private Path serverPropertiesFile() {
        return dataDir.resolve("server.properties");
    }

    private Path classpathArgFile() {
        return dataDir.resolve("kafka-classpath.args");
    }

    private Path pidFile() {
        return dataDir.resolve("kafka.pid");
    }

    private Path logFile() {
        return dataDir.resolve("kafka.log");
    }
}
