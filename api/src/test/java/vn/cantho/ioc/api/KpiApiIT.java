package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * {@code /api/v1/kpis} over HTTP against the real PostgreSQL: rows of {@code indicator_values} as the
 * indicator sink stores them, read back with the registry's targets, comparisons, history paging and errors.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KpiApiIT {

    private static Database database;
    private static ApiServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.openFreshSchema("api_kpis");
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO indicator_values (indicator, scope, entity_id, labels_key, granularity, period_start,
                       period_end, domain, area_code, value, labels, attributes, computed_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")) {
            day(insert, "dossiers_on_time_rate", "agency", "so-tu-phap", "2025-11-22", "government", null, 80);
            day(insert, "dossiers_on_time_rate", "agency", "so-tu-phap", "2026-11-20", "government", null, 97);
            day(insert, "dossiers_on_time_rate", "agency", "so-tu-phap", "2026-11-21", "government", null, 90);
            day(insert, "dossiers_on_time_rate", "agency", "so-tu-phap", "2026-11-22", "government", null, 96);
            day(insert, "dossiers_on_time_rate", "agency", "ubnd-cai-rang", "2026-11-22", "government", null, 91);
            day(insert, "dossiers_overdue", "agency", "so-tu-phap", "2026-11-22", "government", null, 3);
            day(insert, "hotel_occupancy", "area", "cai-rang", "2026-11-22", "tourism", "cai-rang", 61.5);
            day(insert, "retired_kpi", "city", "can-tho", "2026-11-22", "government", null, 1);
            Instant t = Instant.parse("2026-11-23T03:00:00Z");
            row(
                    insert,
                    "citizen_reports_backlog",
                    "area",
                    "ninh-kieu",
                    "category=environment",
                    "instant",
                    t,
                    t,
                    "citizen_feedback",
                    "ninh-kieu",
                    4,
                    "{\"category\":\"environment\"}");
            insert.executeBatch();
        }
        server = TestApi.start(database, Map.of());
        client = new ApiClient(server.port(), new TestTokens(database).issue(TokenRole.LEADER, "KpiApiIT"));
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void latest_values_carry_target_polarity_verdict_previous_period_and_last_year() {
        // When
        ApiClient.Response response = client.get("/api/v1/kpis?domain=government");

        // Then
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = items(response.body());
        assertThat(items)
                .extracting(i ->
                        i.get("indicator").asText() + "/" + i.get("entityId").asText())
                .containsExactly(
                        "dossiers_on_time_rate/so-tu-phap",
                        "dossiers_on_time_rate/ubnd-cai-rang",
                        "dossiers_overdue/so-tu-phap");
        JsonNode rate = items.get(0);
        assertThat(rate.get("value").asDouble()).isEqualTo(96.0);
        assertThat(rate.get("target").asDouble()).isEqualTo(95.0);
        assertThat(rate.get("polarity").asText()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(rate.get("meetsTarget").asBoolean()).isTrue();
        assertThat(rate.get("label").asText()).isEqualTo("Tỷ lệ hồ sơ giải quyết đúng hạn");
        assertThat(rate.get("periodStart").asText()).isEqualTo(vn("2026-11-22").toString());
        assertThat(rate.get("previous").get("value").asDouble()).isEqualTo(90.0);
        assertThat(rate.get("previous").get("periodStart").asText())
                .isEqualTo(vn("2026-11-21").toString());
        assertThat(rate.get("lastYear").get("value").asDouble()).isEqualTo(80.0);
        assertThat(items.get(1).get("meetsTarget").asBoolean()).isFalse();
        assertThat(items.get(1).get("previous").isNull()).isTrue();
        assertThat(items.get(2).get("meetsTarget").asBoolean()).isFalse();
    }

    @Test
    void filters_by_entity_and_area_and_reports_no_verdict_without_a_target() {
        List<JsonNode> byEntity =
                items(client.get("/api/v1/kpis?entity=ubnd-cai-rang").body());
        List<JsonNode> byArea = items(client.get("/api/v1/kpis?area=ninh-kieu").body());

        assertThat(byEntity).extracting(i -> i.get("indicator").asText()).containsExactly("dossiers_on_time_rate");
        assertThat(byArea).hasSize(1);
        JsonNode backlog = byArea.get(0);
        assertThat(backlog.get("indicator").asText()).isEqualTo("citizen_reports_backlog");
        assertThat(backlog.get("labels").get("category").asText()).isEqualTo("environment");
        assertThat(backlog.get("meetsTarget").isNull()).isTrue();
        assertThat(backlog.get("polarity").asText()).isEqualTo("LOWER_IS_BETTER");
        assertThat(backlog.get("lastYear").isNull()).isTrue();
    }

    @Test
    void values_of_ids_no_longer_in_the_registry_are_not_listed() {
        assertThat(items(client.get("/api/v1/kpis").body()))
                .extracting(i -> i.get("indicator").asText())
                .doesNotContain("retired_kpi")
                .contains("hotel_occupancy", "citizen_reports_backlog");
    }

    @Test
    void history_pages_oldest_first_with_a_cursor_and_honours_from_and_to() {
        // When
        ApiClient.Response first = client.get("/api/v1/kpis/dossiers_on_time_rate?entity=so-tu-phap&limit=2");
        ApiClient.Response second = client.get("/api/v1/kpis/dossiers_on_time_rate?entity=so-tu-phap&limit=2&cursor="
                + first.body().get("nextCursor").asText());
        ApiClient.Response ranged = client.get("/api/v1/kpis/dossiers_on_time_rate?from=2026-11-21&to="
                + ApiClient.encode("2026-11-22T00:00:00+07:00"));

        // Then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("target").asDouble()).isEqualTo(95.0);
        assertThat(first.body().get("granularity").asText()).isEqualTo("day");
        assertThat(items(first.body()))
                .extracting(i -> i.get("value").asDouble())
                .containsExactly(80.0, 97.0);
        assertThat(items(first.body()).get(0).get("meetsTarget").asBoolean()).isFalse();
        assertThat(items(second.body()))
                .extracting(i -> i.get("value").asDouble())
                .containsExactly(90.0, 96.0);
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
        assertThat(items(ranged.body()))
                .extracting(i -> i.get("value").asDouble())
                .containsExactly(90.0);
        assertThat(ranged.body().get("from").asText())
                .isEqualTo(vn("2026-11-21").toString());
    }

    @Test
    void bad_parameters_get_a_400_and_unknown_ids_a_404_with_a_stable_code() {
        assertError(client.get("/api/v1/kpis/no_such_kpi"), 404, "UNKNOWN_INDICATOR");
        assertError(client.get("/api/v1/kpis?domain=weather"), 400, "BAD_PARAMETER");
        assertError(client.get("/api/v1/kpis?area=hai-chau"), 404, "UNKNOWN_AREA");
        assertError(client.get("/api/v1/kpis/dossiers_overdue?limit=0"), 400, "BAD_PARAMETER");
        assertError(client.get("/api/v1/kpis/dossiers_overdue?limit=ten"), 400, "BAD_PARAMETER");
        assertError(client.get("/api/v1/kpis/dossiers_overdue?from=2026-11-22&to=2026-11-21"), 400, "BAD_PARAMETER");
        assertError(client.get("/api/v1/kpis/dossiers_overdue?from=yesterday"), 400, "BAD_PARAMETER");
        assertError(client.get("/api/v1/kpis/dossiers_overdue?cursor=not-a-cursor"), 400, "BAD_PARAMETER");
        assertThat(client.get("/api/v1/kpis?domain=weather").message()).startsWith("domain: unknown domain 'weather'");
    }

    private static void assertError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).isNotBlank();
    }

    private static List<JsonNode> items(JsonNode body) {
        return StreamSupport.stream(body.get("items").spliterator(), false).toList();
    }

    private static Instant vn(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(7)).toInstant();
    }

    private static void day(
            PreparedStatement insert,
            String indicator,
            String scope,
            String entity,
            String date,
            String domain,
            String area,
            double value)
            throws Exception {
        row(
                insert,
                indicator,
                scope,
                entity,
                "",
                "day",
                vn(date),
                vn(date).plusSeconds(86_400),
                domain,
                area,
                value,
                "{}");
    }

    private static void row(
            PreparedStatement insert,
            String indicator,
            String scope,
            String entity,
            String labelsKey,
            String granularity,
            Instant start,
            Instant end,
            String domain,
            String area,
            double value,
            String labels)
            throws Exception {
        List<Object> values = new ArrayList<>(List.of(
                indicator, scope, entity, labelsKey, granularity, Timestamp.from(start), Timestamp.from(end), domain));
        values.add(area);
        values.addAll(List.of(value, labels, "{}", Timestamp.from(end)));
        for (int i = 0; i < values.size(); i++) {
            insert.setObject(i + 1, values.get(i));
        }
        insert.addBatch();
    }
}
