package vn.cantho.ioc.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the hub starts itself when it is not given external ones: any subset of Kafka, the MQTT broker
 * and PostgreSQL, under one work directory ({@code kafka/}, {@code mqtt/}, {@code postgres/}).
 *
 * <p>A server whose port is {@link OptionalInt#empty() empty} is not started (the hub uses an external one);
 * a port of 0 means a free port picked at start. The servers start in parallel: Kafka's JVM and PostgreSQL
 * boot in their own processes while HiveMQ boots in this one. Configuration is passed in; this class reads
 * no environment.
 */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServers.class);

    /** How to reach the embedded database; {@link #toString()} leaves the password out. */
    public record DatabaseConnection(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "DatabaseConnection[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    private final Path workDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedMqtt mqtt;
    private final EmbeddedDatabase database;

    /**
     * @param workDir      parent of the servers' data directories; created if missing
     * @param kafkaPort    Kafka client port (0 = free), or empty to not start Kafka; its controller port is
     *                     always picked freely
     * @param mqttPort     MQTT port (0 = free), or empty to not start the MQTT broker
     * @param postgresPort PostgreSQL port (0 = free), or empty to not start PostgreSQL
     */
    public EmbeddedServers(Path workDir, OptionalInt kafkaPort, OptionalInt mqttPort, OptionalInt postgresPort) {
        this(workDir, kafkaPort, mqttPort, postgresPort, true);
    }

    /**
     * @param stopOnJvmExit whether the servers stop themselves when the JVM exits; a launcher that closes
     *                      this object from its own shutdown hook, after its stages, passes {@code false}
     */
    public EmbeddedServers(
            Path workDir,
            OptionalInt kafkaPort,
            OptionalInt mqttPort,
            OptionalInt postgresPort,
            boolean stopOnJvmExit) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.kafka = kafkaPort.isPresent()
                ? new EmbeddedKafka(this.workDir.resolve("kafka"), kafkaPort.getAsInt(), 0, stopOnJvmExit)
                : null;
        this.mqtt = mqttPort.isPresent() ? new EmbeddedMqtt(this.workDir.resolve("mqtt"), mqttPort.getAsInt()) : null;
        this.database = postgresPort.isPresent()
                ? new EmbeddedDatabase(this.workDir.resolve("postgres"), postgresPort.getAsInt())
                : null;
    }

    /**
     * Starts the selected servers in parallel and returns when all are ready. If one fails, the others are
     * stopped again and the first failure is thrown (later ones attached as suppressed).
     */
    public void start() {
        long startNanos = System.nanoTime();
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        if (kafka != null) {
            starts.add(startOnOwnThread(kafka::start, "start-kafka"));
        }
        if (mqtt != null) {
            starts.add(startOnOwnThread(mqtt::start, "start-mqtt"));
        }
        if (database != null) {
            starts.add(startOnOwnThread(database::start, "start-postgres"));
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            close();
            throw failure;
        }
        LOG.info("Embedded servers started in {} ms under {}", (System.nanoTime() - startNanos) / 1_000_000, workDir);
    }

    private static CompletableFuture<Void> startOnOwnThread(Runnable start, String threadName) {
        return CompletableFuture.runAsync(start, runnable -> new Thread(runnable, threadName).start());
    }

    /** Kafka's {@code bootstrap.servers}, if Kafka is embedded. */
    public Optional<String> kafkaBootstrapServers() {
        return Optional.ofNullable(kafka).map(EmbeddedKafka::bootstrapServers);
    }

    /** The MQTT broker's URL ({@code tcp://127.0.0.1:port}), if the broker is embedded. */
    public Optional<String> mqttUrl() {
        return Optional.ofNullable(mqtt).map(EmbeddedMqtt::url);
    }

    /** How to reach PostgreSQL as the hub's role, if the database is embedded. */
    public Optional<DatabaseConnection> database() {
        return Optional.ofNullable(database).map(db -> new DatabaseConnection(db.jdbcUrl(), db.user(), db.password()));
    }

    /** The work directory, made absolute. */
    public Path workDir() {
        return workDir;
    }

    /**
     * Stops the servers in the reverse of the order they are listed in (PostgreSQL, the MQTT broker, Kafka),
     * each even if an earlier one failed to stop. Idempotent.
     */
    @Override
    public void close() {
        for (AutoCloseable server : new AutoCloseable[] {database, mqtt, kafka}) {
            if (server == null) {
                continue;
            }
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}", server.getClass().getSimpleName(), e);
            }
        }
    }
}
