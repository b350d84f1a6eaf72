package vn.cantho.ioc.api.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.api.alert.Incidents;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * JWTs of a city identity provider against the real API server and database, beside the hub's own
 * tokens: the keys come over HTTP from the IdP's discovery document and JWKS (a small in-test IdP,
 * as Keycloak serves them), configured through the same keys as the hub's ({@code OIDC_*}).
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OidcAuthIT {

    private static final String AREAS = "/api/v1/areas";

    private static Database database;
    private static TestTokens tokens;
    private static Incidents incidents;
    private static TestIdpServer idpServer;
    private static TestIdp idp;
    private static ApiServer server;

    @BeforeAll
    static void start() throws SQLException, IOException {
        database = TestDatabase.openFreshSchema("oidc_auth_it");
        tokens = new TestTokens(database);
        incidents = new Incidents(database);
        idpServer = TestIdpServer.start();
        idp = idpServer.idp();
        server = startApi(idp.issuer());
    }

    @AfterAll
    static void stop() {
        if (idpServer != null) {
            idpServer.close();
        }
        TestApi.stop(server, database);
    }

    @Test
    void a_jwt_operator_acks_an_alert_and_the_audit_trail_names_the_identity_provider_user() {
        // Given
        Alert alert = incidents.pm25("ninh-kieu", Severity.CRITICAL);
        String token = idp.token("nguyen.van.a", "operator", "offline_access");
        String subject = idp.claims("nguyen.van.a", Instant.now()).build().getSubject();

        // When
        Response ack = new ApiClient(server.port(), token)
                .post("/api/v1/alerts/" + alert.id() + "/ack", "{\"comment\":\"Đã gọi trạm quan trắc\"}");

        // Then
        assertThat(ack.status()).as(ack.body().toString()).isEqualTo(200);
        String actor = "nguyen.van.a #oidc:127.0.0.1/" + subject;
        assertThat(ack.body().get("alert").get("ackedBy").asText()).isEqualTo(actor);
        JsonNode trail = new ApiClient(server.port(), idp.token("lanh.dao", "leader"))
                .get("/api/v1/alerts/" + alert.id() + "/events")
                .body()
                .get("items");
        assertThat(trail.get(1).get("type").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(trail.get(1).get("actor").asText()).isEqualTo(actor);
    }

    @Test
    void a_jwt_leader_reads_but_an_ack_is_403_and_changes_nothing() {
        Alert alert = incidents.pm25("cai-rang", Severity.MAJOR);
        ApiClient leader = new ApiClient(server.port(), idp.token("lanh.dao", "leader"));

        assertThat(leader.get("/api/v1/alerts/" + alert.id()).status()).isEqualTo(200);
        assertError(leader.post("/api/v1/alerts/" + alert.id() + "/ack", "{}"), 403, "FORBIDDEN");
        assertThat(leader.get("/api/v1/alerts/" + alert.id())
                        .body()
                        .get("handling")
                        .asText())
                .isEqualTo("UNACK");
    }

    @Test
    void an_expired_or_unsigned_jwt_is_401_with_an_invalid_token_challenge() {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        String expired = idp.sign(idp.claims("nguyen.van.a", anHourAgo, "admin").build());
        String[] parts = idp.token("nguyen.van.a", "admin").split("\\.");
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";

        Response response = new ApiClient(server.port(), expired).get(AREAS);
        assertError(response, 401, "UNAUTHENTICATED");
        assertThat(response.message()).contains("expired");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        assertError(new ApiClient(server.port(), unsigned).get(AREAS), 401, "UNAUTHENTICATED");
    }

    @Test
    void a_valid_jwt_without_a_hub_role_is_403() {
        Response response = new ApiClient(server.port(), idp.token("khach", "offline_access")).get(AREAS);

        assertError(response, 403, "FORBIDDEN");
        assertThat(response.message()).contains("realm_access.roles");
    }

    @Test
    void hub_tokens_keep_working_beside_jwts() {
        Alert alert = incidents.pm25("o-mon", Severity.MAJOR);
        String operator = tokens.issue(TokenRole.OPERATOR, "Ca trực 2");

        Response ack = new ApiClient(server.port(), operator).post("/api/v1/alerts/" + alert.id() + "/ack", "{}");

        assertThat(ack.status()).as(ack.body().toString()).isEqualTo(200);
        assertThat(ack.body().get("alert").get("ackedBy").asText()).isEqualTo(tokens.actor(operator));
        assertThat(new ApiClient(server.port(), idp.token("lanh.dao", "leader"))
                        .get(AREAS)
                        .status())
                .isEqualTo(200);
        assertError(new ApiClient(server.port(), "ioc_" + "A".repeat(43)).get(AREAS), 401, "UNAUTHENTICATED");
    }

    @Test
    void with_the_identity_provider_down_the_cached_keys_keep_working() throws IOException {
        // Given an API that has fetched the keys of its IdP once
        try (TestIdpServer ownIdp = TestIdpServer.start();
                ApiServer api = startApi(ownIdp.idp().issuer())) {
            assertThat(new ApiClient(api.port(), ownIdp.idp().token("a", "leader"))
                            .get(AREAS)
                            .status())
                    .isEqualTo(200);

            // When the IdP goes down
            ownIdp.close();

            // Then new tokens signed with the known keys are still accepted, without asking the IdP
            Response response = new ApiClient(api.port(), ownIdp.idp().token("b", "operator")).get(AREAS);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            assertThat(ownIdp.keyFetches()).isEqualTo(1);
        }
    }

    @Test
    void with_the_identity_provider_unreachable_and_no_cached_keys_a_jwt_is_503_json_and_hub_tokens_still_work()
            throws IOException {
        // Given an IdP whose keys the API has never fetched, and which is not there
        String issuer = "http://127.0.0.1:" + unusedPort() + "/realms/ioc";
        TestIdp absent = new TestIdp(issuer);

        try (ApiServer api = startApi(issuer)) {
            // When
            Response response = new ApiClient(api.port(), absent.token("a", "operator")).get(AREAS);

            // Then
            assertError(response, 503, "IDENTITY_PROVIDER_UNAVAILABLE");
            assertThat(new ApiClient(api.port(), tokens.issue(TokenRole.LEADER, "Lãnh đạo"))
                            .get(AREAS)
                            .status())
                    .isEqualTo(200);
        }
    }

    private static ApiServer startApi(String issuer) {
        OidcOptions options = OidcOptions.from(new Config(Map.of(
                        "OIDC_ISSUER",
                        issuer,
                        "OIDC_AUDIENCE",
                        TestIdp.AUDIENCE,
                        "OIDC_ROLES_CLAIM",
                        "realm_access.roles")))
                .orElseThrow();
        return TestApi.start(
                database, OidcAuthentication.around(tokens.authenticator(), Optional.of(options), Clock.systemUTC()));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).isNotBlank();
    }
}
