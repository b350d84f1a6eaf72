package vn.cantho.ioc.hub;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.ingest.feed.Department;
import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.ApiToken;
import vn.cantho.ioc.store.token.IssuedToken;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * {@code ./ioc token ...}: the administrator's command for API tokens, a thin launcher over
 * {@link TokenService}. Uses the same configuration as the hub: the database of {@code DB_URL}, or the
 * embedded one in {@code IOC_DATA_DIR} (the running hub's, or started briefly when the hub is stopped).
 *
 * <pre>
 *   ./ioc token issue --department cong-an --label "Phòng CSGT - báo cáo ngày"
 *   ./ioc token issue --role admin --label "Tổ CNTT"
 *   ./ioc token list
 *   ./ioc token revoke 7
 * </pre>
 */
final class TokenCli {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: ioc token issue --department <id> --label <text>   issue a department token (shown once)",
            "       ioc token issue --role <leader|operator|admin> --label <text>",
            "       ioc token list                                     every token (never the secrets)",
            "       ioc token revoke <id>                              revoke a token for good");

    private TokenCli() {}

    /** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
    static int run(String[] args, Config environment, PrintStream out, PrintStream err) {
        quietLogs();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        HubConfig config;
        try {
            config = HubConfig.from(environment);
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            return 2;
        }
        try {
            return switch (args[0]) {
                case "issue" -> withTokens(config, tokens -> issue(args, config, tokens, out, err));
                case "list" -> withTokens(config, tokens -> list(tokens, out));
                case "revoke" -> revoke(args, config, out, err);
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private static int issue(String[] args, HubConfig config, TokenService tokens, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        TokenRole role;
        try {
            role = TokenRole.of(options.getOrDefault("role", "department"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String department = options.get("department");
        String label = options.get("label");
        if (label == null) {
            throw new UsageException("--label is required (who or what the token is for)");
        }
        if (role == TokenRole.DEPARTMENT) {
            FeedRegistry registry = config.feeds().registry();
            if (department == null || registry.department(department).isEmpty()) {
                throw new UsageException((department == null
                                ? "--department is required"
                                : "unknown department '" + department + "'")
                        + "; departments: "
                        + registry.departments().stream().map(Department::id).collect(Collectors.joining(", ")));
            }
        } else if (department != null) {
            throw new UsageException("--department applies only to department tokens");
        }
        IssuedToken issued = tokens.issue(role, department, label);
        ApiToken token = issued.token();
        out.println("Issued token " + token.id() + " (role " + role.id()
                + (department == null ? "" : ", department " + department) + ", label \"" + token.label() + "\"):");
        out.println();
        out.println("  " + issued.secret());
        out.println();
        out.println("Store it now: the hub keeps only its SHA-256 hash and cannot show it again.");
        out.println("Revoke it with: ./ioc token revoke " + token.id());
        return 0;
    }

    private static int list(TokenService tokens, PrintStream out) {
        List<ApiToken> all = tokens.list();
        String format = "%-5s %-10s %-22s %-20s %-25s %-25s %s%n";
        out.printf(format, "id", "role", "department", "token starts", "created", "revoked", "label");
        for (ApiToken token : all) {
            out.printf(
                    format,
                    token.id(),
                    token.role().id(),
                    token.department() == null ? "-" : token.department(),
                    token.hint() + "…",
                    token.createdAt(),
                    token.revokedAt() == null ? "-" : token.revokedAt(),
                    token.label());
        }
        out.println(all.size() + " token(s), "
                + all.stream().filter(ApiToken::active).count() + " active");
        return 0;
    }

    private static int revoke(String[] args, HubConfig config, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            throw new UsageException("revoke takes one token id (see ioc token list)");
        }
        long id;
        try {
            id = Long.parseLong(args[1]);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + args[1] + "' is not a token id (see ioc token list)");
        }
        return withTokens(config, tokens -> {
            if (tokens.revoke(id)) {
                out.println("Token " + id + " revoked; it no longer authenticates.");
                return 0;
            }
            err.println("No active token " + id + " (unknown or already revoked).");
            return 1;
        });
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        List<String> unknown = new ArrayList<>(options.keySet());
        unknown.removeAll(List.of("role", "department", "label"));
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option(s) --" + String.join(", --", unknown));
        }
        return options;
    }

    /** Opens the configured database (starting the embedded one if the hub is not running) for one action. */
    private static int withTokens(HubConfig hub, java.util.function.Function<TokenService, Integer> action) {
        HubConfig.Platform config = hub.platform();
        if (config.dbUrl().isPresent()) {
            try (Database database = Database.open(config.dbUrl().get(), config.dbUser(), config.dbPassword(), 1)) {
                return action.apply(new TokenService(database.dataSource()));
            }
        }
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Path postgresDir = dataDir.resolve("postgres");
        OptionalInt runningPort = runningPort(postgresDir.resolve("pgdata").resolve("postmaster.pid"));
        if (runningPort.isPresent()) {
            // The hub (or an earlier command) is running the embedded database: use it, never start a second one.
            String url = "jdbc:postgresql://127.0.0.1:" + runningPort.getAsInt() + "/ioc";
            try (Database database = Database.open(url, "ioc", read(postgresDir.resolve("ioc.password")), 1)) {
                return action.apply(new TokenService(database.dataSource()));
            }
        }
        try (EmbeddedServers servers = new EmbeddedServers(
                dataDir, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(config.dbPort()))) {
            servers.start();
            EmbeddedServers.DatabaseConnection db = servers.database().orElseThrow();
            try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password(), 1)) {
                return action.apply(new TokenService(database.dataSource()));
            }
        }
    }

    /**
     * The port of a live PostgreSQL server on this data directory, from its {@code postmaster.pid}
     * (line 1 the pid, line 4 the port); empty when there is none or its process is gone.
     */
    static OptionalInt runningPort(Path postmasterPid) {
        try {
            List<String> lines = Files.readAllLines(postmasterPid, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    ? OptionalInt.of(port)
                    : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The command prints its own results; the libraries' and the hub's INFO lines would only clutter them. */
    private static void quietLogs() {
        if (LoggerFactory.getLogger("vn.cantho.ioc") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
