package vn.cantho.ioc.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
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
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * Who may act on alerts, and what bad requests do: every refused request gets its status and stable
 * code, and the alert (version, handling, audit trail) and the silences are exactly as before.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertSecurityIT {

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static TestTokens tokens;
    private static ApiClient operator;
    private static ApiClient leader;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("alert_security_it");
        tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
        incidents = new Incidents(database);
        operator = new ApiClient(server.port(), tokens.issue(TokenRole.OPERATOR, "Ca trực"));
        leader = new ApiClient(server.port(), tokens.issue(TokenRole.LEADER, "Lãnh đạo"));
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void without_a_token_or_with_a_bad_one_an_ack_is_401_and_changes_nothing() {
        Alert alert = incidents.pm25("ninh-kieu", Severity.CRITICAL);
        JsonNode before = state(alert);

        assertRefused(new ApiClient(server.port()).post(ack(alert), "{}"), 401, "UNAUTHENTICATED");
        assertRefused(
                new ApiClient(server.port(), "ioc_" + "x".repeat(43)).post(ack(alert), "{}"), 401, "UNAUTHENTICATED");
        assertRefused(
                new ApiClient(server.port(), "not a token at all").post(ack(alert), "{}"), 401, "UNAUTHENTICATED");

        assertThat(state(alert)).isEqualTo(before);
    }

    @Test
    void a_leader_may_read_but_an_ack_is_403_and_changes_nothing() {
        Alert alert = incidents.pm25("ninh-kieu", Severity.MAJOR);
        JsonNode before = state(alert);

        assertThat(leader.get("/api/v1/alerts/" + alert.id()).status()).isEqualTo(200);
        assertRefused(leader.post(ack(alert), "{\"comment\":\"thử\"}"), 403, "FORBIDDEN");
        assertRefused(
                leader.post("/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":[{\"id\":" + alert.id() + "}]}"),
                403,
                "FORBIDDEN");
        assertRefused(
                leader.post(
                        "/api/v1/silences",
                        "{\"matchers\":[\"area=ninh-kieu\"],\"comment\":\"x\","
                                + "\"endsAt\":\"2099-01-01T00:00:00Z\"}"),
                403,
                "FORBIDDEN");

        assertThat(state(alert)).isEqualTo(before);
        assertThat(leader.get("/api/v1/silences?all=true").body().get("items")).isEmpty();
    }

    @Test
    void a_department_token_is_403_on_alerts_for_reading_and_acting() {
        Alert alert = incidents.pm25("cai-rang", Severity.MAJOR);
        JsonNode before = state(alert);
        ApiClient department = new ApiClient(server.port(), tokens.issue(TokenRole.DEPARTMENT, "Công an TP"));

        assertRefused(department.get("/api/v1/alerts"), 403, "FORBIDDEN");
        assertRefused(department.get("/api/v1/alerts/" + alert.id()), 403, "FORBIDDEN");
        assertRefused(department.post(ack(alert), "{}"), 403, "FORBIDDEN");
        assertRefused(
                department.send("GET", "/api/v1/alerts/stream", null, Map.of("Accept", "text/event-stream")),
                403,
                "FORBIDDEN");

        assertThat(state(alert)).isEqualTo(before);
    }

    @Test
    void an_oversized_body_is_413_and_changes_nothing() {
        Alert alert = incidents.pm25("o-mon", Severity.MAJOR);
        JsonNode before = state(alert);
        String huge = "{\"comment\":\"" + "a".repeat(ApiServer.MAX_BODY_BYTES + 1) + "\"}";

        assertRefused(operator.post(ack(alert), huge), 413, "PAYLOAD_TOO_LARGE");
        assertRefused(operator.post("/api/v1/alerts/" + alert.id() + "/comment", huge), 413, "PAYLOAD_TOO_LARGE");
        assertRefused(operator.post("/api/v1/alerts/bulk", huge), 413, "PAYLOAD_TOO_LARGE");

        assertThat(state(alert)).isEqualTo(before);
    }

    @Test
    void malformed_bodies_are_400_bad_body_and_change_nothing() {
        Alert alert = incidents.pm25("binh-thuy", Severity.MAJOR);
        JsonNode before = state(alert);

        assertRefused(operator.post(ack(alert), "{\"comment\":"), 400, "BAD_BODY");
        assertRefused(operator.post(ack(alert), "[1,2,3]"), 400, "BAD_BODY");
        assertRefused(operator.post(ack(alert), "{\"coment\":\"typo\"}"), 400, "BAD_BODY");
        assertRefused(operator.post(ack(alert), "{\"comment\":42}"), 400, "BAD_BODY");
        assertRefused(
                operator.post(ack(alert), "{\"comment\":\"'; DROP TABLE alerts; --\",\"actor\":\"someone else\"}"),
                400,
                "BAD_BODY");
        assertRefused(
                operator.post("/api/v1/alerts/" + alert.id() + "/snooze", "{\"until\":\"tomorrow\"}"), 400, "BAD_BODY");
        assertRefused(operator.post("/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":\"all\"}"), 400, "BAD_BODY");
        assertRefused(
                operator.post(
                        "/api/v1/silences",
                        "{\"matchers\":[\"area=~(\"],\"comment\":\"x\"," + "\"endsAt\":\"2099-01-01T00:00:00Z\"}"),
                400,
                "BAD_BODY");

        assertThat(state(alert)).isEqualTo(before);
        assertThat(leader.get("/api/v1/silences?all=true").body().get("items")).isEmpty();
    }

    @Test
    void a_comment_longer_than_allowed_is_refused_and_changes_nothing() {
        Alert alert = incidents.pm25("phong-dien", Severity.MAJOR);
        JsonNode before = state(alert);

        assertRefused(
                operator.post(
                        "/api/v1/alerts/" + alert.id() + "/comment", "{\"comment\":\"" + "b".repeat(4001) + "\"}"),
                400,
                "INVALID_COMMAND");

        assertThat(state(alert)).isEqualTo(before);
    }

    private static String ack(Alert alert) {
        return "/api/v1/alerts/" + alert.id() + "/ack";
    }

    /** The alert as stored plus its audit trail: what a refused request must leave untouched. */
    private static JsonNode state(Alert alert) {
        com.fasterxml.jackson.databind.node.ObjectNode state =
                vn.cantho.ioc.model.json.Json.mapper().createObjectNode();
        JsonNode stored = leader.get("/api/v1/alerts/" + alert.id()).body();
        state.put("version", stored.get("version").asLong());
        state.put("handling", stored.get("handling").asText());
        state.set(
                "events",
                leader.get("/api/v1/alerts/" + alert.id() + "/events").body().get("items"));
        return state;
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).isNotBlank();
    }
}
