package vn.cantho.ioc.embedded;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.stage.Part;

/**
 * An MQTT broker (HiveMQ Community Edition, MQTT 3.1.1 and 5) running inside this JVM, for the hub when no
 * external broker is configured and for integration tests.
 *
 * <p>HiveMQ's defaults are wrong for a hub that ingests bursts of QoS 1 sensor messages: with a queue of 1,000
 * messages per client it silently discarded ~80% of a 100,000-message burst although every PUBACK came back.
 * The configuration written here raises the per-client queue, uses in-memory persistence (file persistence
 * cut throughput to 3–4k msg/s) and lets publishers keep more messages in flight; see {@link #configXml(int)}.
 * In-memory persistence means sessions and queued messages do not survive a restart of the hub. The hub
 * therefore does not rely on them: it runs its MQTT ingest inside this broker as an extension (given to the
 * constructor) that acknowledges a device's publish only once Kafka has stored it. HiveMQ starts extensions
 * before it opens its listener, so no device is acknowledged before ingest is in place.
 *
 * <p>Files: {@code conf/config.xml} (rewritten at every start), {@code data/}, and an empty
 * {@code extensions/} folder.
 */
public final class EmbeddedMqtt implements Part {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqtt.class);

    /** Messages HiveMQ queues per client (offline persistent sessions and in-flight overflow) before discarding. */
    static final long MAX_QUEUE_SIZE = 1_000_000;
    /** QoS 1/2 PUBLISHes a client may have unacknowledged towards the broker (MQTT 5 Receive Maximum). */
    static final int SERVER_RECEIVE_MAXIMUM = 100;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int requestedPort;
    private final ExtensionMain extension;

    private EmbeddedHiveMQ hivemq;
    private int port;

    /**
     * @param dataDir directory for HiveMQ's configuration and data; created if missing
     * @param port    TCP port on 127.0.0.1, or 0 for a free one picked at each start
     */
    public EmbeddedMqtt(Path dataDir, int port) {
        this(dataDir, port, null);
    }

    /**
     * @param dataDir   directory for HiveMQ's configuration and data; created if missing
     * @param port      TCP port on 127.0.0.1, or 0 for a free one picked at each start
     * @param extension started inside the broker before its listener opens (e.g. the hub's MQTT ingest), or null
     */
    public EmbeddedMqtt(Path dataDir, int port, ExtensionMain extension) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.requestedPort = port;
        this.extension = extension;
    }

    /** Starts the broker and returns once it accepts connections. */
    @Override
    public synchronized void start() {
        if (hivemq != null) {
            throw new IllegalStateException("MQTT broker is already started");
        }
        long startNanos = System.nanoTime();
        int chosenPort = FreePorts.orFree(requestedPort);
        Path conf = dataDir.resolve("conf");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(dataDir.resolve("data"));
            Files.createDirectories(dataDir.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), configXml(chosenPort));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare HiveMQ's folders in " + dataDir, e);
        }
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(dataDir.resolve("data"))
                .withExtensionsFolder(dataDir.resolve("extensions"))
                // HiveMQ's logging bootstrap would detach the hub's logback appenders and install its own
                // JUL bridge and filters; the host application owns logging.
                .withoutLoggingBootstrap();
        if (extension != null) {
            builder.withEmbeddedExtension(EmbeddedExtension.builder()
                    .withId("ioc-" + extension.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                    .withName(extension.getClass().getSimpleName())
                    .withVersion("1")
                    .withExtensionMain(extension)
                    .build());
        }
        EmbeddedHiveMQ server = builder.build();
        try {
            server.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            closeBounded(server);
            // HiveMQ logs the reason (e.g. "Could not start TCP Listener ... Is it already in use?") at ERROR.
            throw new IllegalStateException(
                    "HiveMQ failed to start on 127.0.0.1:" + chosenPort + "; see HiveMQ's error log lines above",
                    e.getCause());
        } catch (TimeoutException e) {
            closeBounded(server);
            throw new IllegalStateException(
                    "HiveMQ did not start on 127.0.0.1:" + chosenPort + " within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeBounded(server);
            throw new IllegalStateException("Interrupted while starting HiveMQ", e);
        }
        hivemq = server;
        port = chosenPort;
        LOG.info("MQTT broker started at {} in {} ms", url(), (System.nanoTime() - startNanos) / 1_000_000);
    }

    @Override
    public synchronized Status check() {
        return hivemq == null
                ? Status.down("embedded broker not running")
                : Status.up("embedded broker listening at " + url());
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public synchronized String url() {
        requireStarted();
        return "tcp://127.0.0.1:" + port;
    }

    /** The TCP port the running broker listens on. */
    public synchronized int port() {
        requireStarted();
        return port;
    }

    /** Stops the broker, waiting at most 30 s. Idempotent. */
    @Override
    public synchronized void close() {
        if (hivemq == null) {
            return;
        }
        closeBounded(hivemq);
        hivemq = null;
        LOG.info("MQTT broker on port {} stopped", port);
    }

    /**
     * HiveMQ's {@code config.xml}; element names follow the {@code config.xsd} shipped in the HiveMQ jar, which
     * HiveMQ validates against at start. Package-private for tests.
     */
    static String configXml(int port) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by EmbeddedMqtt at every start; edits are overwritten. -->
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <!-- Default 1,000: a subscriber that falls behind a burst loses the rest, silently. -->
                    <queued-messages>
                      <max-queue-size>%d</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                    <!-- Default 10: publishers stall waiting for PUBACKs; the client backs off at this limit. -->
                    <receive-maximum>
                      <server-receive-maximum>%d</server-receive-maximum>
                    </receive-maximum>
                  </mqtt>
                  <!-- File persistence cut QoS 1 throughput to 3-4k msg/s; Kafka is the durable store, and the
                       hub's ingest extension acknowledges a device's publish only once Kafka has it. -->
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, MAX_QUEUE_SIZE, SERVER_RECEIVE_MAXIMUM);
    }

    /**
     * {@link EmbeddedHiveMQ#close()} stops the broker (if running) and its state thread, but waits without a
     * limit; it runs on its own thread so a hung shutdown cannot hang the hub's.
     */
    private static void closeBounded(EmbeddedHiveMQ server) {
        Thread closer = new Thread(
                () -> {
                    try {
                        server.close();
                    } catch (ExecutionException e) {
                        LOG.warn("HiveMQ failed to stop cleanly", e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "embedded-mqtt-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.warn("HiveMQ did not stop within {}; leaving it behind", STOP_TIMEOUT);
        }
    }

    private void requireStarted() {
        if (hivemq == null) {
            throw new IllegalStateException("MQTT broker is not started");
        }
    }
}
