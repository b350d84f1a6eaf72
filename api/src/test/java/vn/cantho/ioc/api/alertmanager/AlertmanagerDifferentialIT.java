package vn.cantho.ioc.api.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
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
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * The same requests to the real Alertmanager (started on loopback with the configuration the hub's
 * {@code /status} describes, which proves that configuration loads) and to the hub: the JSON that
 * comes back has the same fields, of the same JSON types, at every level. Plus what the hub does with
 * what Grafana posts: external alerts deduplicated and resolved by {@code endsAt}.
 */
@Tag("db")
@Tag("alertmanager")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertmanagerDifferentialIT {

    private static Database database;
    private static ApiServer server;
    private static AlertService alerts;
    private static RealAlertmanager reference;
    private static ApiClient hub;
    private static ApiClient am;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.openFreshSchema("am_diff_it");
        server = TestApi.start(database, Map.of());
        alerts = new AlertService(database.dataSource(), Clock.systemUTC());
        hub = new ApiClient(server.port(), new TestTokens(database).issue(TokenRole.OPERATOR, "Grafana"));
        JsonNode status = hub.get("/am/api/v2/status").body();
        Path dir = WorkDirectories.temporary("am-diff-it");
        reference =
                RealAlertmanager.start(status.path("config").path("original").asText(), dir);
        am = new ApiClient(reference.port());
    }

    @AfterAll
    static void stop() {
        if (reference != null) {
            reference.close();
        }
        TestApi.stop(server, database);
    }

    @Test
    void posted_alerts_read_back_with_the_same_fields_from_both() {
        // Given
        String body = alertBody("NhietDoMayChuCao", "critical", Instant.now().truncatedTo(ChronoUnit.SECONDS), null);

        // When
        ApiClient.Response toHub = hub.post("/am/api/v2/alerts", body);
        ApiClient.Response toAm = am.post("/api/v2/alerts", body);

        // Then
        assertThat(toHub.status()).isEqualTo(200);
        assertThat(toAm.status()).isEqualTo(200);
        String filter = "?filter=" + ApiClient.encode("alertname=\"NhietDoMayChuCao\"");
        JsonNode fromHub = hub.get("/am/api/v2/alerts" + filter).body();
        JsonNode fromAm = am.get("/api/v2/alerts" + filter).body();
        assertThat(fromHub).hasSize(1);
        assertThat(fromAm).hasSize(1);
        assertThat(shape(fromHub)).isEqualTo(shape(fromAm));
        assertThat(fromHub.get(0).path("labels").path("alertname").asText()).isEqualTo("NhietDoMayChuCao");
        assertThat(fromHub.get(0).path("annotations").path("summary").asText()).isEqualTo("Máy chủ quá nóng");

        JsonNode groupsHub = hub.get("/am/api/v2/alerts/groups" + filter).body();
        JsonNode groupsAm = am.get("/api/v2/alerts/groups" + filter).body();
        assertThat(shape(groupsHub)).isEqualTo(shape(groupsAm));
        assertThat(shape(hub.get("/am/api/v2/receivers").body()))
                .isEqualTo(shape(am.get("/api/v2/receivers").body()));
    }

    @Test
    void status_has_the_same_fields_as_the_real_one() {
        JsonNode fromHub = hub.get("/am/api/v2/status").body();
        JsonNode fromAm = am.get("/api/v2/status").body();

        assertThat(shape(fromHub)).isEqualTo(shape(fromAm));
        assertThat(fromHub.path("cluster").path("status").asText()).isEqualTo("disabled");
    }

    @Test
    void silences_created_queried_and_expired_answer_with_the_same_fields() {
        // Given
        Instant end = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String silence =
                "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"NhietDo.*\",\"isRegex\":true,\"isEqual\":true},"
                        + "{\"name\":\"area\",\"value\":\"ninh-kieu\",\"isRegex\":false,\"isEqual\":false}],"
                        + "\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\"" + end + "\",\"createdBy\":\"grafana\","
                        + "\"comment\":\"Bảo trì máy chủ\"}";

        // When
        ApiClient.Response createdHub = hub.post("/am/api/v2/silences", silence);
        ApiClient.Response createdAm = am.post("/api/v2/silences", silence);
        String hubId = createdHub.body().path("silenceID").asText();
        String amId = createdAm.body().path("silenceID").asText();

        // Then
        assertThat(createdHub.status()).isEqualTo(200);
        assertThat(shape(createdHub.body())).isEqualTo(shape(createdAm.body()));
        JsonNode oneHub = hub.get("/am/api/v2/silence/" + hubId).body();
        JsonNode oneAm = am.get("/api/v2/silence/" + amId).body();
        assertThat(shape(oneHub)).isEqualTo(shape(oneAm));
        assertThat(oneHub.path("status").path("state").asText()).isEqualTo("active");
        assertThat(shape(hub.get("/am/api/v2/silences").body()))
                .isEqualTo(shape(am.get("/api/v2/silences").body()));

        // When the silence is updated (same id): the hub makes a new one and expires the old
        String update = silence.replace("{\"matchers\"", "{\"id\":\"" + hubId + "\",\"matchers\"")
                .replace("Bảo trì máy chủ", "Bảo trì máy chủ, kéo dài");
        String newId =
                hub.post("/am/api/v2/silences", update).body().path("silenceID").asText();

        // Then
        assertThat(newId).isNotEqualTo(hubId);
        assertThat(hub.get("/am/api/v2/silence/" + hubId)
                        .body()
                        .path("status")
                        .path("state")
                        .asText())
                .isEqualTo("expired");

        // When deleted
        ApiClient.Response deletedHub = hub.send("DELETE", "/am/api/v2/silence/" + newId);
        ApiClient.Response deletedAm = am.send("DELETE", "/api/v2/silence/" + amId);

        // Then
        assertThat(deletedHub.status()).isEqualTo(deletedAm.status()).isEqualTo(200);
        JsonNode expiredHub = hub.get("/am/api/v2/silence/" + newId).body();
        assertThat(expiredHub.path("status").path("state").asText()).isEqualTo("expired");
        assertThat(shape(expiredHub))
                .isEqualTo(shape(am.get("/api/v2/silence/" + amId).body()));
        assertThat(hub.get("/am/api/v2/silence/00000000-0000-4000-8000-0000ffffffff")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_external_alert_is_one_hub_alert_however_often_it_is_sent_and_resolves_by_ends_at() {
        // Given
        Instant startsAt = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        String firing = alertBody("MatKetNoiCamera", "warning", startsAt, null);

        // When Grafana sends it on each evaluation
        for (int i = 0; i < 3; i++) {
            assertThat(hub.post("/am/api/v2/alerts", firing).status()).isEqualTo(200);
        }

        // Then
        Alert alert = external("MatKetNoiCamera");
        assertThat(alert.condition()).isEqualTo(ConditionStatus.FIRING);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.labels()).containsEntry("kind", "EXTERNAL");
        assertThat(alert.occurrences()).isEqualTo(1);
        assertThat(alerts.events(alert.id())).hasSize(1);

        // When it resolves
        String resolved =
                alertBody("MatKetNoiCamera", "warning", startsAt, Instant.now().minusSeconds(1));
        assertThat(hub.post("/am/api/v2/alerts", resolved).status()).isEqualTo(200);

        // Then
        assertThat(external("MatKetNoiCamera").condition()).isEqualTo(ConditionStatus.RESOLVED);
        assertThat(hub.get("/am/api/v2/alerts?filter=" + ApiClient.encode("alertname=\"MatKetNoiCamera\""))
                        .body())
                .isEmpty();
    }

    @Test
    void bad_posts_are_refused_and_change_nothing() {
        assertThat(hub.post("/am/api/v2/alerts", "[{\"labels\":{}}]").code()).isEqualTo("BAD_BODY");
        assertThat(hub.post("/am/api/v2/alerts", "[{\"labels\":{\"severity\":\"critical\"}}]")
                        .code())
                .isEqualTo("BAD_BODY");
        assertThat(hub.post("/am/api/v2/alerts", "{\"labels\":{\"alertname\":\"x\"}}")
                        .code())
                .isEqualTo("BAD_BODY");
        assertThat(hub.post("/am/api/v2/alerts", "[{\"labels\":{\"alertname\":\"x\\u0000\"}}]")
                        .code())
                .isEqualTo("BAD_BODY");
        assertThat(hub.post("/am/api/v2/alerts", "[{\"labels\":{\"alertname\":\"x\"},\"endsAt\":\"hôm qua\"}]")
                        .code())
                .isEqualTo("BAD_BODY");
        assertThat(hub.send("DELETE", "/am/api/v2/silence/not-a-uuid").code()).isEqualTo("UNKNOWN_SILENCE");
        assertThat(hub.post(
                                "/am/api/v2/silences",
                                "{\"matchers\":[],\"endsAt\":\"2030-01-01T00:00:00Z\"," + "\"comment\":\"x\"}")
                        .code())
                .isEqualTo("BAD_BODY");
        assertThat(hub.get("/am/api/v2/alerts?filter=" + ApiClient.encode("area=~\"(\""))
                        .code())
                .isEqualTo("BAD_PARAMETER");
    }

    private static Alert external(String name) {
        return alerts.list(AlertQuery.all().withLimit(AlertQuery.MAX_LIMIT)).items().stream()
                .filter(a -> a.ruleId().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String alertBody(String name, String severity, Instant startsAt, Instant endsAt) {
        return "[{\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"" + severity + "\",\"instance\":\"srv-01\","
                + "\"grafana_folder\":\"IOC\"},\"annotations\":{\"summary\":\"Máy chủ quá nóng\"},"
                + "\"startsAt\":\"" + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
                + ",\"generatorURL\":\"http://grafana.local/alerting/grafana/abc/view\"}]";
    }

    /**
     * Every field path with its JSON type, e.g. {@code [].status.silencedBy:array}; maps of labels
     * (labels, annotations) count as one object, since their keys are data, not shape.
     */
    static String shape(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return String.join(" ", paths);
    }

    private static void collect(JsonNode node, String path, TreeSet<String> out) {
        String type = node.isNull()
                ? "null"
                : node.isObject()
                        ? "object"
                        : node.isArray()
                                ? "array"
                                : node.isBoolean() ? "boolean" : node.isNumber() ? "number" : "string";
        if (!path.isEmpty()) {
            out.add(path + ":" + type);
        }
        if (node.isObject() && !path.endsWith("labels") && !path.endsWith("annotations")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[]", out));
        }
    }
}
