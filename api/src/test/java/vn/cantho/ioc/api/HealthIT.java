package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.store.Database;

/** {@code GET /health} over real HTTP: its status code, its body, and its time bound. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HealthIT {

    private static Database database;
    private final CountDownLatch never = new CountDownLatch(1);
    private ApiServer server;

    @BeforeAll
    static void openDatabase() throws SQLException {
        database = TestDatabase.openFreshSchema("health_it");
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void stopServer() {
        never.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void health_is_200_up_when_every_component_is_up() {
        // Given
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("database", database::ping);
        checks.put("kafka", () -> HealthCheck.Status.up("1 broker"));
        start(checks);

        // When
        Response response = client().get("/health");

        // Then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("status").asText()).isEqualTo("UP");
        JsonNode components = response.body().get("components");
        assertThat(components.fieldNames().next()).isEqualTo("api");
        assertThat(components.get("api").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("api").get("detail").asText()).contains(Integer.toString(server.port()));
        assertThat(components.get("database").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("kafka").get("detail").asText()).isEqualTo("1 broker");
    }

    @Test
    void health_is_503_down_with_the_same_shape_when_a_component_is_down() {
        // Given
        start(Map.of("kafka", () -> HealthCheck.Status.down("broker unreachable")));

        // When
        Response response = client().get("/health");

        // Then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body().get("status").asText()).isEqualTo("DOWN");
        assertThat(response.body().get("components").get("api").get("status").asText())
                .isEqualTo("UP");
        assertThat(response.body().get("components").get("kafka").get("status").asText())
                .isEqualTo("DOWN");
        assertThat(response.body().get("components").get("kafka").get("detail").asText())
                .isEqualTo("broker unreachable");
    }

    @Test
    void a_database_that_went_away_is_reported_down() throws SQLException {
        // Given
        Database gone = TestDatabase.openFreshSchema("health_gone");
        gone.close();
        start(Map.of("database", gone::ping));

        // When
        Response response = client().get("/health");

        // Then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()
                        .get("components")
                        .get("database")
                        .get("status")
                        .asText())
                .isEqualTo("DOWN");
    }

    @Test
    void a_hung_check_makes_health_answer_503_instead_of_hanging() {
        // Given
        start(Map.of("mqtt", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthCheck.Status.up("released");
        }));

        // When
        Response response = client().get("/health");

        // Then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body().get("components").get("mqtt").get("detail").asText())
                .startsWith("no answer within");
    }

    @Test
    void closing_the_server_releases_its_port() {
        // Given
        start(Map.of());
        int port = server.port();
        assertThat(client().get("/health").status()).isEqualTo(200);

        // When
        server.close();
        server = null;

        // Then
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    private void start(Map<String, HealthCheck> checks) {
        server = TestApi.start(database, checks);
    }

    private ApiClient client() {
        return new ApiClient(server.port());
    }
}
