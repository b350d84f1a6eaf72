package vn.cantho.ioc.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;

/**
 * The one test fixture for integration tests across the project: real Kafka, MQTT and PostgreSQL servers,
 * started once per JVM on the first {@link #get()} and shared by every test class in that JVM.
 *
 * <p>They run in a fresh temporary work directory on random free ports; a JVM shutdown hook stops them and
 * deletes the directory. Tests share the servers, so each test should use its own names
 * ({@link #uniqueName(String)}) for topics, consumer groups, Kafka Streams application ids, MQTT topics and
 * database schemas rather than clean up after others. Add {@code ioc-embedded} as a test-scope dependency to
 * use it.
 */
public final class SharedServers {

    private static final Logger LOG = LoggerFactory.getLogger(SharedServers.class);
    private static final AtomicLong NAME_COUNTER = new AtomicLong();

    private static SharedServers instance;
    private static RuntimeException startFailure;

    private final EmbeddedServers servers;
    private final EmbeddedServers.DatabaseConnection database;

    private SharedServers(EmbeddedServers servers) {
        this.servers = servers;
        this.database = servers.database().orElseThrow();
    }

    /**
     * Returns the running servers, starting them on the first call (about 10 s). Thread-safe. If they failed to
     * start, every call throws that failure again instead of retrying.
     */
    public static synchronized SharedServers get() {
        if (instance != null) {
            return instance;
        }
        if (startFailure != null) {
            throw new IllegalStateException("The shared test servers failed to start earlier", startFailure);
        }
        Path workDir;
        try {
            workDir = Files.createTempDirectory("ioc-shared-servers-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work directory for the shared test servers", e);
        }
        EmbeddedServers servers = new EmbeddedServers(workDir, OptionalInt.of(0), OptionalInt.of(0), OptionalInt.of(0));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            servers.close();
                            WorkDirectories.deleteRecursively(workDir);
                        },
                        "shared-servers-shutdown"));
        try {
            servers.start();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        instance = new SharedServers(servers);
        LOG.info(
                "Shared test servers: kafka={} mqtt={} db={} (work dir {})",
                instance.kafkaBootstrap(),
                instance.mqttUrl(),
                instance.jdbcUrl(),
                workDir);
        return instance;
    }

    /** Kafka's {@code bootstrap.servers}. */
    public String kafkaBootstrap() {
        return servers.kafkaBootstrapServers().orElseThrow();
    }

    /**
     * Creates every topic of the registry ({@link Topics#all()}) that does not exist yet, as the hub does at start:
     * for tests that run stages without a hub.
     */
    public void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
        }
    }

    /** The MQTT broker's URL, {@code tcp://127.0.0.1:port}. */
    public String mqttUrl() {
        return servers.mqttUrl().orElseThrow();
    }

    /** JDBC URL of the {@code ioc} database. */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** The database role, {@code ioc}, which owns the database. */
    public String dbUser() {
        return database.user();
    }

    /** The database role's password. */
    public String dbPassword() {
        return database.password();
    }

    /** The servers' work directory (deleted when the JVM exits). */
    public Path workDir() {
        return servers.workDir();
    }

    /**
     * Creates a schema of the caller's own in the shared PostgreSQL and returns a JDBC URL whose connections use it,
     * so a test's tables (migrated on first open) never meet another test's.
     */
    public String freshSchemaUrl(String prefix) {
        return freshSchemaUrl(jdbcUrl(), dbUser(), dbPassword(), prefix);
    }

    /** {@link #freshSchemaUrl(String)} on any PostgreSQL server. */
    public static String freshSchemaUrl(String jdbcUrl, String user, String password, String prefix) {
        String schema = uniqueName(prefix);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            // uniqueName yields a plain lower-case identifier, so it is safe to splice into DDL.
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * A name no other call in this JVM returns, e.g. {@code orders_17_3fa9c2}: the prefix, a counter and a random
     * part. Only letters, digits and underscores are added, so if the prefix is lower-case the result is a valid
     * Kafka topic, group or application id, MQTT topic level and unquoted SQL identifier.
     */
    public static String uniqueName(String prefix) {
        return prefix + "_" + NAME_COUNTER.incrementAndGet() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }
}
