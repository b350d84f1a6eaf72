package vn.cantho.ioc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.health.HealthCheck;

/**
 * The hub's connection to PostgreSQL/TimescaleDB: a connection pool whose schema has been brought up
 * to date by the Flyway migrations in {@code classpath:db/migration}. One instance per process; the
 * sink's writer and the API's queries borrow connections from {@link #dataSource()}.
 */
public final class Database implements AutoCloseable {

    /** How long to wait for a connection: short, so a database that is down is noticed in seconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Upper bound of one {@link #ping()}, well under what a health probe tolerates. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource pool;
    private final Redactor redactor;
    private final String safeUrl;

    private Database(HikariDataSource pool, Redactor redactor, String safeUrl) {
        this.pool = pool;
        this.redactor = redactor;
        this.safeUrl = safeUrl;
    }

    /**
     * Connects, applies pending migrations and returns the open database.
     *
     * @throws StoreUnavailableException when the database cannot be reached; the message names the
     *                                   URL (never the password)
     * @throws StoreException            when a migration fails
     */
    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + maxPoolSize);
        }
        Redactor redactor = new Redactor(password);
        String safeUrl = redactor.scrub(jdbcUrl);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(jdbcUrl, user, password, maxPoolSize));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "cannot connect to the database at " + safeUrl + ": " + redactor.scrub(describe(e)), e);
        }
        try {
            migrate(jdbcUrl, user, password, safeUrl);
        } catch (FlywayException e) {
            pool.close();
            String message = "migrating the database at " + safeUrl + " failed: " + redactor.scrub(describe(e));
            throw SqlFailures.isUnavailable(e)
                    ? new StoreUnavailableException(message, e)
                    : new StoreException(message, e);
        }
        return new Database(pool, redactor, safeUrl);
    }

    /** The pool; every connection it hands out is in auto-commit mode. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code SELECT 1} within a few seconds; reports down (never throws) when that fails. */
    public HealthCheck.Status ping() {
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            // A query timeout alone cannot interrupt a read from a server that stopped answering.
            connection.setNetworkTimeout(Runnable::run, (int) PING_TIMEOUT.toMillis());
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) PING_TIMEOUT.toSeconds());
                statement.execute("SELECT 1");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            HikariPoolMXBean stats = pool.getHikariPoolMXBean();
            return HealthCheck.Status.up("SELECT 1 in " + millis + " ms; pool " + stats.getActiveConnections()
                    + " active, " + stats.getIdleConnections() + " idle");
        } catch (SQLException | RuntimeException e) {
            return HealthCheck.Status.down(safeUrl + ": " + redactor.scrub(describe(e)));
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ioc-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        // Fail start-up after one connection timeout instead of hanging or starting with a dead pool.
        config.setInitializationFailTimeout(CONNECT_TIMEOUT.toMillis());
        // Driver-level bounds for opening a connection (pgjdbc defaults: 10 s and unlimited).
        config.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT.toSeconds());
        config.addDataSourceProperty("loginTimeout", CONNECT_TIMEOUT.toSeconds() + 2);
        config.addDataSourceProperty("tcpKeepAlive", true);
        return config;
    }

    private static void migrate(String jdbcUrl, String user, String password, String safeUrl) {
        // Flyway gets its own unpooled connections: it needs two at a time, which a pool of size one
        // could never give, and long DDL must not be bound by the pool's short timeouts.
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // A session-level advisory lock instead of one held in an open transaction on the
                // schema-history connection: that open transaction would block the migration connection on
                // servers where all connections share one session (the PGlite TimescaleDB test server).
                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"))
                .load()
                .migrate();
        LOG.info(
                "Database {} at schema version {} ({} migrations applied now)",
                safeUrl,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /**
     * The most telling message in the cause chain: the driver's innermost {@link SQLException} (e.g.
     * "Connection to db:5432 refused") rather than the pool's or Flyway's generic wrapper.
     */
    private static String describe(Throwable e) {
        Throwable best = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                best = t;
            }
        }
        return best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
    }

    /** Keeps the password out of messages: both the literal value and any {@code password=} URL parameter. */
    private record Redactor(String password) {

        String scrub(String text) {
            if (text == null) {
                return "";
            }
            String scrubbed = PASSWORD_PARAM.matcher(text).replaceAll("$1***");
            return password == null || password.isEmpty() ? scrubbed : scrubbed.replace(password, "***");
        }
    }
}
