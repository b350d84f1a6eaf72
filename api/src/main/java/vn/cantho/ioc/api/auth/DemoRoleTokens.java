package vn.cantho.ioc.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.store.token.IssuedToken;
import vn.cantho.ioc.store.token.SecretFile;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * The demo API tokens of the embedded default: one {@code leader}, one {@code operator} and one
 * {@code admin} token, issued at the first start and written to {@code <data dir>/api-tokens.txt}
 * (mode 600) so the console and curl work out of the box. (The department tokens are the feed API's,
 * in {@code demo-tokens.txt}.) Never called with an external database: production has no default
 * credentials.
 *
 * <p>File format: comment lines starting with {@code #}, then {@code role=token} lines, so
 * {@code grep '^operator=' api-tokens.txt | cut -d= -f2} gives the operator token.
 */
public final class DemoRoleTokens {

    public static final String FILE_NAME = "api-tokens.txt";
    static final List<TokenRole> ROLES = List.of(TokenRole.LEADER, TokenRole.OPERATOR, TokenRole.ADMIN);

    private DemoRoleTokens() {}

    /** Issues the tokens and writes the file, unless the file exists already (once per data directory). */
    public static Path ensure(Path dataDir, TokenService tokens) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return file;
        }
        List<String> lines = new ArrayList<>(List.of(
                "# Demo API tokens of the Cần Thơ IOC hub's embedded default: leader (read-only),",
                "# operator (acts on alerts) and admin. Anyone who can read this file has these roles.",
                "# Revoke one with ./ioc token revoke <id> (ids: ./ioc token list). Example:",
                "#   curl -H \"Authorization: Bearer $(grep '^operator=' " + FILE_NAME + " | cut -d= -f2)\" "
                        + "http://127.0.0.1:8080/api/v1/alerts",
                "# role=token"));
        for (TokenRole role : ROLES) {
            IssuedToken issued = tokens.issue(role, null, "demo " + role.id() + " (embedded default)");
            lines.add(role.id() + "=" + issued.secret());
        }
        SecretFile.write(file, lines, "the demo API tokens");
        return file;
    }
}
