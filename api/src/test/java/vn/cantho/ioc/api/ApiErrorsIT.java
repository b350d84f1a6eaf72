package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/** Every error the API answers with, over real HTTP: status, stable code, and a message naming the problem. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApiErrorsIT {

    private static final String PM25 = "/api/v1/metrics/pm25/aggregates";

    private static Database database;
    private static ApiServer server;
    private static ApiServer serverWithoutDatabase;
    private static ApiServer serverWithBrokenStore;
    private static ApiClient client;
    private static TestTokens tokens;
    private static String token;

    @BeforeAll
    static void startApis() throws SQLException, IOException {
        database = TestDatabase.openFreshSchema("api_errors_it");
        tokens = new TestTokens(database);
        token = tokens.issue(TokenRole.LEADER, "api errors it");
        server = start(new AggregateQueries(database.dataSource()));
        serverWithoutDatabase = start(new AggregateQueries(unreachableDatabase()));
        serverWithBrokenStore = start(new AggregateQueries(brokenDataSource()));
        client = new ApiClient(server.port(), token);
    }

    @AfterAll
    static void stopApis() {
        for (ApiServer s : new ApiServer[] {server, serverWithoutDatabase, serverWithBrokenStore}) {
            if (s != null) {
                s.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void malformed_parameters_are_400_bad_parameter_naming_the_parameter() {
        assertError(client.get(PM25 + "?from=yesterday"), 400, "BAD_PARAMETER", "from:");
        assertError(client.get(PM25 + "?to=2026-02-30T00:00:00Z"), 400, "BAD_PARAMETER", "to:");
        assertError(
                client.get(PM25 + "?from=2026-01-05T01:00:00Z&to=2026-01-05T00:00:00Z"), 400, "BAD_PARAMETER", "from:");
        assertError(client.get(PM25 + "?limit=0"), 400, "BAD_PARAMETER", "limit:");
        assertError(client.get(PM25 + "?limit=5001"), 400, "BAD_PARAMETER", "limit:");
        assertError(client.get(PM25 + "?limit=many"), 400, "BAD_PARAMETER", "limit:");
        assertError(client.get(PM25 + "?scope=district"), 400, "BAD_PARAMETER", "scope:");
        assertError(client.get(PM25 + "?cursor=not-a-cursor"), 400, "BAD_PARAMETER", "cursor:");
        assertError(client.get("/api/v1/devices?domain=weather"), 400, "BAD_PARAMETER", "domain:");
    }

    @Test
    void a_device_contradicting_the_area_or_scope_is_400_bad_parameter() {
        assertError(client.get(PM25 + "?device=aq-ninh-kieu-01&area=cai-rang"), 400, "BAD_PARAMETER", "area:");
        assertError(client.get(PM25 + "?device=aq-ninh-kieu-01&scope=area"), 400, "BAD_PARAMETER", "scope:");
    }

    @Test
    void a_query_string_that_is_not_url_encoding_is_400_bad_parameter() {
        // When
        String response = client.rawGet(PM25 + "?device=%zz");

        // Then
        assertThat(response)
                .startsWith("HTTP/1.1 400")
                .contains("\"code\":\"BAD_PARAMETER\"")
                .contains("\"message\":\"query string:");
    }

    @Test
    void unknown_ids_are_404_with_a_code_per_kind() {
        assertError(client.get("/api/v1/metrics/co2/aggregates"), 404, "UNKNOWN_METRIC", "no metric 'co2'");
        assertError(client.get(PM25 + "?device=aq-atlantis-01"), 404, "UNKNOWN_DEVICE", "no device 'aq-atlantis-01'");
        assertError(client.get("/api/v1/devices/aq-atlantis-01"), 404, "UNKNOWN_DEVICE", "no device");
        assertError(client.get(PM25 + "?area=atlantis"), 404, "UNKNOWN_AREA", "no area 'atlantis'");
        assertError(client.get("/api/v1/devices?area=atlantis"), 404, "UNKNOWN_AREA", "no area");
        assertError(client.get("/api/v1/areas/atlantis"), 404, "UNKNOWN_AREA", "no area");
    }

    @Test
    void sql_in_parameters_is_just_an_unknown_id() {
        // Given
        String injection = "x' OR '1'='1'; DROP TABLE metric_agg_1m; --";

        // When / Then
        assertError(
                client.get("/api/v1/metrics/" + ApiClient.encode(injection).replace("+", "%20") + "/aggregates"),
                404,
                "UNKNOWN_METRIC",
                "no metric");
        assertError(client.get(PM25 + "?device=" + ApiClient.encode(injection)), 404, "UNKNOWN_DEVICE", "no device");
        assertError(client.get(PM25 + "?area=" + ApiClient.encode(injection)), 404, "UNKNOWN_AREA", "no area");
        assertError(client.get(PM25 + "?scope=" + ApiClient.encode(injection)), 400, "BAD_PARAMETER", "scope:");
        assertThat(client.get(PM25).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_path_is_404_not_found() {
        assertError(client.get("/api/v1/nothing-here"), 404, "NOT_FOUND", "no endpoint GET /api/v1/nothing-here");
        assertError(client.get("/"), 404, "NOT_FOUND", "no endpoint");
    }

    @Test
    void a_wrong_method_on_a_known_path_is_405_method_not_allowed() {
        assertError(client.send("POST", "/health"), 405, "METHOD_NOT_ALLOWED", "POST is not allowed on /health");
        assertError(client.send("DELETE", "/api/v1/areas"), 405, "METHOD_NOT_ALLOWED", "DELETE");
    }

    @Test
    void an_unreachable_database_is_503_database_unavailable() {
        // When
        Response response = new ApiClient(serverWithoutDatabase.port(), token).get(PM25);

        // Then
        assertError(response, 503, "DATABASE_UNAVAILABLE", "the database is unavailable");
        assertThat(response.message()).doesNotContain("127.0.0.1");
    }

    @Test
    void an_unexpected_failure_is_500_internal_without_details() {
        // When
        Response response = new ApiClient(serverWithBrokenStore.port(), token).get(PM25);

        // Then
        assertError(response, 500, "INTERNAL", "internal error; reference ");
        assertThat(response.body().toString())
                .doesNotContain("secret")
                .doesNotContain("Exception")
                .doesNotContain("at ");
    }

    @Test
    void reference_data_needs_no_database() {
        assertThat(new ApiClient(serverWithoutDatabase.port(), token)
                        .get("/api/v1/areas")
                        .status())
                .isEqualTo(200);
    }

    private static void assertError(Response response, int status, String code, String messageStart) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body().size()).as("fields of %s", response.body()).isEqualTo(2);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).startsWith(messageStart);
    }

    private static ApiServer start(AggregateQueries queries) {
        // Tokens live in the working database even where the aggregates' store is broken.
        return TestApi.start(new ApiConfig("127.0.0.1", 0), database, queries, Map.of());
    }

    private static DataSource unreachableDatabase() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("ioc");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

    /** A store whose every call fails the way a bug would: with an unchecked exception. */
    private static DataSource brokenDataSource() {
        return (DataSource) Proxy.newProxyInstance(
                ApiErrorsIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("boom: secret internal detail");
                });
    }
}
