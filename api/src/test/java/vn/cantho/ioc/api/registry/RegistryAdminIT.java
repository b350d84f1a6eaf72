package vn.cantho.ioc.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/** Admins change the device registry over HTTP against the real API and PostgreSQL; nobody else can. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegistryAdminIT {

    private static final String GAUGE = "wl-thot-not-02";
    private static final String GAUGE_JSON = "{\"id\":\"wl-thot-not-02\",\"name\":\"Trạm đo mực nước Thốt Nốt 2\","
            + "\"type\":\"water_gauge\",\"domain\":\"environment\",\"areaCode\":\"thot-not\",\"lat\":10.27,"
            + "\"lon\":105.53,\"owner\":\"dai-kttv\",\"metrics\":[\"water_level\"]}";

    private Database database;
    private ApiServer server;
    private ApiClient admin;
    private ApiClient leader;
    private ApiClient operator;

    @BeforeEach
    void startApi() throws SQLException {
        database = TestDatabase.openFreshSchema("registry_admin");
        TestTokens tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
        admin = new ApiClient(server.port(), tokens.issue(TokenRole.ADMIN, "registry admin"));
        leader = new ApiClient(server.port(), tokens.issue(TokenRole.LEADER, "registry leader"));
        operator = new ApiClient(server.port(), tokens.issue(TokenRole.OPERATOR, "registry operator"));
    }

    @AfterEach
    void stopApi() {
        server.close();
        database.close();
    }

    @Test
    void an_admin_adds_a_device_and_it_is_served_at_once_as_version_1() {
        // When
        Response put = admin.send("PUT", "/api/v1/devices/" + GAUGE, GAUGE_JSON, Map.of("If-Match", "\"0\""));

        // Then
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.header("ETag")).isEqualTo("\"1\"");
        assertThat(put.body().path("version").asLong()).isEqualTo(1);
        assertThat(put.body().path("changedBy").asText()).startsWith("registry admin #");
        assertThat(leader.get("/api/v1/devices/" + GAUGE)
                        .body()
                        .path("areaCode")
                        .asText())
                .isEqualTo("thot-not");
        assertThat(leader.get("/api/v1/registry").body().path("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_change_based_on_an_old_version_gets_412_and_changes_nothing() {
        // Given
        admin.send("PUT", "/api/v1/devices/" + GAUGE, GAUGE_JSON, Map.of());

        // When
        Response stale = admin.send("DELETE", "/api/v1/devices/aq-ninh-kieu-01", null, Map.of("If-Match", "\"0\""));

        // Then
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(leader.get("/api/v1/devices/aq-ninh-kieu-01").status()).isEqualTo(200);
    }

    @Test
    void an_admin_removes_a_device_and_it_is_gone() {
        // When
        Response removed = admin.send("DELETE", "/api/v1/devices/aq-ninh-kieu-01", null, Map.of());

        // Then
        assertThat(removed.status()).isEqualTo(200);
        assertThat(leader.get("/api/v1/devices/aq-ninh-kieu-01").status()).isEqualTo(404);
        assertThat(admin.send("DELETE", "/api/v1/devices/aq-ninh-kieu-01", null, Map.of())
                        .code())
                .isEqualTo("UNKNOWN_DEVICE");
    }

    @Test
    void inconsistent_or_malformed_changes_get_400_and_change_nothing() {
        // When
        Response unknownArea = admin.send(
                "PUT",
                "/api/v1/devices/" + GAUGE,
                GAUGE_JSON.replace("\"areaCode\":\"thot-not\"", "\"areaCode\":\"atlantis\""),
                Map.of());
        Response unknownMetric = admin.send(
                "PUT", "/api/v1/devices/" + GAUGE, GAUGE_JSON.replace("water_level", "tide_height"), Map.of());
        Response pathMismatch = admin.send("PUT", "/api/v1/devices/other", GAUGE_JSON, Map.of());
        Response malformed = admin.send("PUT", "/api/v1/devices/" + GAUGE, "{\"id\":", Map.of());
        Response unknownField = admin.send(
                "PUT",
                "/api/v1/devices/" + GAUGE,
                GAUGE_JSON.replace("{\"id\"", "{\"colour\":\"red\",\"id\""),
                Map.of());
        Response offEarth = admin.send(
                "PUT",
                "/api/v1/areas/tay-do",
                "{\"code\":\"tay-do\",\"name\":\"Tây Đô\",\"lat\":95,\"lon\":105}",
                Map.of());

        // Then
        assertThat(unknownArea.code()).isEqualTo("INVALID_REGISTRY_CHANGE");
        assertThat(unknownArea.message()).contains("unknown area atlantis");
        assertThat(unknownMetric.code()).isEqualTo("INVALID_REGISTRY_CHANGE");
        assertThat(pathMismatch.code()).isEqualTo("BAD_BODY");
        assertThat(malformed.code()).isEqualTo("BAD_BODY");
        assertThat(unknownField.code()).isEqualTo("BAD_BODY");
        assertThat(offEarth.code()).isEqualTo("INVALID_REGISTRY_CHANGE");
        assertThat(java.util.List.of(unknownArea, unknownMetric, pathMismatch, malformed, unknownField, offEarth))
                .allMatch(r -> r.status() == 400);
        assertThat(leader.get("/api/v1/registry").body().path("version").asLong())
                .isZero();
    }

    @Test
    void only_admins_may_change_the_registry() {
        // When
        Response byLeader = leader.send("PUT", "/api/v1/devices/" + GAUGE, GAUGE_JSON, Map.of());
        Response byOperator = operator.send("DELETE", "/api/v1/devices/aq-ninh-kieu-01", null, Map.of());
        Response anonymous = new ApiClient(server.port()).send("PUT", "/api/v1/devices/" + GAUGE, GAUGE_JSON, Map.of());

        // Then
        assertThat(byLeader.status()).isEqualTo(403);
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(leader.get("/api/v1/devices/" + GAUGE).status()).isEqualTo(404);
        assertThat(leader.get("/api/v1/registry").body().path("version").asLong())
                .isZero();
    }
}
