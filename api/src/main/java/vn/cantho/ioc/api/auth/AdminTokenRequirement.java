package vn.cantho.ioc.api.auth;

import vn.cantho.ioc.store.token.ApiToken;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * Outside the embedded default there are no default credentials: the hub refuses to start until an
 * administrator has issued at least one {@code admin} token with {@code ./ioc token issue --role admin}
 * (against the same {@code DB_URL}), so a production hub never runs with an API that nobody can
 * administer or with tokens anyone could read from a demo file.
 *
 * <p>With OIDC configured the requirement is met by the identity provider instead: its users with the
 * admin role administer the hub, and a city that manages its people in the IdP should not need a hub
 * token at all before the first start.
 */
public final class AdminTokenRequirement {

    private AdminTokenRequirement() {}

    /**
     * @param oidcConfigured whether JWTs of an identity provider are accepted (then nothing is checked)
     * @throws IllegalStateException naming the command to run when no active admin token exists
     */
    public static void check(TokenService tokens, boolean oidcConfigured) {
        if (oidcConfigured) {
            return;
        }
        boolean hasAdmin = tokens.list().stream().anyMatch(AdminTokenRequirement::counts);
        if (!hasAdmin) {
            throw new IllegalStateException("no active admin API token in the external database (DB_URL): the hub has"
                    + " no default credentials outside the embedded default. Issue one first with the same DB_URL:"
                    + " ./ioc token issue --role admin --label \"<who it is for>\" (or configure OIDC_ISSUER, so that"
                    + " the identity provider's admins administer the hub)");
        }
    }

    /** Whether this token counts for {@link #check}. */
    static boolean counts(ApiToken token) {
        return token.active() && token.role() == TokenRole.ADMIN;
    }
}
