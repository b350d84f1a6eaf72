package vn.cantho.ioc.api.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.api.ApiConfig;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.explanation.ExplanationRequest;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.store.explanation.NewExplanationRequest;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * KPI plan status and requests for explanation over HTTP against a real PostgreSQL: the plan status and trend
 * of every KPI series, a request's round trip (leader sends, department reads and answers, leader sees it
 * answered, every step audited), the roles (a department sees and answers only its own), strict bodies with
 * stable error codes, cursor paging, and the alert an unanswered request raises once past due.
 * Data: {@link KpiFixtures}.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExplanationApiIT {

    private static Database database;
    private static ApiServer server;
    private static TestTokens tokens;
    private static ApiClient leader;
    private static ApiClient operator;
    private static ApiClient tnmt;
    private static ApiClient police;
    private static String tnmtToken;
    private static String leaderToken;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("explanation_api_it");
        KpiFixtures.write(database);
        tokens = new TestTokens(database);
        // A quick overdue check, so the overdue alert shows within the test's patience.
        server = TestApi.start(
                new ApiConfig(
                        "127.0.0.1",
                        0,
                        ApiConfig.DEFAULT_STREAM_POLL,
                        ApiConfig.DEFAULT_STREAM_HEARTBEAT,
                        Duration.ofMillis(200)),
                database,
                new AggregateQueries(database.dataSource()),
                Map.of());
        leaderToken = tokens.issue(TokenRole.LEADER, "Phó Chủ tịch UBND TP");
        leader = new ApiClient(server.port(), leaderToken);
        operator = new ApiClient(server.port(), tokens.issue(TokenRole.OPERATOR, "Ca trực 1"));
        tnmtToken = tokens.issueDepartment("so-tnmt", "Sở TN&MT - văn phòng");
        tnmt = new ApiClient(server.port(), tnmtToken);
        police = new ApiClient(server.port(), tokens.issue(TokenRole.DEPARTMENT, "Công an TP"));
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void every_kpi_series_carries_its_plan_status_and_its_change_from_the_previous_period() {
        // When
        Map<String, JsonNode> government =
                byEntity(leader.get("/api/v1/kpis?domain=government").body());
        JsonNode deaths = leader.get("/api/v1/kpis?domain=security_traffic&area=ninh-kieu")
                .body()
                .get("items")
                .get(0);
        Map<String, JsonNode> tourism = new TreeMap<>();
        leader.get("/api/v1/kpis?domain=tourism")
                .body()
                .get("items")
                .forEach(i -> tourism.put(i.get("indicator").asText(), i));

        // Then
        assertThat(government.get("so-tnmt").get("planStatus").asText()).isEqualTo("RED");
        assertThat(government.get("so-tnmt").get("changeFromPrevious").asDouble())
                .isEqualTo(-5.0);
        assertThat(government.get("so-xd").get("planStatus").asText()).isEqualTo("GREEN");
        assertThat(government.get("so-gtvt").get("planStatus").asText())
                .as("no value of the current period")
                .isEqualTo("GREY");
        assertThat(deaths.get("planStatus").asText())
                .as("target 0 has no orange")
                .isEqualTo("RED");
        assertThat(tourism.get("hotel_occupancy_city").get("planStatus").asText())
                .isEqualTo("ORANGE");
        assertThat(tourism.get("tourist_arrivals").get("planStatus").asText())
                .as("no target")
                .isEqualTo("GREY");
    }

    @Test
    void a_leader_asks_the_department_which_reads_and_answers_and_every_step_is_audited() {
        // Given: the leader sends a request about so-tnmt's on-time rate
        Response sent = leader.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", in(Duration.ofDays(7))));
        assertThat(sent.status()).isEqualTo(201);
        long id = sent.body().get("id").asLong();
        assertThat(sent.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(sent.body().get("value").asDouble()).isEqualTo(70.0);
        assertThat(sent.body().get("target").asDouble()).isEqualTo(95.0);
        assertThat(sent.body().get("planStatus").asText()).isEqualTo("RED");

        // When: the department lists its requests, opens this one and answers it
        assertThat(ids(tnmt.get("/api/v1/explanations?status=OPEN").body())).contains(id);
        JsonNode read = tnmt.get("/api/v1/explanations/" + id).body();
        Response answered = tnmt.post(
                "/api/v1/explanations/" + id + "/answer",
                "{\"answer\":\"Thiếu cán bộ thẩm định trong tuần; đã bổ sung 2 người.\"}");
        Response again = tnmt.post("/api/v1/explanations/" + id + "/answer", "{\"answer\":\"Lần hai\"}");

        // Then: the leader sees it answered; the second answer changed nothing; the trail has every step
        assertThat(read.get("readAt").isNull()).isFalse();
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().get("outcome").asText()).isEqualTo("CHANGED");
        assertThat(again.body().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.body().get("request").get("answer").asText()).startsWith("Thiếu cán bộ");
        assertThat(ids(leader.get("/api/v1/explanations?status=ANSWERED").body()))
                .contains(id);
        JsonNode events =
                leader.get("/api/v1/explanations/" + id + "/events").body().get("items");
        List<String> steps = new ArrayList<>();
        events.forEach(
                e -> steps.add(e.get("type").asText() + " " + e.get("actor").asText()));
        assertThat(steps)
                .containsExactly(
                        "REQUESTED " + tokens.actor(leaderToken),
                        "READ " + tokens.actor(tnmtToken),
                        "ANSWERED " + tokens.actor(tnmtToken));
    }

    @Test
    void a_department_sees_and_answers_only_the_requests_addressed_to_it() {
        // Given
        long id = leader.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", in(Duration.ofDays(3))))
                .body()
                .get("id")
                .asLong();

        // When / Then: the police see nothing of it, as if it did not exist
        assertThat(ids(police.get("/api/v1/explanations").body())).doesNotContain(id);
        assertError(police.get("/api/v1/explanations/" + id), 404, "UNKNOWN_EXPLANATION_REQUEST");
        assertError(police.get("/api/v1/explanations/" + id + "/events"), 404, "UNKNOWN_EXPLANATION_REQUEST");
        assertError(
                police.post("/api/v1/explanations/" + id + "/answer", "{\"answer\":\"x\"}"),
                404,
                "UNKNOWN_EXPLANATION_REQUEST");
        assertError(police.get("/api/v1/explanations?department=so-tnmt"), 403, "FORBIDDEN");
        // and each role does only its step
        assertError(
                operator.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", in(Duration.ofDays(1)))),
                403,
                "FORBIDDEN");
        assertError(
                tnmt.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", in(Duration.ofDays(1)))),
                403,
                "FORBIDDEN");
        assertError(leader.post("/api/v1/explanations/" + id + "/answer", "{\"answer\":\"x\"}"), 403, "FORBIDDEN");
        assertError(tnmt.get("/api/v1/kpis"), 403, "FORBIDDEN");
        assertThat(ids(operator.get("/api/v1/explanations").body())).contains(id);
    }

    @Test
    void bad_requests_get_a_stable_code_and_change_nothing() {
        int before =
                leader.get("/api/v1/explanations?limit=500").body().get("items").size();
        String due = in(Duration.ofDays(2));

        assertError(
                leader.post(
                        "/api/v1/explanations",
                        request("so-tnmt", "so-tnmt", due).replace("\"message\"", "\"mesage\"")),
                400,
                "BAD_BODY");
        assertError(leader.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", due) + "{}"), 400, "BAD_BODY");
        assertError(
                leader.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", in(Duration.ofDays(-1)))),
                400,
                "INVALID_COMMAND");
        assertError(leader.post("/api/v1/explanations", request("so-tnmt", "So TNMT!", due)), 400, "BAD_BODY");
        assertError(
                leader.post("/api/v1/explanations", request("no-such-agency", "so-tnmt", due)),
                404,
                "UNKNOWN_INDICATOR");
        assertError(
                leader.post(
                        "/api/v1/explanations",
                        request("so-tnmt", "so-tnmt", due).replace("dossiers_on_time_rate", "no_such_kpi")),
                404,
                "UNKNOWN_INDICATOR");
        assertError(leader.get("/api/v1/explanations?status=LATE"), 400, "BAD_PARAMETER");
        assertError(leader.get("/api/v1/explanations?cursor=abc"), 400, "BAD_PARAMETER");
        assertError(leader.get("/api/v1/explanations/abc"), 400, "BAD_PARAMETER");
        assertError(tnmt.post("/api/v1/explanations/1/answer", "{\"answer\":\"   \"}"), 400, "INVALID_COMMAND");

        assertThat(leader.get("/api/v1/explanations?limit=500")
                        .body()
                        .get("items")
                        .size())
                .isEqualTo(before);
    }

    @Test
    void requests_are_listed_newest_first_in_pages_with_a_cursor() {
        // Given
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(leader.post("/api/v1/explanations", request("so-tnmt", "so-tnmt", in(Duration.ofDays(5))))
                    .body()
                    .get("id")
                    .asLong());
        }

        // When
        JsonNode first = tnmt.get("/api/v1/explanations?limit=2").body();
        JsonNode second = tnmt.get("/api/v1/explanations?limit=2&cursor="
                        + first.get("nextCursor").asText())
                .body();

        // Then
        assertThat(ids(first)).containsExactly(sent.get(2), sent.get(1));
        assertThat(ids(second).get(0)).isEqualTo(sent.get(0));
    }

    @Test
    void an_unanswered_request_past_due_is_overdue_raises_one_alert_and_its_answer_resolves_the_alert()
            throws Exception {
        // Given: a request whose due time has passed (written to the store: the API refuses due times in the past)
        ExplanationRequest late = new ExplanationStore(database.dataSource())
                .create(
                        new NewExplanationRequest(
                                "traffic_deaths",
                                "area",
                                "ninh-kieu",
                                "ninh-kieu",
                                "security_traffic",
                                new TreeMap<>(),
                                "cong-an",
                                Instant.now(),
                                2.0,
                                0.0,
                                "RED",
                                "Giải trình số người chết do TNGT",
                                Instant.now().minusSeconds(60)),
                        "Phó Chủ tịch UBND TP #test");

        // When: the overdue check runs
        JsonNode alert = awaitAlert(late.id(), "FIRING");

        // Then: leaders see it overdue, and one WARNING alert names the department
        assertThat(ids(leader.get("/api/v1/explanations?status=OVERDUE").body()))
                .contains(late.id());
        assertThat(alert.get("severity").asText()).isEqualTo("WARNING");
        assertThat(alert.get("labels").get("department").asText()).isEqualTo("cong-an");
        assertThat(alert.get("summary").asText()).contains("cong-an").contains("#" + late.id());

        // When: the police answer
        assertThat(police.post("/api/v1/explanations/" + late.id() + "/answer", "{\"answer\":\"Đã báo cáo\"}")
                        .status())
                .isEqualTo(200);

        // Then: the alert is resolved, and there was only ever one
        awaitAlert(late.id(), "RESOLVED");
        assertThat(leader.get("/api/v1/alerts?rule=explanation-overdue&match=request%3D" + late.id())
                        .body()
                        .get("items"))
                .hasSize(1);
    }

    private static JsonNode awaitAlert(long request, String condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = leader.get("/api/v1/alerts?rule=explanation-overdue&match=request%3D" + request)
                    .body()
                    .get("items");
            if (items.size() == 1 && items.get(0).get("condition").asText().equals(condition)) {
                return items.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + condition + " overdue alert for request " + request);
    }

    private static String request(String entity, String department, String dueAt) {
        return "{\"indicator\":\"dossiers_on_time_rate\",\"entity\":\"" + entity + "\",\"department\":\"" + department
                + "\",\"message\":\"Đề nghị giải trình tỷ lệ hồ sơ đúng hạn thấp\",\"dueAt\":\"" + dueAt + "\"}";
    }

    private static String in(Duration duration) {
        return Instant.now().plus(duration).toString();
    }

    private static Map<String, JsonNode> byEntity(JsonNode list) {
        Map<String, JsonNode> items = new TreeMap<>();
        list.get("items").forEach(i -> items.put(i.get("entityId").asText(), i));
        return items;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).isNotBlank();
    }
}
