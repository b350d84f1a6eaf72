package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The hub as a city runs it with its identity provider: an external database without any admin hub
 * token, {@code OIDC_*} set (keys from an exported JWKS file, as on an air-gapped site), and the IdP's
 * admin changes the device registry with a JWT, recorded under the IdP user's name.
 */
@Tag("hub")
@Tag("db")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubOidcIT {

    private static final String ISSUER = "https://sso.cantho.gov.vn/realms/ioc";
    private static final String GAUGE_JSON = "{\"id\":\"wl-thot-not-03\",\"name\":\"Trạm đo mực nước Thốt Nốt 3\","
            + "\"type\":\"water_gauge\",\"domain\":\"environment\",\"areaCode\":\"thot-not\",\"lat\":10.27,"
            + "\"lon\":105.53,\"owner\":\"dai-kttv\",\"metrics\":[\"water_level\"]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void with_an_external_database_and_oidc_the_hub_starts_without_an_admin_token_and_the_idps_admin_administers_it()
            throws Exception {
        // Given an external database with no token at all, and the IdP's keys exported to a file
        Path dataDir = WorkDirectories.temporary("hub-oidc-it");
        RSAKey key = new RSAKeyGenerator(2048)
                .keyID("hub-oidc-it")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        Path jwks = dataDir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key).toPublicJWKSet().toString());

        // When
        try (Hub hub = hub(dataDir, jwks).start()) {
            TestHub.awaitHealthy(hub, "api");

            // Then
            assertThat(hub.endpoints().apiTokens()).isEmpty();
            HttpResponse<String> put =
                    send(hub, jwt(key, "admin.cntt", "ioc-admin"), "PUT", "/api/v1/devices/wl-thot-not-03", GAUGE_JSON);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(put.body()).path("changedBy").asText())
                    .startsWith("admin.cntt #oidc:sso.cantho.gov.vn/");
            HttpResponse<String> byLeader =
                    send(hub, jwt(key, "lanh.dao", "ioc-leader"), "DELETE", "/api/v1/devices/wl-thot-not-03", null);
            assertThat(byLeader.statusCode()).as(byLeader.body()).isEqualTo(403);
            HttpResponse<String> read =
                    send(hub, jwt(key, "lanh.dao", "ioc-leader"), "GET", "/api/v1/devices/wl-thot-not-03", null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        }
    }

    /** The hub on an external database (the shared test PostgreSQL, a schema it has never seen) with OIDC on. */
    private static TestHub hub(Path dataDir, Path jwks) {
        SharedServers servers = SharedServers.get();
        return TestHub.in(dataDir)
                .with("DB_URL", servers.freshSchemaUrl("hub_oidc"))
                .with("DB_USER", servers.dbUser())
                .with("DB_PASSWORD", servers.dbPassword())
                .with("OIDC_ISSUER", ISSUER)
                .with("OIDC_AUDIENCE", "ioc-hub")
                .with("OIDC_JWKS_FILE", jwks.toString())
                .with("OIDC_ROLES_CLAIM", "realm_access.roles")
                .with("OIDC_ROLE_MAP", "ioc-admin=admin,ioc-leader=leader");
    }

    private static String jwt(RSAKey key, String username, String role) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of("ioc-hub", "account"))
                .subject("sub-" + username)
                .claim("preferred_username", username)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of(role, "offline_access")))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> send(Hub hub, String token, String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + hub.endpoints().httpPort() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
