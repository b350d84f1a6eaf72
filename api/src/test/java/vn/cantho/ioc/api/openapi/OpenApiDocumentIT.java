package vn.cantho.ioc.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * The served OpenAPI document and the routes the server really registers agree in both directions
 * (every route documented, nothing documented that does not exist), and every route under
 * {@code /api/v1} declares who may call it.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OpenApiDocumentIT {

    private static Database database;
    private static ApiServer server;
    private static ApiClient leader;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("openapi_it");
        server = TestApi.start(database, Map.of());
        leader = new ApiClient(server.port(), new TestTokens(database).issue(TokenRole.LEADER, "openapi"));
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void the_document_lists_exactly_the_registered_routes() {
        // Given
        JsonNode document = leader.get(OpenApiRoutes.PATH).body();

        // When
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        Set<String> registered = new TreeSet<>();
        server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));

        // Then
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void every_api_route_declares_its_access() {
        assertThat(server.routes())
                .filteredOn(r -> r.path().startsWith(AuthFilter.PROTECTED_PREFIX))
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.roles())
                        .as(route.method() + " " + route.path())
                        .isNotEmpty());
    }

    @Test
    void every_documented_schema_reference_resolves() {
        JsonNode document = leader.get(OpenApiRoutes.PATH).body();
        Set<String> schemas = new TreeSet<>();
        document.get("components").get("schemas").fieldNames().forEachRemaining(schemas::add);
        document.findValuesAsText("$ref")
                .forEach(ref -> assertThat(schemas).contains(ref.substring("#/components/schemas/".length())));
    }
}
