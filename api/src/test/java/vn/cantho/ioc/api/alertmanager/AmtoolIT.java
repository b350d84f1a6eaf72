package vn.cantho.ioc.api.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.api.alert.Incidents;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.Silence;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * The real {@code amtool} (Debian's prometheus-alertmanager) against the hub's Alertmanager API, with
 * the hub's bearer tokens in {@code --http.config.file}: alert queries with matchers, silences added,
 * queried and expired (hub silences, audited with the token as actor), the configuration shown.
 */
@Tag("db")
@Tag("alertmanager")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AmtoolIT {

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static AlertService alerts;
    private static Amtool operator;
    private static Amtool leader;
    private static String operatorActor;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.openFreshSchema("amtool_it");
        TestTokens tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
        alerts = new AlertService(database.dataSource(), Clock.systemUTC());
        incidents = new Incidents(alerts);
        dir = WorkDirectories.temporary("amtool-it");
        String url = "http://127.0.0.1:" + server.port() + "/am";
        String operatorToken = tokens.issue(TokenRole.OPERATOR, "Ca trực 2 - Minh");
        operatorActor = tokens.actor(operatorToken);
        operator = new Amtool(url, operatorToken, dir);
        leader = new Amtool(url, tokens.issue(TokenRole.LEADER, "Lãnh đạo"), dir);
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void alert_query_filters_with_equality_and_regex_matchers() {
        // Given
        Alert critical = incidents.pm25("thot-not", Severity.CRITICAL);
        Alert major = incidents.pm25("thot-not", Severity.MAJOR);
        Alert river = incidents.riverLevel(Severity.MAJOR);

        // When
        JsonNode byArea = json(leader.run("alert", "query", "-o", "json", "area=thot-not"));
        JsonNode critOnly = json(leader.run("alert", "query", "-o", "json", "area=thot-not", "severity=CRITICAL"));
        JsonNode byRegex = json(leader.run("alert", "query", "-o", "json", "alertname=~river-.*"));
        JsonNode notPm = json(leader.run("alert", "query", "-o", "json", "alertname!=pm25-high", "gauge=~wl-.+"));
        Amtool.Result simple = leader.run("alert", "query", "area=thot-not");

        // Then
        assertThat(fingerprints(byArea)).containsExactlyInAnyOrder(fp(critical), fp(major));
        assertThat(fingerprints(critOnly)).containsExactly(fp(critical));
        assertThat(fingerprints(byRegex)).contains(fp(river)).doesNotContain(fp(critical), fp(major));
        assertThat(fingerprints(notPm)).contains(fp(river)).doesNotContain(fp(critical));
        assertThat(simple.exit()).as(simple.toString()).isZero();
        assertThat(simple.out()).contains("pm25-high").contains("PM2.5 182");
    }

    @Test
    void silence_add_query_and_expire_are_hub_silences_with_the_token_as_actor() {
        // Given
        Alert alert = incidents.pm25("phong-dien", Severity.WARNING);

        // When
        Amtool.Result added = operator.run(
                "silence",
                "add",
                "area=phong-dien",
                "alertname=pm25-high",
                "--comment=Bảo trì trạm Phong Điền",
                "--duration=2h");

        // Then: the id amtool printed is a hub silence, made by the operator's token
        assertThat(added.exit()).as(added.toString()).isZero();
        String id = added.out().strip();
        long hubId = SilenceIds.parse(id).orElseThrow();
        Silence silence = alerts.silence(hubId).orElseThrow();
        assertThat(silence.createdBy()).isEqualTo(operatorActor);
        assertThat(silence.comment()).isEqualTo("Bảo trì trạm Phong Điền");
        assertThat(silence.matchers())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("area=phong-dien", "rule=pm25-high");

        // and queries see it, the alert now silenced by it
        JsonNode queried = json(leader.run("silence", "query", "-o", "json", "alertname=pm25-high"));
        assertThat(queried.findValuesAsText("id")).contains(id);
        assertThat(fingerprints(json(leader.run("alert", "query", "-o", "json", "area=phong-dien"))))
                .isEmpty();
        JsonNode silenced = json(leader.run("alert", "query", "-o", "json", "--silenced", "area=phong-dien"));
        assertThat(fingerprints(silenced)).containsExactly(fp(alert));
        assertThat(silenced.get(0).path("status").path("silencedBy").get(0).asText())
                .isEqualTo(id);

        // When expired
        Amtool.Result expired = operator.run("silence", "expire", id);

        // Then
        assertThat(expired.exit()).as(expired.toString()).isZero();
        Silence after = alerts.silence(hubId).orElseThrow();
        assertThat(after.expiredAt()).isNotNull();
        assertThat(after.expiredBy()).isEqualTo(operatorActor);
        assertThat(json(leader.run("silence", "query", "-o", "json", "alertname=pm25-high"))
                        .findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(json(leader.run("silence", "query", "-o", "json", "--expired", "alertname=pm25-high"))
                        .findValuesAsText("id"))
                .contains(id);
    }

    @Test
    void a_leader_may_query_but_neither_silence_nor_post_alerts() throws SQLException {
        // Given
        ApiClient leaderApi = new ApiClient(server.port(), new TestTokens(database).issue(TokenRole.LEADER, "xem"));

        // When
        Amtool.Result refused = leader.run("silence", "add", "area=co-do", "--comment=thử", "--duration=1h");
        ApiClient.Response posted = leaderApi.post("/am/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Thu\"}}]");

        // Then
        assertThat(refused.exit()).as(refused.toString()).isNotZero();
        assertThat(alerts.silences(true)).noneMatch(s -> s.comment().equals("thử"));
        assertThat(posted.status()).isEqualTo(403);
        assertThat(leader.run("alert", "query").exit()).isZero();
    }

    @Test
    void config_show_prints_a_configuration_the_real_alertmanager_loader_accepts() throws Exception {
        // When
        Amtool.Result shown = leader.run("config", "show");

        // Then
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("receiver: ioc-hub").contains("group_by");
        Path file = Files.writeString(dir.resolve("hub-config.yml"), AmStatus.CONFIG);
        Amtool.Result check = Amtool.exec(List.of(Amtool.BINARY.toString(), "check-config", file.toString()));
        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).contains("SUCCESS");
    }

    @Test
    void grafana_health_check_path_does_not_answer_200_so_the_source_is_not_taken_for_mimir() throws SQLException {
        // Given
        ApiClient client = new ApiClient(server.port(), new TestTokens(database).issue(TokenRole.LEADER, "grafana"));

        // When
        ApiClient.Response mimirProbe = client.get("/am/alertmanager/api/v2/status");
        ApiClient.Response status = client.get("/am/api/v2/status");
        ApiClient.Response anonymous = new ApiClient(server.port()).get("/am/api/v2/status");

        // Then
        assertThat(mimirProbe.status()).isEqualTo(404);
        assertThat(status.status()).isEqualTo(200);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static JsonNode json(Amtool.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        try {
            return Json.mapper().readTree(result.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("amtool printed no JSON: " + result, e);
        }
    }

    private static List<String> fingerprints(JsonNode alerts) {
        List<String> out = new ArrayList<>();
        alerts.forEach(a -> out.add(a.get("fingerprint").asText()));
        return out;
    }

    private static String fp(Alert alert) {
        return AmAlert.fingerprint(alert.alertKey());
    }
}
