package vn.cantho.ioc.api.auth.jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.cantho.ioc.model.config.Setting;

/**
 * The configuration keys of OIDC JWT authentication (see {@code api/README.md}, "Authentication").
 * OIDC is off while {@link #ISSUER} is empty; then only the hub's own tokens authenticate.
 */
public final class OidcSettings {

    public static final Setting<String> ISSUER = Setting.text(
            "OIDC_ISSUER",
            "",
            "Issuer of the city's identity provider whose JWT access tokens the API accepts besides hub tokens, "
                    + "exactly as in the tokens' iss claim (e.g. https://sso.cantho.gov.vn/realms/ioc); empty = OIDC off.");
    public static final Setting<String> AUDIENCE = Setting.text(
            "OIDC_AUDIENCE",
            "",
            "Audience a JWT must name in its aud claim (the hub's client id at the identity provider); required "
                    + "with OIDC_ISSUER.");
    public static final Setting<String> JWKS_URL = Setting.text(
            "OIDC_JWKS_URL",
            "",
            "URL of the identity provider's signing keys (JWKS); empty = discovered from "
                    + "<OIDC_ISSUER>/.well-known/openid-configuration. https only (http for loopback addresses).");
    public static final Setting<Optional<Path>> JWKS_FILE = Setting.optionalFile(
            "OIDC_JWKS_FILE",
            "JWKS file to read the signing keys from instead of fetching them (air-gapped sites); read at start.");
    public static final Setting<String> ROLES_CLAIM = Setting.text(
            "OIDC_ROLES_CLAIM",
            "roles",
            "Claim with the user's roles: a claim name, or a dotted path such as realm_access.roles (Keycloak).");
    public static final Setting<String> ROLE_MAP = Setting.text(
            "OIDC_ROLE_MAP",
            "",
            "Identity-provider role to hub role, e.g. ioc-operator=operator,ioc-leader=leader; empty = the roles "
                    + "named leader, operator, admin and department are the hub roles. Highest role wins.");
    public static final Setting<String> DEPARTMENT_CLAIM = Setting.text(
            "OIDC_DEPARTMENT_CLAIM",
            "department",
            "Claim (name or dotted path) with the department of a user with the department role.");
    public static final Setting<String> USERNAME_CLAIM = Setting.text(
            "OIDC_USERNAME_CLAIM",
            "preferred_username",
            "Claim shown as the user's name in the audit trail, next to the stable sub; sub when absent.");
    public static final Setting<Duration> CLOCK_SKEW = Setting.duration(
                    "OIDC_CLOCK_SKEW",
                    "60s",
                    "Clock difference tolerated when checking a JWT's exp and nbf (at most 5m).")
            .check(skew -> skew.compareTo(OidcOptions.MAX_CLOCK_SKEW) <= 0, "at most 5m");
    public static final Setting<Duration> JWKS_REFRESH = Setting.duration(
                    "OIDC_JWKS_REFRESH",
                    "15m",
                    "How old the cached signing keys may get before the next JWT fetches them again (an unknown kid "
                            + "fetches at once, at most every 30 s); while the identity provider is down the cached keys stay in use.")
            .check(refresh -> refresh.compareTo(JwksCache.MIN_FETCH_INTERVAL) >= 0, "at least 30s");

    private OidcSettings() {}

    public static List<Setting<?>> all() {
        return List.of(
                ISSUER,
                AUDIENCE,
                JWKS_URL,
                JWKS_FILE,
                ROLES_CLAIM,
                ROLE_MAP,
                DEPARTMENT_CLAIM,
                USERNAME_CLAIM,
                CLOCK_SKEW,
                JWKS_REFRESH);
    }
}
