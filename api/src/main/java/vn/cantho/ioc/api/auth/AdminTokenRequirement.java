package vn.cantho.ioc.api.auth;

import vn.cantho.ioc.store.token.ApiToken;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * Outside the embedded default there are no default credentials: the hub refuses to start until an
 * administrator has issued at least one {@code admin} token with {@code ./ioc token issue --role admin}
 * (against the same {@code DB_URL}), so a production hub never runs with an API that nobody can
 * administer or with tokens anyone could read from a demo file.
 */
public final class AdminTokenRequirement {

    private AdminTokenRequirement() {
    }

    /** @throws IllegalStateException naming the command to run when no active admin token exists */
    public static void check(TokenService tokens) {
        boolean hasAdmin = tokens.list().stream().anyMatch(AdminTokenRequirement::counts);
        if (!hasAdmin) {
            throw new IllegalStateException("no active admin API token in the external database (DB_URL): the hub has"
                    + " no default credentials outside the embedded default. Issue one first with the same DB_URL:"
                    + " ./ioc token issue --role admin --label \"<who it is for>\"");
        }
    }

    /** Whether this token counts for {@link #check}. */
    static boolean counts(ApiToken token) {
        return token.active() && token.role() == TokenRole.ADMIN;
    }
}
