package vn.cantho.ioc.api.auth.jwt;

import static vn.cantho.ioc.api.auth.jwt.OidcSettings.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.model.config.Setting;

/**
 * OIDC JWT authentication as configured, every key checked at start so a mistake stops the hub with
 * a message naming the key.
 *
 * @param issuer         the exact {@code iss} of accepted tokens
 * @param audience       what their {@code aud} must contain
 * @param keySource      where the signing keys come from
 * @param rolesClaim     claim name or dotted path with the user's roles
 * @param roles          identity-provider roles to hub roles
 * @param departmentClaim claim name or dotted path with a department user's department
 * @param usernameClaim  claim with the name shown in the audit trail
 * @param clockSkew      tolerance on {@code exp} and {@code nbf}
 * @param jwksRefresh    age at which cached keys are fetched again
 */
public record OidcOptions(
        String issuer,
        String audience,
        JwksSource keySource,
        String rolesClaim,
        RoleMapping roles,
        String departmentClaim,
        String usernameClaim,
        Duration clockSkew,
        Duration jwksRefresh) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long one request to the identity provider may take (connect, and the whole answer). */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    /** The options, or empty when {@code OIDC_ISSUER} is empty (OIDC off). */
    public static Optional<OidcOptions> from(Config config) {
        if (!config.isSet(ISSUER)) {
            for (Setting<?> setting : OidcSettings.all()) {
                if (config.isSet(setting)) {
                    throw new ConfigException(setting.key() + " is set but OIDC_ISSUER is empty: set OIDC_ISSUER to "
                            + "use OIDC, or unset " + setting.key());
                }
            }
            return Optional.empty();
        }
        String issuer = config.get(ISSUER).trim();
        if (!config.isSet(AUDIENCE)) {
            throw new ConfigException("OIDC_AUDIENCE is required with OIDC_ISSUER: the audience (client id) the "
                    + "identity provider puts in the hub's access tokens");
        }
        RoleMapping roles;
        try {
            roles = RoleMapping.parse(config.get(ROLE_MAP));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "invalid value '" + config.get(ROLE_MAP) + "' for " + ROLE_MAP.key() + ": " + e.getMessage());
        }
        return Optional.of(new OidcOptions(
                issuer,
                config.get(AUDIENCE).trim(),
                keySource(config, issuer),
                config.get(ROLES_CLAIM).trim(),
                roles,
                config.get(DEPARTMENT_CLAIM).trim(),
                config.get(USERNAME_CLAIM).trim(),
                config.get(CLOCK_SKEW),
                config.get(JWKS_REFRESH)));
    }

    private static JwksSource keySource(Config config, String issuer) {
        if (config.isSet(JWKS_URL) && config.isSet(JWKS_FILE)) {
            throw new ConfigException("OIDC_JWKS_URL and OIDC_JWKS_FILE are both set; set one");
        }
        Optional<Path> jwksFile = config.get(JWKS_FILE);
        if (jwksFile.isPresent()) {
            Path file = jwksFile.get();
            FileJwksSource source = new FileJwksSource(file);
            try {
                if (source.fetch().getKeys().isEmpty()) {
                    throw new IOException("no keys in it");
                }
            } catch (IOException e) {
                throw new ConfigException(
                        "invalid value '" + file + "' for " + JWKS_FILE.key() + ": " + e.getMessage());
            }
            return source;
        }
        if (config.isSet(JWKS_URL)) {
            String url = config.get(JWKS_URL).trim();
            try {
                return HttpJwksSource.at(URI.create(url), FETCH_TIMEOUT);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid value '" + url + "' for " + JWKS_URL.key() + ": " + e.getMessage());
            }
        }
        try {
            return HttpJwksSource.discovered(issuer, FETCH_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value '" + issuer + "' for " + ISSUER.key() + " (the signing keys are "
                    + "discovered from it while OIDC_JWKS_URL and OIDC_JWKS_FILE are empty): " + e.getMessage());
        }
    }
}
