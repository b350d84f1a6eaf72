package vn.cantho.ioc.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * The alert endpoints over real HTTP on alerts raised through the alerting module's condition writer
 * in the real PostgreSQL: list with filters and paging, one alert with its ETag, the audit trail, the
 * operator commands (idempotent, versioned, actor from the token), bulk, silences.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertApiIT {

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static ApiClient operator;
    private static ApiClient leader;
    private static String operatorActor;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("alert_api_it");
        TestTokens tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
        incidents = new Incidents(database);
        String operatorToken = tokens.issue(TokenRole.OPERATOR, "Ca trực 1 - Lan");
        operator = new ApiClient(server.port(), operatorToken);
        leader = new ApiClient(server.port(), tokens.issue(TokenRole.LEADER, "Lãnh đạo"));
        operatorActor = tokens.actor(operatorToken);
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void the_list_filters_by_area_severity_and_label_and_pages_with_a_cursor() {
        // Given
        String area = "o-mon";
        Alert major = incidents.pm25(area, Severity.MAJOR);
        Alert critical = incidents.pm25(area, Severity.CRITICAL);
        Alert elsewhere = incidents.pm25("cai-rang", Severity.CRITICAL);

        // When
        Response byArea = leader.get("/api/v1/alerts?area=" + area);
        Response bySeverity = leader.get("/api/v1/alerts?area=" + area + "&severity=critical");
        Response byLabel = leader.get("/api/v1/alerts?match=" + ApiClient.encode("station=" + major.entityId()));

        // Then
        assertThat(ids(byArea.body())).containsExactlyInAnyOrder(major.id(), critical.id());
        assertThat(ids(bySeverity.body())).containsExactly(critical.id());
        assertThat(ids(byLabel.body())).containsExactly(major.id());
        assertThat(ids(leader.get("/api/v1/alerts?area=cai-rang&condition=FIRING")
                        .body()))
                .contains(elsewhere.id());

        Set<Long> paged = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = leader.get(
                            "/api/v1/alerts?area=" + area + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .body();
            paged.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 5);
        assertThat(paged).containsExactlyInAnyOrder(major.id(), critical.id());
    }

    @Test
    void bad_filters_are_400_naming_the_parameter() {
        assertThat(leader.get("/api/v1/alerts?severity=loud").message()).startsWith("severity:");
        assertThat(leader.get("/api/v1/alerts?severity=loud").status()).isEqualTo(400);
        assertThat(leader.get("/api/v1/alerts?from=yesterday").message()).startsWith("from:");
        assertThat(leader.get("/api/v1/alerts?match=" + ApiClient.encode("station=~("))
                        .message())
                .startsWith("match:");
        assertThat(leader.get("/api/v1/alerts?cursor=not-a-cursor").message()).startsWith("cursor:");
        assertThat(leader.get("/api/v1/alerts?limit=501").code()).isEqualTo("BAD_PARAMETER");
    }

    @Test
    void one_alert_has_an_etag_of_its_version_and_answers_304_when_unchanged() {
        // Given
        Alert alert = incidents.riverLevel(Severity.MAJOR);

        // When
        Response response = leader.get("/api/v1/alerts/" + alert.id());

        // Then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("ruleId").asText()).isEqualTo("river-level");
        assertThat(response.header("ETag")).isEqualTo("\"" + alert.version() + "\"");
        assertThat(leader.send(
                                "GET",
                                "/api/v1/alerts/" + alert.id(),
                                null,
                                Map.of("If-None-Match", response.header("ETag")))
                        .status())
                .isEqualTo(304);
        assertThat(leader.get("/api/v1/alerts/999999999").code()).isEqualTo("UNKNOWN_ALERT");
        assertThat(leader.get("/api/v1/alerts/abc").code()).isEqualTo("BAD_PARAMETER");
    }

    @Test
    void an_operator_acks_with_a_comment_and_the_audit_trail_shows_who_and_why() {
        // Given
        Alert alert = incidents.pm25("ninh-kieu", Severity.CRITICAL);

        // When
        Response ack = operator.post(
                "/api/v1/alerts/" + alert.id() + "/ack",
                "{\"comment\":\"Đã báo Sở TN&MT kiểm tra trạm\"}",
                Map.of("If-Match", "\"" + alert.version() + "\""));

        // Then
        assertThat(ack.status()).as(ack.body().toString()).isEqualTo(200);
        assertThat(ack.body().get("outcome").asText()).isEqualTo("CHANGED");
        assertThat(ack.body().get("alert").get("handling").asText()).isEqualTo("ACK");
        assertThat(ack.body().get("alert").get("ackedBy").asText()).isEqualTo(operatorActor);
        assertThat(ack.header("ETag")).isEqualTo("\"" + (alert.version() + 1) + "\"");
        JsonNode trail =
                leader.get("/api/v1/alerts/" + alert.id() + "/events").body().get("items");
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).get("type").asText()).isEqualTo("OPENED");
        assertThat(trail.get(1).get("type").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(trail.get(1).get("actor").asText()).isEqualTo(operatorActor);
        assertThat(trail.get(1).get("comment").asText()).isEqualTo("Đã báo Sở TN&MT kiểm tra trạm");
    }

    @Test
    void ack_twice_returns_200_and_changes_nothing() {
        // Given
        Alert alert = incidents.pm25("ninh-kieu", Severity.MAJOR);
        Response first = operator.post("/api/v1/alerts/" + alert.id() + "/ack", "");

        // When
        Response second = operator.post("/api/v1/alerts/" + alert.id() + "/ack", "{}");

        // Then
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(second.body().get("alert").get("version").asLong())
                .isEqualTo(first.body().get("alert").get("version").asLong());
        assertThat(auditSize(alert)).isEqualTo(2);
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        // Given
        Alert alert = incidents.pm25("binh-thuy", Severity.MAJOR);
        operator.post("/api/v1/alerts/" + alert.id() + "/assign", "{\"assignee\":\"Đội 2\"}");

        // When
        Response stale = operator.post(
                "/api/v1/alerts/" + alert.id() + "/ack", "{}", Map.of("If-Match", "\"" + alert.version() + "\""));

        // Then
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
        JsonNode now = leader.get("/api/v1/alerts/" + alert.id()).body();
        assertThat(now.get("handling").asText()).isEqualTo("UNACK");
        assertThat(now.get("assignee").asText()).isEqualTo("Đội 2");
        assertThat(auditSize(alert)).isEqualTo(2);
        assertThat(operator.post("/api/v1/alerts/" + alert.id() + "/ack", "{}", Map.of("If-Match", "seven"))
                        .code())
                .isEqualTo("BAD_PARAMETER");
    }

    @Test
    void assign_comment_snooze_resolve_and_unack_each_land_in_the_audit_trail() {
        // Given
        Alert alert = incidents.pm25("phong-dien", Severity.WARNING);
        String path = "/api/v1/alerts/" + alert.id();
        String until = Instant.now()
                .plus(2, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        // When
        assertThat(operator.post(path + "/assign", "{\"assignee\":\"Nguyễn Văn Minh\"}")
                        .status())
                .isEqualTo(200);
        assertThat(operator.post(path + "/comment", "{\"comment\":\"Trạm đang bảo trì\"}")
                        .status())
                .isEqualTo(200);
        assertThat(operator.post(path + "/snooze", "{\"until\":\"" + until + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(operator.post(path + "/ack", "{}").status()).isEqualTo(200);
        assertThat(operator.post(path + "/unack", "{}").status()).isEqualTo(200);
        Response resolve = operator.post(path + "/resolve", "{\"comment\":\"Đã xử lý\"}");

        // Then
        assertThat(resolve.body().get("alert").get("condition").asText()).isEqualTo("RESOLVED");
        JsonNode trail = leader.get(path + "/events").body().get("items");
        assertThat(trail.findValuesAsText("type"))
                .containsSubsequence(
                        "ASSIGNED", "COMMENTED", "SNOOZED", "ACKNOWLEDGED", "UNACKNOWLEDGED", "RESOLVED_MANUALLY");
    }

    @Test
    void invalid_commands_are_400_and_change_nothing() {
        // Given
        Alert alert = incidents.pm25("thot-not", Severity.MAJOR);
        String path = "/api/v1/alerts/" + alert.id();
        String tooLate = Instant.now().plus(8, ChronoUnit.DAYS).toString();

        // When / Then
        assertThat(operator.post(path + "/comment", "{}").code()).isEqualTo("INVALID_COMMAND");
        assertThat(operator.post(path + "/snooze", "{\"until\":\"" + tooLate + "\"}")
                        .code())
                .isEqualTo("INVALID_COMMAND");
        assertThat(operator.post(path + "/snooze", "{}").code()).isEqualTo("BAD_BODY");
        assertThat(operator.post(path + "/assign", "{}").code()).isEqualTo("BAD_BODY");
        assertThat(operator.post("/api/v1/alerts/999999999/ack", "{}").code()).isEqualTo("UNKNOWN_ALERT");
        assertThat(auditSize(alert)).isEqualTo(1);
    }

    @Test
    void bulk_acks_several_alerts_and_reports_each() {
        // Given
        Alert a = incidents.pm25("vinh-thanh", Severity.MAJOR);
        Alert b = incidents.pm25("vinh-thanh", Severity.MAJOR);

        // When
        Response bulk = operator.post(
                "/api/v1/alerts/bulk",
                "{\"action\":\"ack\",\"comment\":\"giao ca\",\"alerts\":[{\"id\":" + a.id() + ",\"version\":"
                        + a.version() + "},{\"id\":" + b.id() + "},{\"id\":999999999}]}");

        // Then
        assertThat(bulk.status()).isEqualTo(200);
        JsonNode results = bulk.body().get("results");
        assertThat(results.findValuesAsText("outcome")).containsExactly("CHANGED", "CHANGED", "NOT_FOUND");
        assertThat(leader.get("/api/v1/alerts/" + b.id()).body().get("handling").asText())
                .isEqualTo("ACK");
        assertThat(operator.post("/api/v1/alerts/bulk", "{\"action\":\"explode\",\"alerts\":[{\"id\":1}]}")
                        .code())
                .isEqualTo("BAD_BODY");
    }

    @Test
    void silences_are_created_listed_and_expired_never_deleted() {
        // Given
        String ends = Instant.now().plus(2, ChronoUnit.HOURS).toString();

        // When
        Response created = operator.post(
                "/api/v1/silences",
                "{\"matchers\":[\"area=co-do\",{\"label\":\"rule\",\"op\":\"=\","
                        + "\"value\":\"pm25-high\"}],\"comment\":\"Bảo trì trạm Cờ Đỏ\",\"endsAt\":\"" + ends + "\"}");

        // Then
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("createdBy").asText()).isEqualTo(operatorActor);
        assertThat(created.body().get("matchers").get(0).toString())
                .isEqualTo("{\"label\":\"area\",\"op\":\"=\",\"value\":\"co-do\"}");
        assertThat(leader.get("/api/v1/silences").body().get("items").findValuesAsText("comment"))
                .contains("Bảo trì trạm Cờ Đỏ");

        Response expired = operator.post("/api/v1/silences/" + id + "/expire", "");
        Response again = operator.post("/api/v1/silences/" + id + "/expire", "");
        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.body().get("expiredBy").asText()).isEqualTo(operatorActor);
        assertThat(again.body().get("expiredAt").asText())
                .isEqualTo(expired.body().get("expiredAt").asText());
        assertThat(ids(leader.get("/api/v1/silences").body())).doesNotContain(id);
        assertThat(ids(leader.get("/api/v1/silences?all=true").body())).contains(id);
        assertThat(operator.post("/api/v1/silences/999999999/expire", "").code())
                .isEqualTo("UNKNOWN_SILENCE");
        assertThat(operator.post("/api/v1/silences", "{\"matchers\":[],\"comment\":\"x\",\"endsAt\":\"" + ends + "\"}")
                        .code())
                .isEqualTo("BAD_BODY");
    }

    @Test
    void metrics_show_open_alerts_and_time_to_acknowledge() throws Exception {
        // Given
        Alert alert = incidents.pm25("cai-rang", Severity.CRITICAL);

        // When
        operator.post("/api/v1/alerts/" + alert.id() + "/ack", "{}");

        // Then
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    String metrics = new ApiClient(server.port()).rawGet("/metrics");
                    assertThat(metrics)
                            .contains("ioc_alert_time_to_ack_seconds_count{")
                            .contains("ioc_alerts_open{")
                            .contains("state=\"FIRING\"")
                            .contains("http_server_requests_seconds_count{")
                            .contains("route=\"/api/v1/alerts/{id}/ack\"");
                });
    }

    private static int auditSize(Alert alert) {
        return leader.get("/api/v1/alerts/" + alert.id() + "/events")
                .body()
                .get("items")
                .size();
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
