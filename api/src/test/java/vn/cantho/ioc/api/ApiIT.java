package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.store.AggregateWriter;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * Reads aggregates written with the real writer back over HTTP, plus the reference-data endpoints.
 * Data set: pm25 windows at minutes 0 to 3 after {@link #T0} for devices aq-ninh-kieu-01, aq-ninh-kieu-02
 * (area ninh-kieu) and aq-cai-rang-01 (cai-rang) and for both areas; pm10 windows near now for aq-binh-thuy-01.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApiIT {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final String RANGE = "&from=2026-01-05T00:00:00Z&to=2026-01-05T01:00:00Z";
    private static final String PM25 = "/api/v1/metrics/pm25/aggregates";

    private static Database database;
    private static ApiServer server;
    private static ApiClient client;
    private static Instant recent;

    @BeforeAll
    static void startApi() throws SQLException {
        database = TestDatabase.openFreshSchema("api_it");
        List<Aggregate> rows = new ArrayList<>();
        for (int minute = 0; minute < 4; minute++) {
            Instant start = T0.plusSeconds(60L * minute);
            rows.add(aggregate("pm25", Scope.DEVICE, "aq-ninh-kieu-01", "ninh-kieu", start, 1 + minute));
            rows.add(aggregate("pm25", Scope.DEVICE, "aq-ninh-kieu-02", "ninh-kieu", start, 2));
            rows.add(aggregate("pm25", Scope.DEVICE, "aq-cai-rang-01", "cai-rang", start, 3));
            rows.add(aggregate("pm25", Scope.AREA, "ninh-kieu", "ninh-kieu", start, 4));
            rows.add(aggregate("pm25", Scope.AREA, "cai-rang", "cai-rang", start, 5));
        }
        recent = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        rows.add(aggregate("pm10", Scope.DEVICE, "aq-binh-thuy-01", "binh-thuy", recent, 1));
        rows.add(aggregate("pm10", Scope.DEVICE, "aq-binh-thuy-01", "binh-thuy", recent.minus(2, ChronoUnit.HOURS), 1));
        new AggregateWriter(database.dataSource()).upsert(rows);

        TestTokens tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of("database", database::ping));
        client = new ApiClient(server.port(), tokens.issue(TokenRole.LEADER, "api it"));
    }

    @AfterAll
    static void stopApi() {
        TestApi.stop(server, database);
    }

    @Test
    void a_device_query_returns_that_devices_windows_with_every_statistic() {
        // When
        Response response = client.get(PM25 + "?device=aq-ninh-kieu-01" + RANGE);

        // Then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.body();
        assertThat(body.get("metric").asText()).isEqualTo("pm25");
        assertThat(body.get("unit").asText()).isEqualTo("µg/m³");
        assertThat(body.get("from").asText()).isEqualTo("2026-01-05T00:00:00Z");
        assertThat(body.get("to").asText()).isEqualTo("2026-01-05T01:00:00Z");
        assertThat(body.get("nextCursor").isNull()).isTrue();
        assertThat(body.get("items")).hasSize(4);
        JsonNode second = body.get("items").get(1);
        assertThat(second.get("scope").asText()).isEqualTo("device");
        assertThat(second.get("entityId").asText()).isEqualTo("aq-ninh-kieu-01");
        assertThat(second.get("domain").asText()).isEqualTo("environment");
        assertThat(second.get("areaCode").asText()).isEqualTo("ninh-kieu");
        assertThat(second.get("bucket").asText()).isEqualTo("2026-01-05T00:01:00Z");
        assertThat(second.get("bucketEnd").asText()).isEqualTo("2026-01-05T00:02:00Z");
        assertThat(second.get("count").asLong()).isEqualTo(2);
        assertThat(second.get("sum").asDouble()).isEqualTo(20.0);
        assertThat(second.get("min").asDouble()).isEqualTo(1.0);
        assertThat(second.get("max").asDouble()).isEqualTo(4.0);
        assertThat(second.get("avg").asDouble()).isEqualTo(10.0);
        assertThat(second.get("last").asDouble()).isEqualTo(2.5);
    }

    @Test
    void an_area_alone_returns_the_areas_own_windows() {
        // When
        Response response = client.get(PM25 + "?area=cai-rang" + RANGE);

        // Then
        assertThat(entities(response)).hasSize(4).containsOnly("area:cai-rang");
    }

    @Test
    void an_area_with_device_scope_returns_the_devices_in_that_area() {
        // When
        Response response = client.get(PM25 + "?area=ninh-kieu&scope=device" + RANGE);

        // Then
        assertThat(entities(response)).hasSize(8).containsOnly("device:aq-ninh-kieu-01", "device:aq-ninh-kieu-02");
    }

    @Test
    void a_scope_alone_returns_every_entity_of_that_scope() {
        assertThat(entities(client.get(PM25 + "?scope=area" + RANGE)))
                .hasSize(8)
                .containsOnly("area:ninh-kieu", "area:cai-rang");
        assertThat(entities(client.get(PM25 + "?scope=device" + RANGE))).hasSize(12);
    }

    @Test
    void no_filter_returns_both_scopes() {
        assertThat(entities(client.get(PM25 + "?limit=5000" + RANGE))).hasSize(20);
    }

    @Test
    void the_time_range_includes_from_and_excludes_to() {
        // When
        Response response = client.get(PM25 + "?device=aq-cai-rang-01&from=2026-01-05T00:01:00Z&to="
                + ApiClient.encode("2026-01-05T07:03:00+07:00"));

        // Then
        assertThat(response.body().get("items"))
                .extracting(item -> item.get("bucket").asText())
                .containsExactly("2026-01-05T00:01:00Z", "2026-01-05T00:02:00Z");
    }

    @Test
    void paging_with_limit_and_cursor_returns_every_item_exactly_once() {
        // Given
        List<String> all = keys(client.get(PM25 + "?limit=100" + RANGE));

        // When
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = client.get(PM25 + "?limit=3" + RANGE + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            paged.addAll(keys(page));
            cursor = page.body().get("nextCursor").isNull()
                    ? null
                    : page.body().get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);

        // Then
        assertThat(all).hasSize(20).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void without_from_and_to_the_last_hour_is_returned() {
        // When
        Response response = client.get("/api/v1/metrics/pm10/aggregates?device=aq-binh-thuy-01");

        // Then
        assertThat(response.body().get("items"))
                .extracting(item -> item.get("bucket").asText())
                .containsExactly(recent.toString());
    }

    @Test
    void areas_are_listed_with_their_vietnamese_names() {
        // When
        Response response = client.get("/api/v1/areas");

        // Then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("items")).hasSize(9);
        assertThat(response.body().get("items").get(0).get("code").asText()).isEqualTo("ninh-kieu");
        assertThat(response.body().get("items").get(0).get("name").asText()).isEqualTo("Ninh Kiều");
        assertThat(client.get("/api/v1/areas/o-mon").body().get("name").asText())
                .isEqualTo("Ô Môn");
    }

    @Test
    void devices_can_be_listed_by_area_and_looked_up_by_id() {
        // When
        Response inCaiRang = client.get("/api/v1/devices?area=cai-rang");
        Response one = client.get("/api/v1/devices/aq-ninh-kieu-01");

        // Then
        assertThat(inCaiRang.body().get("items")).isNotEmpty().allSatisfy(device -> assertThat(
                        device.get("areaCode").asText())
                .isEqualTo("cai-rang"));
        assertThat(client.get("/api/v1/devices").body().get("items").size())
                .isGreaterThan(inCaiRang.body().get("items").size());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().get("domain").asText()).isEqualTo("environment");
        assertThat(one.body().get("metrics")).extracting(JsonNode::asText).contains("pm25", "pm10");
    }

    @Test
    void metrics_are_listed_with_unit_domain_and_range() {
        // When
        Response response = client.get("/api/v1/metrics");

        // Then
        JsonNode pm25 = response.body().get("items").get(0);
        assertThat(pm25.get("id").asText()).isEqualTo("pm25");
        assertThat(pm25.get("label").asText()).isEqualTo("PM2.5");
        assertThat(pm25.get("unit").asText()).isEqualTo("µg/m³");
        assertThat(pm25.get("domain").asText()).isEqualTo("environment");
        assertThat(pm25.get("range").get("min").asDouble()).isEqualTo(0.0);
        assertThat(pm25.get("range").get("max").asDouble()).isEqualTo(1000.0);
    }

    private static List<String> entities(Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> entities = new ArrayList<>();
        response.body()
                .get("items")
                .forEach(item -> entities.add(
                        item.get("scope").asText() + ":" + item.get("entityId").asText()));
        return entities;
    }

    private static List<String> keys(Response response) {
        List<String> keys = new ArrayList<>();
        response.body()
                .get("items")
                .forEach(item -> keys.add(
                        item.get("bucket").asText() + "|" + item.get("scope").asText() + "|"
                                + item.get("entityId").asText()));
        return keys;
    }

    private static Aggregate aggregate(
            String metric, Scope scope, String entityId, String areaCode, Instant start, long count) {
        return new Aggregate(
                Aggregate.SCHEMA_VERSION,
                scope,
                entityId,
                metric,
                "environment",
                areaCode,
                start,
                start.plusSeconds(60),
                count,
                count * 10.0,
                1.0,
                count * 2.0,
                count + 0.5);
    }
}
