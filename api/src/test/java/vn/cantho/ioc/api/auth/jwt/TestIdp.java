package vn.cantho.ioc.api.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The signing side of an identity provider for tests: its own RSA and EC keys, generated per test
 * run, and access tokens signed with them the way Keycloak issues them.
 */
public final class TestIdp {

    public static final String AUDIENCE = "ioc-hub";

    private final String issuer;
    private final List<JWK> keys = new ArrayList<>();

    public TestIdp(String issuer) {
        this.issuer = issuer;
        keys.add(rsa());
        keys.add(ec());
    }

    public String issuer() {
        return issuer;
    }

    public RSAKey rsaKey() {
        return (RSAKey) keys.get(0);
    }

    public ECKey ecKey() {
        return (ECKey) keys.get(1);
    }

    /** A new RSA key that the published key set does not contain yet (until {@link #publish}). */
    public static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("rsa-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID("ec-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a key to the published set (a key rotation). */
    public void publish(JWK key) {
        keys.add(key);
    }

    /** The public keys, as the IdP publishes them at its jwks_uri. */
    public JWKSet publicKeys() {
        return new JWKSet(keys).toPublicJWKSet();
    }

    /** Claims of a valid token for this user with these realm roles, valid for 5 minutes from {@code now}. */
    public JWTClaimsSet.Builder claims(String username, Instant now, String... realmRoles) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of(realmRoles)));
    }

    /** An RS256 token for this user and these realm roles, valid for 5 minutes from now. */
    public String token(String username, String... realmRoles) {
        return sign(claims(username, Instant.now(), realmRoles).build());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, rsaKey(), JWSAlgorithm.RS256, header -> {});
    }

    public static String sign(
            JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm, Consumer<JWSHeader.Builder> header) {
        JWSHeader.Builder builder =
                new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
        header.accept(builder);
        SignedJWT jwt = new SignedJWT(builder.build(), claims);
        try {
            jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
