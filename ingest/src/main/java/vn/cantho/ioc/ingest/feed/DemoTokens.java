package vn.cantho.ioc.ingest.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.store.token.IssuedToken;
import vn.cantho.ioc.store.token.SecretFile;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * The demo tokens of the embedded default: one department token per registered department, issued at
 * the first start and written to {@code <data dir>/demo-tokens.txt} (mode 600), so a new user can push
 * a feed with one curl line. Only the hub's embedded default calls this; with an external database
 * (production) no token is created without an administrator.
 *
 * <p>File format: comment lines starting with {@code #}, then one {@code department=token} line per
 * department, so {@code grep '^cong-an=' demo-tokens.txt | cut -d= -f2} gives a token.
 */
public final class DemoTokens {

    public static final String FILE_NAME = "demo-tokens.txt";
    static final String LABEL = "demo token (embedded default)";

    private DemoTokens() {}

    /**
     * Issues the demo tokens and writes the file, unless the file exists already (tokens are issued once
     * per data directory).
     *
     * @return the file
     */
    public static Path ensure(Path dataDir, FeedRegistry registry, TokenService tokens) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return file;
        }
        List<String> lines = new ArrayList<>(List.of(
                "# Demo bearer tokens of the Cần Thơ IOC hub's embedded default, one per department.",
                "# Anyone who can read this file can push that department's feeds. Revoke a token with",
                "#   ./ioc token revoke <id>     (ids: ./ioc token list)",
                "# Push example (see README, \"Push a feed\"):",
                "#   curl -H \"Authorization: Bearer $(grep '^cong-an=' " + FILE_NAME + " | cut -d= -f2)\" ...",
                "# department=token"));
        for (Department department : registry.departments()) {
            IssuedToken issued = tokens.issue(TokenRole.DEPARTMENT, department.id(), LABEL);
            lines.add(department.id() + "=" + issued.secret());
        }
        SecretFile.write(file, lines, "the demo tokens");
        return file;
    }
}
