package vn.cantho.ioc.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server (zonky's embedded binaries, no installation needed) with a persistent data
 * directory, for the hub when no external database is configured and for integration tests.
 *
 * <p>At every start it makes sure a database {@value #DATABASE} exists, owned by a login role {@value #USER}
 * whose password is generated once and kept in {@code ioc.password} (mode 600). Connections as that role must
 * give the password (scram-sha-256); the superuser {@code postgres} keeps the passwordless local access that
 * zonky's own start-up check needs, and the server listens on localhost only.
 *
 * <p>Files: {@code pgdata/} (the cluster; {@code postmaster.pid} inside), {@code binaries/} (PostgreSQL
 * extracted from the jar on first use), {@code postgres.log}, {@code ioc.password}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String DATABASE = "ioc";
    static final String USER = "ioc";
    /** Group role of the dashboards' read-only access (migration V8 grants it); see docs/dashboards.md. */
    public static final String READER_ROLE = "ioc_reader";
    /** Grafana's login on the embedded server: member of {@link #READER_ROLE}, read-only, trusted locally. */
    public static final String GRAFANA_LOGIN = "grafana";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Marks the pg_hba.conf lines this class added, so they are added only once. */
    private static final String HBA_MARKER = "# ioc role: password required (added by EmbeddedDatabase)";

    private final Path dataDir;
    private final int requestedPort;

    private EmbeddedPostgres postgres;
    private ProcessHandle postmaster;
    private String password;
    private int port;

    /**
     * @param dataDir directory for the cluster, the extracted binaries, the log and the role's password;
     *                created if missing
     * @param port    TCP port on localhost, or 0 for a free one picked at each start
     */
    public EmbeddedDatabase(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.requestedPort = port;
    }

    /**
     * Starts PostgreSQL (running {@code initdb} on first use) and prepares the {@value #DATABASE} database and
     * role. Stops a postmaster that an earlier, killed parent left running on this data directory first.
     */
    public synchronized void start() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already started");
        }
        long startNanos = System.nanoTime();
        int chosenPort = FreePorts.orFree(requestedPort);
        try {
            Files.createDirectories(dataDir);
            stopLeftoverPostmaster();
            password = readOrCreatePassword();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData())
                    .setCleanDataDirectory(false)
                    // By default zonky extracts the binaries into the system temp folder.
                    .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                    .setPort(chosenPort)
                    .setServerConfig("listen_addresses", "localhost")
                    // No Unix socket: clients use TCP, and a socket in /tmp would outlive a killed server.
                    .setServerConfig("unix_socket_directories", "")
                    // Zonky turns synchronous_commit off for speed; the hub's data must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(START_TIMEOUT)
                    .setOutputRedirector(
                            ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setErrorRedirector(
                            ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            port = chosenPort;
            postmaster = Processes.readPid(postmasterPidFile()).stream()
                    .mapToObj(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(null);
            prepareDatabase();
            LOG.info(
                    "PostgreSQL started at {} in {} ms (data {})",
                    jdbcUrl(),
                    (System.nanoTime() - startNanos) / 1_000_000,
                    pgData());
        } catch (IOException | SQLException | RuntimeException e) {
            close();
            throw new IllegalStateException(
                    "Could not start PostgreSQL in " + dataDir + "; end of " + logFile() + ":\n"
                            + Processes.tail(logFile(), 30),
                    e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/ioc}. */
    public synchronized String jdbcUrl() {
        requireStarted();
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The role the hub connects as. */
    public String user() {
        return USER;
    }

    /** The password of {@link #user()}. */
    public synchronized String password() {
        requireStarted();
        return password;
    }

    /** The TCP port the running server listens on. */
    public synchronized int port() {
        requireStarted();
        return port;
    }

    /** The pid of the postmaster, or -1 if it could not be read. */
    public synchronized long pid() {
        requireStarted();
        return postmaster == null ? -1 : postmaster.pid();
    }

    /** Stops PostgreSQL (fast shutdown) and waits until the postmaster has exited. Idempotent. */
    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping PostgreSQL failed", e);
        }
        // Zonky's own shutdown hook may be stopping the same server concurrently and then returns at once from
        // close(); waiting for the postmaster makes "closed" mean the data directory is no longer in use.
        if (postmaster != null && !Processes.awaitExit(postmaster, STOP_GRACE)) {
            LOG.warn("PostgreSQL (pid {}) still running {} after the stop request", postmaster.pid(), STOP_GRACE);
        }
        postgres = null;
        postmaster = null;
        LOG.info("PostgreSQL on port {} stopped", port);
    }

    /**
     * A postmaster keeps running when the JVM that started it is killed (pg_ctl detaches it). Its pid is the
     * first line of {@code postmaster.pid}; it is stopped when that process is a postgres server for this data
     * directory. SIGTERM is PostgreSQL's "smart" shutdown, which is immediate once the dead parent's connections
     * are gone. A pid file whose process is gone is left to PostgreSQL, which detects stale ones itself.
     */
    private void stopLeftoverPostmaster() {
        String dataPath = pgData().toString();
        OptionalLong pid = Processes.readPid(postmasterPidFile());
        pid.ifPresent(p -> Processes.stopLeftover(
                p,
                cmdline -> cmdline.get(0).endsWith("postgres") && cmdline.contains(dataPath),
                "PostgreSQL postmaster",
                STOP_GRACE));
    }

    /** Creates the role and database if missing and makes the role's password match {@code ioc.password}. */
    private void prepareDatabase() throws SQLException, IOException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            // DDL takes no bind parameters; the password is Base64url, so it has no quote to escape.
            String passwordLiteral = "'" + password + "'";
            if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("ALTER ROLE " + USER + " WITH LOGIN PASSWORD " + passwordLiteral);
            } else {
                statement.execute("CREATE ROLE " + USER + " WITH LOGIN PASSWORD " + passwordLiteral);
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
            // The dashboards' read-only group role, which migration V8 grants SELECT on the reader relations (the
            // hub's role may not create roles), and Grafana's login in it. Like every role but the hub's, the
            // login is trusted from this machine only (pg_hba.conf), as the superuser already is: a laptop default.
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", READER_ROLE)) {
                statement.execute("CREATE ROLE " + READER_ROLE + " NOLOGIN");
            }
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", GRAFANA_LOGIN)) {
                statement.execute("CREATE ROLE " + GRAFANA_LOGIN + " LOGIN IN ROLE " + READER_ROLE);
                statement.execute("ALTER ROLE " + GRAFANA_LOGIN + " SET default_transaction_read_only = on");
            }
            if (requirePasswordForRole()) {
                statement.execute("SELECT pg_reload_conf()");
            }
        }
    }

    /**
     * initdb is run by zonky with "trust" for everyone. Lines placed before those make the {@value #USER} role
     * authenticate with its password (pg_hba.conf uses the first matching line).
     *
     * @return whether pg_hba.conf was changed and must be reloaded
     */
    private boolean requirePasswordForRole() throws IOException {
        Path hba = pgData().resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
        if (lines.contains(HBA_MARKER)) {
            return false;
        }
        String rules = HBA_MARKER + "\n"
                + "host    all    " + USER + "    127.0.0.1/32    scram-sha-256\n"
                + "host    all    " + USER + "    ::1/128         scram-sha-256\n";
        Files.writeString(hba, rules + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return true;
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private String readOrCreatePassword() throws IOException {
        Path file = dataDir.resolve("ioc.password");
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Created with mode 600 from the start, so the password is never readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        }
        String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!stored.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException(file + " must hold a Base64url password");
        }
        return stored;
    }

    private void requireStarted() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not started");
        }
    }

    private Path pgData() {
        return dataDir.resolve("pgdata");
    }

    private Path postmasterPidFile() {
        return pgData().resolve("postmaster.pid");
    }

    private Path logFile() {
        return dataDir.resolve("postgres.log");
    }
}
