package vn.cantho.ioc.api.auth.jwt;

import java.time.Clock;
import java.util.Optional;
import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.auth.BearerAuthenticator;

/** The API's authenticator: the hub tokens alone, or with OIDC configured JWTs besides them. */
public final class OidcAuthentication {

    private OidcAuthentication() {}

    /**
     * {@code hubTokens} unchanged when {@code oidc} is empty; else a {@link BearerAuthenticator} that sends
     * JWTs to a {@link JwtAuthenticator} (whose keys are fetched once now, failures only logged).
     */
    public static Authenticator around(Authenticator hubTokens, Optional<OidcOptions> oidc, Clock clock) {
        return oidc.<Authenticator>map(options -> new BearerAuthenticator(
                        new JwtAuthenticator(options, options.keySource(), clock).prefetchKeys(), hubTokens))
                .orElse(hubTokens);
    }
}
