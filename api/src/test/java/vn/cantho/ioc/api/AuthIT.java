package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/** Who may read the API, over real HTTP with real hashed tokens: 401 without a valid one, 403 for the wrong role. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AuthIT {

    private static final String AREAS = "/api/v1/areas";

    private static Database database;
    private static TestTokens tokens;
    private static ApiServer server;

    @BeforeAll
    static void startApi() throws SQLException {
        database = TestDatabase.openFreshSchema("auth_it");
        tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
    }

    @AfterAll
    static void stopApi() {
        TestApi.stop(server, database);
    }

    @Test
    void a_request_without_a_token_is_401_unauthenticated_with_a_bearer_challenge() {
        Response response = new ApiClient(server.port()).get(AREAS);

        assertError(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void an_unknown_path_without_a_token_is_401_too_so_strangers_cannot_map_the_api() {
        assertError(new ApiClient(server.port()).get("/api/v1/no-such-thing"), 401, "UNAUTHENTICATED");
    }

    @Test
    void a_made_up_or_malformed_token_is_401() {
        assertError(new ApiClient(server.port(), "ioc_" + "A".repeat(43)).get(AREAS), 401, "UNAUTHENTICATED");
        assertError(new ApiClient(server.port(), "' OR 1=1 --").get(AREAS), 401, "UNAUTHENTICATED");
        assertError(
                new ApiClient(server.port()).send("GET", AREAS, null, Map.of("Authorization", "Basic YTpi")),
                401,
                "UNAUTHENTICATED");
    }

    @Test
    void a_revoked_token_is_401() {
        // Given
        String token = tokens.issue(TokenRole.LEADER, "revoked soon");
        assertThat(new ApiClient(server.port(), token).get(AREAS).status()).isEqualTo(200);

        // When
        tokens.revoke(token);

        // Then
        assertError(new ApiClient(server.port(), token).get(AREAS), 401, "UNAUTHENTICATED");
    }

    @Test
    void leader_operator_and_admin_tokens_may_read() {
        for (TokenRole role : new TokenRole[] {TokenRole.LEADER, TokenRole.OPERATOR, TokenRole.ADMIN}) {
            Response response = new ApiClient(server.port(), tokens.issue(role, "reader " + role.id())).get(AREAS);
            assertThat(response.status()).as(role.id()).isEqualTo(200);
        }
    }

    @Test
    void a_department_token_is_403_forbidden_on_the_query_api() {
        Response response = new ApiClient(server.port(), tokens.issue(TokenRole.DEPARTMENT, "dept")).get(AREAS);

        assertError(response, 403, "FORBIDDEN");
        assertThat(response.message()).contains("department");
    }

    @Test
    void health_and_metrics_stay_open_without_a_token() {
        assertThat(new ApiClient(server.port()).get("/health").status()).isEqualTo(200);
        assertThat(new ApiClient(server.port()).rawGet("/metrics"))
                .startsWith("HTTP/1.1 200")
                .contains("http_server_requests_seconds_count");
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).isNotBlank();
    }
}
