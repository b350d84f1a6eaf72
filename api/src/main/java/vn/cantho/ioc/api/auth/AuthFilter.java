package vn.cantho.ioc.api.auth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * Guards everything under {@code /api/v1} and the Alertmanager API v2 subset under {@code /am}: first authentication (no or unknown token, or an invalid
 * JWT → 401 {@code UNAUTHENTICATED}, for any path, so the API's shape is not revealed to strangers), then, for
 * the matched route, the {@link Access} it declares against the token's role (→ 403 {@code FORBIDDEN}).
 * {@code /health}, {@code /metrics} and the console's static files are outside and stay open.
 */
public final class AuthFilter {

    /** Everything under this prefix needs a token. */
    public static final String PROTECTED_PREFIX = "/api/v1/";
    /** The Alertmanager API v2 subset (package {@code alertmanager}): the same tokens and roles. */
    public static final String ALERTMANAGER_PREFIX = "/am/";

    private static final List<String> PROTECTED = List.of(PROTECTED_PREFIX, ALERTMANAGER_PREFIX);

    private static final String PRINCIPAL = AuthFilter.class.getName() + ".principal";
    private static final String BEARER = "bearer ";

    private final Authenticator authenticator;

    public AuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public void register(JavalinDefaultRouting router) {
        for (String prefix : PROTECTED) {
            router.before(prefix + "*", AuthFilter::noStore);
            router.before(prefix + "*", this::authenticate);
        }
        router.beforeMatched(this::authorize);
    }

    /** The principal of an authenticated request (only on routes under a protected prefix). */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException(
                    "no principal on " + ctx.path() + "; is it under " + PROTECTED_PREFIX + "?");
        }
        return principal;
    }

    /**
     * Answers under the protected prefixes are for their token's holder only: no cache (a proxy or the browser)
     * keeps them, and no browser guesses another content type than the one sent. Set first, so errors carry them too.
     */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthenticated(ctx, "missing Authorization: Bearer <token> header");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthenticated(ctx, "the Authorization header must be Bearer <token>");
        }
        Optional<Principal> principal;
        try {
            principal =
                    authenticator.authenticate(header.substring(BEARER.length()).strip());
        } catch (TokenRejectedException e) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ioc\", error=\"invalid_token\"");
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "invalid token: " + e.getMessage());
        }
        if (principal.isEmpty()) {
            throw unauthenticated(ctx, "unknown or revoked token");
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    private void authorize(Context ctx) {
        if (PROTECTED.stream().noneMatch(ctx.path()::startsWith)) {
            return;
        }
        Principal principal = principal(ctx);
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "this endpoint declares no access rule; refused");
        }
        Set<Access> granted = Access.grantedTo(principal.role());
        for (RouteRole role : required) {
            if (!granted.contains((Access) role)) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN,
                        "role " + principal.role().id() + " may not "
                                + describe((Access) role)
                                + (principal.role() == TokenRole.DEPARTMENT
                                        ? "; department tokens push their own feeds on the feed API and answer requests for"
                                                + " explanation addressed to them"
                                        : ""));
            }
        }
    }

    private static String describe(Access access) {
        return switch (access) {
            case READ -> "read the API";
            case ACT -> "act on alerts (operator or admin only)";
            case ADMIN -> "administer the hub (admin only)";
            case REQUEST_EXPLANATION -> "send requests for explanation (leader or admin only)";
            case READ_EXPLANATIONS -> "read requests for explanation";
            case ANSWER_EXPLANATION -> "answer requests for explanation (the addressed department or admin only)";
        };
    }

    private static ApiException unauthenticated(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"ioc\"");
        return new ApiException(ErrorCode.UNAUTHENTICATED, message);
    }
}
