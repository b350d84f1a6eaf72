package vn.cantho.ioc.api.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.store.token.TokenRole;

/** The OIDC keys are checked at start; a mistake names its key. */
class OidcOptionsTest {

    private static final String ISSUER = "https://sso.cantho.gov.vn/realms/ioc";

    @Test
    void without_an_issuer_oidc_is_off() {
        assertThat(OidcOptions.from(new Config(Map.of()))).isEmpty();
    }

    @Test
    void an_issuer_and_an_audience_are_enough_with_the_documented_defaults() {
        OidcOptions options = OidcOptions.from(config(Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub")))
                .orElseThrow();

        assertThat(options.issuer()).isEqualTo(ISSUER);
        assertThat(options.audience()).isEqualTo("ioc-hub");
        assertThat(options.keySource().describe())
                .isEqualTo("JWKS discovered at " + ISSUER + "/.well-known/openid-configuration");
        assertThat(options.rolesClaim()).isEqualTo("roles");
        assertThat(options.roles()).isEqualTo(RoleMapping.byHubRoleName());
        assertThat(options.departmentClaim()).isEqualTo("department");
        assertThat(options.usernameClaim()).isEqualTo("preferred_username");
        assertThat(options.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.jwksRefresh()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_role_map_and_a_jwks_url_are_taken_as_given() {
        OidcOptions options = OidcOptions.from(config(Map.of(
                        "OIDC_ISSUER",
                        ISSUER,
                        "OIDC_AUDIENCE",
                        "ioc-hub",
                        "OIDC_ROLE_MAP",
                        "ioc-operator=operator, ioc-leader=leader",
                        "OIDC_JWKS_URL",
                        ISSUER + "/protocol/openid-connect/certs")))
                .orElseThrow();

        assertThat(options.roles().idpToHub())
                .isEqualTo(Map.of("ioc-operator", TokenRole.OPERATOR, "ioc-leader", TokenRole.LEADER));
        assertThat(options.keySource().describe()).isEqualTo("JWKS " + ISSUER + "/protocol/openid-connect/certs");
    }

    @Test
    void a_jwks_file_is_read_at_start(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new TestIdp(ISSUER).publicKeys().toString());

        OidcOptions options = OidcOptions.from(config(
                        Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub", "OIDC_JWKS_FILE", file.toString())))
                .orElseThrow();

        assertThat(options.keySource().fetch().getKeys()).hasSize(2);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("issuer without audience", Map.of("OIDC_ISSUER", ISSUER), "OIDC_AUDIENCE is required"),
                Arguments.of(
                        "audience without issuer",
                        Map.of("OIDC_AUDIENCE", "ioc-hub"),
                        "OIDC_AUDIENCE is set but OIDC_ISSUER is empty"),
                Arguments.of(
                        "plain http issuer on the network",
                        Map.of("OIDC_ISSUER", "http://sso.cantho.gov.vn/realms/ioc", "OIDC_AUDIENCE", "ioc-hub"),
                        "for OIDC_ISSUER"),
                Arguments.of(
                        "plain http JWKS URL",
                        Map.of(
                                "OIDC_ISSUER",
                                ISSUER,
                                "OIDC_AUDIENCE",
                                "ioc-hub",
                                "OIDC_JWKS_URL",
                                "http://sso.cantho.gov.vn/certs"),
                        "for OIDC_JWKS_URL"),
                Arguments.of(
                        "URL and file",
                        Map.of(
                                "OIDC_ISSUER",
                                ISSUER,
                                "OIDC_AUDIENCE",
                                "ioc-hub",
                                "OIDC_JWKS_URL",
                                ISSUER + "/certs",
                                "OIDC_JWKS_FILE",
                                "/etc/ioc/jwks.json"),
                        "both set"),
                Arguments.of(
                        "missing JWKS file",
                        Map.of(
                                "OIDC_ISSUER",
                                ISSUER,
                                "OIDC_AUDIENCE",
                                "ioc-hub",
                                "OIDC_JWKS_FILE",
                                "/no/such/jwks.json"),
                        "for OIDC_JWKS_FILE: no such file"),
                Arguments.of(
                        "role map to an unknown role",
                        Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub", "OIDC_ROLE_MAP", "ioc-boss=boss"),
                        "for OIDC_ROLE_MAP: unknown role 'boss'"),
                Arguments.of(
                        "role map without =",
                        Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub", "OIDC_ROLE_MAP", "operator"),
                        "for OIDC_ROLE_MAP"),
                Arguments.of(
                        "clock skew of an hour",
                        Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub", "OIDC_CLOCK_SKEW", "1h"),
                        "for OIDC_CLOCK_SKEW: expected at most 5m"),
                Arguments.of(
                        "clock skew not a duration",
                        Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub", "OIDC_CLOCK_SKEW", "soon"),
                        "for OIDC_CLOCK_SKEW"),
                Arguments.of(
                        "refresh every second",
                        Map.of("OIDC_ISSUER", ISSUER, "OIDC_AUDIENCE", "ioc-hub", "OIDC_JWKS_REFRESH", "1s"),
                        "for OIDC_JWKS_REFRESH: expected at least 30s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void a_mistake_stops_the_start_naming_the_key(String name, Map<String, String> values, String message) {
        assertThatThrownBy(() -> OidcOptions.from(config(values)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    private static Config config(Map<String, String> values) {
        return new Config(new HashMap<>(values));
    }
}
