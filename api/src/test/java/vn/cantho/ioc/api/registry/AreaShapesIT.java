package vn.cantho.ioc.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/** The areas' GeoJSON over HTTP: one feature per registry area, to readers only. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AreaShapesIT {

    private static Database database;
    private static ApiServer server;
    private static TestTokens tokens;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("area_shapes_it");
        tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void a_reader_gets_one_feature_per_registry_area_as_geojson() {
        // Given
        ApiClient leader = new ApiClient(server.port(), tokens.issue(TokenRole.LEADER, "Màn hình tường"));
        List<String> areas = new ArrayList<>();
        leader.get("/api/v1/areas")
                .body()
                .get("items")
                .forEach(a -> areas.add(a.get("code").asText()));

        // When
        Response shapes = leader.get("/api/v1/map/areas");

        // Then
        assertThat(shapes.status()).isEqualTo(200);
        assertThat(shapes.contentType()).startsWith("application/geo+json");
        assertThat(shapes.body().get("type").asText()).isEqualTo("FeatureCollection");
        List<String> features = new ArrayList<>();
        shapes.body().get("features").forEach(f -> features.add(f.get("id").asText()));
        assertThat(features).containsExactlyInAnyOrderElementsOf(areas);
    }

    @Test
    void without_a_token_or_with_a_department_token_it_is_refused_as_json() {
        Response anonymous = new ApiClient(server.port()).get("/api/v1/map/areas");
        Response department =
                new ApiClient(server.port(), tokens.issue(TokenRole.DEPARTMENT, "Công an TP")).get("/api/v1/map/areas");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(department.status()).isEqualTo(403);
        assertThat(department.code()).isEqualTo("FORBIDDEN");
    }
}
