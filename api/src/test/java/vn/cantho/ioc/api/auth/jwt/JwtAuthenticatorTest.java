package vn.cantho.ioc.api.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cantho.ioc.api.auth.Principal;
import vn.cantho.ioc.api.auth.TokenRejectedException;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.store.token.TokenRole;

/** What the JWT validator accepts and refuses, with keys generated for the test and a fixed clock. */
class JwtAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final TestIdp IDP = new TestIdp("https://sso.cantho.gov.vn/realms/ioc");
    private static final TestIdp OTHER_IDP = new TestIdp("https://sso.cantho.gov.vn/realms/ioc");

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingSource source = new CountingSource(IDP);

    @Test
    void each_realm_role_becomes_its_hub_role_and_the_actor_names_the_user_and_the_issuer() {
        JwtAuthenticator authenticator = authenticator("", "realm_access.roles");
        for (TokenRole role : List.of(TokenRole.LEADER, TokenRole.OPERATOR, TokenRole.ADMIN)) {
            Principal principal = authenticate(
                    authenticator, IDP.claims("nva", NOW, role.id()).build());

            assertThat(principal.role()).as(role.id()).isEqualTo(role);
            assertThat(principal.department()).isNull();
            assertThat(principal.label()).isEqualTo("nva");
            assertThat(principal.actor())
                    .isEqualTo("nva #oidc:sso.cantho.gov.vn/"
                            + IDP.claims("nva", NOW).build().getSubject());
        }
    }

    @Test
    void a_configured_role_map_replaces_the_hub_role_names_and_the_highest_role_wins() {
        JwtAuthenticator authenticator = authenticator("ioc-leader=leader,ioc-operator=operator", "realm_access.roles");

        assertThat(authenticate(
                                authenticator,
                                IDP.claims("a", NOW, "ioc-leader", "ioc-operator", "offline_access")
                                        .build())
                        .role())
                .isEqualTo(TokenRole.OPERATOR);
        assertThat(authenticate(
                                authenticator,
                                IDP.claims("b", NOW, "ioc-leader").build())
                        .role())
                .isEqualTo(TokenRole.LEADER);
        assertThatThrownBy(() -> authenticate(
                        authenticator, IDP.claims("c", NOW, "admin").build()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void a_valid_token_without_any_hub_role_is_403_naming_the_claim() {
        assertThatThrownBy(() -> authenticate(
                        authenticator("", "realm_access.roles"),
                        IDP.claims("khach", NOW, "offline_access", "uma_authorization")
                                .build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).contains("realm_access.roles");
                });
    }

    @Test
    void a_department_user_gets_the_department_of_its_claim_and_without_it_is_403() {
        JwtAuthenticator authenticator = authenticator("", "realm_access.roles");

        Principal principal = authenticate(
                authenticator,
                IDP.claims("ca", NOW, "department")
                        .claim("department", "cong-an")
                        .build());
        assertThat(principal.role()).isEqualTo(TokenRole.DEPARTMENT);
        assertThat(principal.department()).isEqualTo("cong-an");

        assertThatThrownBy(() -> authenticate(
                        authenticator, IDP.claims("ca", NOW, "department").build()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void roles_are_read_from_a_top_level_array_a_namespaced_claim_or_a_space_separated_string() {
        Principal azure = authenticate(
                authenticator("", "roles"),
                IDP.claims("az", NOW).claim("roles", List.of("leader")).build());
        Principal namespaced = authenticate(
                authenticator("", "https://cantho.gov.vn/roles"),
                IDP.claims("ns", NOW)
                        .claim("https://cantho.gov.vn/roles", "leader operator")
                        .build());

        assertThat(azure.role()).isEqualTo(TokenRole.LEADER);
        assertThat(namespaced.role()).isEqualTo(TokenRole.OPERATOR);
    }

    @Test
    void an_es256_token_is_accepted() {
        String token = TestIdp.sign(IDP.claims("ec", NOW, "leader").build(), IDP.ecKey(), JWSAlgorithm.ES256, h -> {});

        assertThat(authenticator("", "realm_access.roles")
                        .authenticate(token)
                        .orElseThrow()
                        .role())
                .isEqualTo(TokenRole.LEADER);
    }

    @Test
    void exp_and_nbf_tolerate_the_clock_skew_and_no_more() {
        JwtAuthenticator authenticator = authenticator("", "realm_access.roles");
        String token = IDP.sign(IDP.claims("nva", NOW, "leader").build());

        clock.set(NOW.plusSeconds(300 + 59));
        assertThat(authenticator.authenticate(token)).isPresent();
        clock.set(NOW.plusSeconds(300 + 60));
        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("expired");

        clock.set(NOW.minusSeconds(60));
        assertThat(authenticator.authenticate(token)).isPresent();
        clock.set(NOW.minusSeconds(61));
        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("not valid before");
    }

    static Stream<Arguments> refused() {
        Function<JWTClaimsSet.Builder, String> rs256 = claims -> IDP.sign(claims.build());
        return Stream.of(
                Arguments.of("expired", rs256.apply(IDP.claims("x", NOW.minusSeconds(3600), "admin")), "expired"),
                Arguments.of(
                        "not yet valid",
                        rs256.apply(IDP.claims("x", NOW.plusSeconds(3600), "admin")),
                        "not valid before"),
                Arguments.of("no exp", rs256.apply(IDP.claims("x", NOW, "admin").expirationTime(null)), "no exp"),
                Arguments.of("no sub", rs256.apply(IDP.claims("x", NOW, "admin").subject(null)), "no sub"),
                Arguments.of(
                        "wrong issuer",
                        rs256.apply(IDP.claims("x", NOW, "admin").issuer("https://sso.cantho.gov.vn/realms/other")),
                        "issuer"),
                Arguments.of(
                        "wrong audience",
                        rs256.apply(IDP.claims("x", NOW, "admin").audience("account")),
                        "audience"),
                Arguments.of(
                        "no audience", rs256.apply(IDP.claims("x", NOW, "admin").audience((String) null)), "audience"),
                Arguments.of(
                        "signed by another key with the same kid",
                        TestIdp.sign(
                                IDP.claims("x", NOW, "admin").build(), sameKidOtherKey(), JWSAlgorithm.RS256, h -> {}),
                        "bad signature"),
                Arguments.of("claims changed after signing", tampered(), "bad signature"),
                Arguments.of(
                        "signed by another identity provider",
                        TestIdp.sign(
                                IDP.claims("x", NOW, "admin").build(), OTHER_IDP.rsaKey(), JWSAlgorithm.RS256, h -> {}),
                        "unknown signing key"),
                Arguments.of(
                        "alg none", new PlainJWT(IDP.claims("x", NOW, "admin").build()).serialize(), "alg none"),
                Arguments.of("HS256 with the public key as secret", hs256(), "algorithm HS256 is not accepted"),
                Arguments.of(
                        "RS256 header on an EC key",
                        TestIdp.sign(
                                IDP.claims("x", NOW, "admin").build(),
                                IDP.rsaKey(),
                                JWSAlgorithm.RS256,
                                h -> h.keyID(IDP.ecKey().getKeyID())),
                        "unknown signing key"),
                Arguments.of("garbage", "abc.def.ghi", "not a signed JWT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void an_invalid_token_is_rejected_saying_why(String name, String token, String reason) {
        assertThatThrownBy(() -> authenticator("", "realm_access.roles").authenticate(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void an_unknown_kid_fetches_the_keys_once_more_and_a_rotated_key_then_works() {
        JwtAuthenticator authenticator = authenticator("", "realm_access.roles");
        assertThat(authenticator.authenticate(
                        IDP.sign(IDP.claims("nva", NOW, "leader").build())))
                .isPresent();
        assertThat(source.fetches).isEqualTo(1);

        // When the IdP rotates to a new key, after the minimum interval between fetches
        RSAKey rotated = TestIdp.rsa();
        source.rotatedTo = rotated;
        clock.set(NOW.plus(JwksCache.MIN_FETCH_INTERVAL));
        String newToken = TestIdp.sign(
                IDP.claims("nva", clock.instant(), "leader").build(), rotated, JWSAlgorithm.RS256, h -> {});

        // Then one fetch finds it, and further tokens with unknown kids do not fetch again so soon
        assertThat(authenticator.authenticate(newToken)).isPresent();
        assertThat(source.fetches).isEqualTo(2);
        String unknown = TestIdp.sign(
                IDP.claims("nva", clock.instant(), "leader").build(), TestIdp.rsa(), JWSAlgorithm.RS256, h -> {});
        assertThatThrownBy(() -> authenticator.authenticate(unknown)).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> authenticator.authenticate(unknown)).isInstanceOf(TokenRejectedException.class);
        assertThat(source.fetches).isEqualTo(2);
    }

    @Test
    void keys_are_fetched_again_when_older_than_the_refresh_interval_and_kept_while_the_idp_is_down() {
        JwtAuthenticator authenticator = authenticator("", "realm_access.roles");
        assertThat(authenticator.authenticate(
                        IDP.sign(IDP.claims("nva", NOW, "leader").build())))
                .isPresent();

        source.down = true;
        clock.set(NOW.plus(Duration.ofMinutes(15)));
        String token = IDP.sign(IDP.claims("nva", clock.instant(), "operator").build());

        assertThat(authenticator.authenticate(token).orElseThrow().role()).isEqualTo(TokenRole.OPERATOR);
        assertThat(source.fetches).isEqualTo(2);
    }

    @Test
    void without_any_cached_key_an_unreachable_idp_is_503_and_is_not_asked_again_within_30_seconds() {
        source.down = true;
        JwtAuthenticator authenticator = authenticator("", "realm_access.roles");
        String token = IDP.sign(IDP.claims("nva", NOW, "leader").build());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(token))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE));
        }
        assertThat(source.fetches).isEqualTo(1);

        source.down = false;
        clock.set(NOW.plus(JwksCache.MIN_FETCH_INTERVAL));
        assertThat(authenticator.authenticate(
                        IDP.sign(IDP.claims("nva", clock.instant(), "leader").build())))
                .isPresent();
    }

    private JwtAuthenticator authenticator(String roleMap, String rolesClaim) {
        OidcOptions options = new OidcOptions(
                IDP.issuer(),
                TestIdp.AUDIENCE,
                source,
                rolesClaim,
                RoleMapping.parse(roleMap),
                "department",
                "preferred_username",
                Duration.ofSeconds(60),
                Duration.ofMinutes(15));
        return new JwtAuthenticator(options, source, clock);
    }

    private static Principal authenticate(JwtAuthenticator authenticator, JWTClaimsSet claims) {
        return authenticator.authenticate(IDP.sign(claims)).orElseThrow();
    }

    private static RSAKey sameKidOtherKey() {
        RSAKey other = TestIdp.rsa();
        return new RSAKey.Builder(other).keyID(IDP.rsaKey().getKeyID()).build();
    }

    private static String tampered() {
        String[] parts = IDP.sign(IDP.claims("x", NOW, "leader").build()).split("\\.");
        JWTClaimsSet elevated = IDP.claims("x", NOW, "admin").build();
        return parts[0] + "." + Base64URL.encode(elevated.toString()) + "." + parts[2];
    }

    private static String hs256() {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(IDP.rsaKey().getKeyID())
                            .build(),
                    IDP.claims("x", NOW, "admin").build());
            jwt.sign(new MACSigner(IDP.rsaKey().toPublicJWK().toJSONString().getBytes()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IdP's key endpoint as the cache sees it: counts fetches, and can be down. */
    private static final class CountingSource implements JwksSource {
        final TestIdp idp;
        RSAKey rotatedTo;
        boolean down;
        int fetches;

        CountingSource(TestIdp idp) {
            this.idp = idp;
        }

        @Override
        public JWKSet fetch() throws IOException {
            fetches++;
            if (down) {
                throw new IOException("connection refused");
            }
            return rotatedTo == null ? idp.publicKeys() : new JWKSet(rotatedTo.toPublicJWK());
        }

        @Override
        public String describe() {
            return "test JWKS";
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
