package vn.cantho.ioc.api.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hub's authenticator when OIDC is configured: a bearer that has the shape of a JWS compact
 * serialisation (three base64url parts, the last possibly empty as in {@code alg: none}) goes to the
 * JWT validator, everything else (the hub's {@code ioc_…} tokens) to the hub tokens. Hub tokens
 * contain no dot, so the two can never be mistaken for each other, and a JWT never reaches the token
 * store.
 */
public final class BearerAuthenticator implements Authenticator {

    private static final Pattern JWS_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Authenticator jwts;
    private final Authenticator hubTokens;

    public BearerAuthenticator(Authenticator jwts, Authenticator hubTokens) {
        this.jwts = jwts;
        this.hubTokens = hubTokens;
    }

    @Override
    public Optional<Principal> authenticate(String bearerToken) {
        return looksLikeJwt(bearerToken) ? jwts.authenticate(bearerToken) : hubTokens.authenticate(bearerToken);
    }

    static boolean looksLikeJwt(String bearerToken) {
        return JWS_SHAPE.matcher(bearerToken).matches();
    }
}
