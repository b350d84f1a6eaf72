package vn.cantho.ioc.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.store.token.TokenRole;

/** Which bearers go to the JWT validator and which to the hub tokens. */
class BearerAuthenticatorTest {

    private final BearerAuthenticator authenticator = new BearerAuthenticator(
            token -> Optional.of(new Principal("jwt", TokenRole.LEADER, null, "jwt")),
            token -> Optional.of(new Principal("hub", TokenRole.LEADER, null, "hub")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ioc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE, hub",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl, jwt",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0., jwt",
        "a.b, hub",
        "a.b.c.d.e, hub",
        "not a token at all, hub"
    })
    void a_bearer_shaped_like_a_jws_goes_to_the_jwt_validator_and_anything_else_to_the_hub_tokens(
            String bearer, String expected) {
        assertThat(authenticator.authenticate(bearer).orElseThrow().subject()).isEqualTo(expected);
    }
}
