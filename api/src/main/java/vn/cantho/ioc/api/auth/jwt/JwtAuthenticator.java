package vn.cantho.ioc.api.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.auth.Principal;
import vn.cantho.ioc.api.auth.TokenRejectedException;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * Authenticates the access tokens (JWTs) of the city's identity provider: the signature against the
 * IdP's published keys (RSA and EC only: {@code none} and the HMAC algorithms, whose key would have to
 * be a secret shared with the IdP, are refused), {@code iss} equal to the configured issuer,
 * {@code aud} naming the configured audience, {@code exp} (required) and {@code nbf} with the
 * configured clock skew, and a {@code sub}. Key hints in the header ({@code jku}, {@code jwk},
 * {@code x5u}) are ignored: only the configured key source is trusted.
 *
 * <p>An invalid token is a {@link TokenRejectedException} (401, saying why). A valid token whose
 * roles claim names no hub role is a 403 {@code FORBIDDEN}: the user is known, the hub just grants
 * them nothing — as a department user without a department claim. Keys that cannot be fetched (and
 * none cached) are a 503 {@code IDENTITY_PROVIDER_UNAVAILABLE}, never a 401, so clients retry instead
 * of sending their users to log in again.
 */
public final class JwtAuthenticator implements Authenticator {

    /** RSASSA (PKCS#1 v1.5 and PSS) and ECDSA; nothing else is ever accepted. */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private final OidcOptions options;
    private final JwksCache keys;
    private final Clock clock;
    private final String issuerMarker;

    public JwtAuthenticator(OidcOptions options, JwksSource keySource, Clock clock) {
        this.options = options;
        this.keys = new JwksCache(keySource, clock, options.jwksRefresh());
        this.clock = clock;
        this.issuerMarker = "oidc:" + issuerHost(options.issuer()) + "/";
    }

    /** Fetches the keys now (failures are logged, not thrown: the IdP may come up after the hub). */
    public JwtAuthenticator prefetchKeys() {
        keys.prefetch();
        return this;
    }

    @Override
    public Optional<Principal> authenticate(String bearerToken) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(bearerToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejectedException(
                    isUnsecured(bearerToken)
                            ? "unsecured JWTs (alg none) are refused"
                            : "not a signed JWT (" + e.getMessage() + ")");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!ACCEPTED.contains(algorithm)) {
            throw new TokenRejectedException("algorithm " + algorithm + " is not accepted; expected one of RS256, "
                    + "RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512");
        }
        verifySignature(jwt, algorithm);
        checkClaims(claims);
        return Optional.of(principal(claims.getClaims(), claims.getSubject()));
    }

    private static boolean isUnsecured(String token) {
        try {
            return JWTParser.parse(token) instanceof PlainJWT;
        } catch (ParseException e) {
            return false;
        }
    }

    private void verifySignature(SignedJWT jwt, JWSAlgorithm algorithm) {
        String keyId = jwt.getHeader().getKeyID();
        List<JWK> candidates;
        try {
            candidates = keys.candidates(keyId, algorithm);
        } catch (JwksUnavailableException e) {
            throw new ApiException(ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, e.getMessage() + "; try again shortly");
        }
        if (candidates.isEmpty()) {
            throw new TokenRejectedException(
                    keyId == null
                            ? "no signing key of the identity provider fits " + algorithm
                            : "unknown signing key '" + keyId + "'");
        }
        for (JWK key : candidates) {
            if (verifies(jwt, key)) {
                return;
            }
        }
        throw new TokenRejectedException("bad signature");
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private void checkClaims(JWTClaimsSet claims) {
        if (!options.issuer().equals(claims.getIssuer())) {
            throw new TokenRejectedException("issuer '" + claims.getIssuer() + "' is not the configured one");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(options.audience())) {
            throw new TokenRejectedException(
                    "audience " + claims.getAudience() + " does not include '" + options.audience() + "'");
        }
        Instant now = clock.instant();
        Duration skew = options.clockSkew();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new TokenRejectedException("no exp claim; tokens without an expiry are refused");
        }
        if (!now.isBefore(expires.toInstant().plus(skew))) {
            throw new TokenRejectedException("expired at " + expires.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(skew))) {
            throw new TokenRejectedException("not valid before " + notBefore.toInstant());
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new TokenRejectedException("no sub claim");
        }
    }

    private Principal principal(Map<String, Object> claims, String subject) {
        List<String> idpRoles = Claims.strings(claims, options.rolesClaim());
        TokenRole role = options.roles()
                .highest(idpRoles)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.FORBIDDEN,
                        "the token is valid but its " + options.rolesClaim() + " claim names no role of the hub "
                                + idpRoles + "; ask the identity provider's administrator for one"));
        String department = null;
        if (role == TokenRole.DEPARTMENT) {
            department = Claims.text(claims, options.departmentClaim())
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.FORBIDDEN,
                            "the department role needs a " + options.departmentClaim() + " claim"));
        }
        String label = Claims.text(claims, options.usernameClaim()).orElse(subject);
        return new Principal(issuerMarker + subject, role, department, label);
    }

    private static String issuerHost(String issuer) {
        try {
            String host = URI.create(issuer).getHost();
            return host != null ? host : issuer;
        } catch (IllegalArgumentException e) {
            return issuer;
        }
    }
}
