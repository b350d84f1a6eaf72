package vn.cantho.ioc.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.FakeApi;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.alert.Handling;

/**
 * Operator commands on alerts and silences over in-memory alerts: the status code and error code of every outcome
 * (changed, unchanged, unknown, stale version, refused, malformed, too large, not allowed).
 */
class AlertCommandRoutesTest {

    private static FakeAlerts twoAlerts() {
        return new FakeAlerts().firing(1, Severity.CRITICAL, "ninh-kieu").firing(2, Severity.WARNING, "cai-rang");
    }

    @Test
    void given_an_unacknowledged_alert_when_an_operator_acks_it_twice_then_changed_then_unchanged_both_200() {
        FakeAlerts alerts = twoAlerts();
        new FakeApi().alerts(alerts).test(api -> {
            ApiClient operator = api.as(FakeApi.OPERATOR);
            ApiClient.Response first = operator.post("/api/v1/alerts/1/ack", "");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().get("outcome").asText()).isEqualTo("CHANGED");
            assertThat(first.body().get("alert").get("ackedBy").asText()).isEqualTo("operator #2");
            assertThat(first.header("ETag")).contains("2");
            ApiClient.Response repeat = operator.post("/api/v1/alerts/1/ack", "{}");
            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.body().get("outcome").asText()).isEqualTo("UNCHANGED");
            assertThat(alerts.alert(1).handling()).isEqualTo(Handling.ACK);
        });
    }

    @Test
    void given_an_alert_at_version_1_when_a_command_names_an_older_version_then_412_version_mismatch_and_no_change() {
        FakeAlerts alerts = twoAlerts();
        new FakeApi().alerts(alerts).test(api -> {
            ApiClient operator = api.as(FakeApi.OPERATOR);
            assertThat(operator.post("/api/v1/alerts/1/assign", "{\"assignee\":\"lan\"}")
                            .status())
                    .isEqualTo(200);
            ApiClient.Response stale =
                    operator.post("/api/v1/alerts/1/comment", "{\"comment\":\"late\"}", Map.of("If-Match", "\"1\""));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
            assertThat(stale.header("ETag")).contains("2");
            assertThat(alerts.alert(1).version()).isEqualTo(2);
        });
    }

    @Test
    void given_commands_that_cannot_apply_when_sent_then_each_answers_its_status_and_stable_code() {
        new FakeApi().alerts(twoAlerts()).test(api -> {
            ApiClient operator = api.as(FakeApi.OPERATOR);
            assertThat(operator.post("/api/v1/alerts/99/ack", "").status()).isEqualTo(404);
            assertThat(operator.post("/api/v1/alerts/99/ack", "").code()).isEqualTo("UNKNOWN_ALERT");
            assertThat(operator.post("/api/v1/alerts/1/comment", "{}").status()).isEqualTo(400);
            assertThat(operator.post("/api/v1/alerts/1/comment", "{}").code()).isEqualTo("INVALID_COMMAND");
            assertThat(operator.post("/api/v1/alerts/1/ack", "{\"coment\":\"typo\"}")
                            .code())
                    .isEqualTo("BAD_BODY");
            assertThat(operator.post("/api/v1/alerts/1/ack", "[1,2]").code()).isEqualTo("BAD_BODY");
            assertThat(operator.post("/api/v1/alerts/1/ack", "{\"comment\":").code())
                    .isEqualTo("BAD_BODY");
            assertThat(operator.post("/api/v1/alerts/1/assign", "{}").code()).isEqualTo("BAD_BODY");
            assertThat(operator.post("/api/v1/alerts/x/ack", "").code()).isEqualTo("BAD_PARAMETER");
        });
    }

    @Test
    void given_a_body_over_the_limit_when_a_command_is_sent_then_413_payload_too_large() {
        new FakeApi().alerts(twoAlerts()).test(api -> {
            String comment = "x".repeat(ApiServer.MAX_BODY_BYTES);
            ApiClient.Response response =
                    api.as(FakeApi.OPERATOR).post("/api/v1/alerts/1/comment", "{\"comment\":\"" + comment + "\"}");
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        });
    }

    @Test
    void given_a_leader_token_when_a_command_is_sent_then_403_and_the_alert_is_unchanged() {
        FakeAlerts alerts = twoAlerts();
        new FakeApi().alerts(alerts).test(api -> {
            ApiClient.Response response = api.as(FakeApi.LEADER).post("/api/v1/alerts/1/ack", "");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
            assertThat(api.anonymous().post("/api/v1/alerts/1/ack", "").status())
                    .isEqualTo(401);
            assertThat(alerts.alert(1).version()).isEqualTo(1);
        });
    }

    @Test
    void given_two_alerts_when_a_bulk_ack_names_one_stale_version_and_one_unknown_alert_then_each_gets_its_outcome() {
        new FakeApi().alerts(twoAlerts()).test(api -> {
            ApiClient.Response response = api.as(FakeApi.OPERATOR)
                    .post(
                            "/api/v1/alerts/bulk",
                            "{\"action\":\"ack\",\"alerts\":[{\"id\":1},{\"id\":2,\"version\":7},{\"id\":9}]}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("results")).hasSize(3);
            assertThat(response.body().get("results").findValuesAsText("outcome"))
                    .containsExactly("CHANGED", "CONFLICT", "NOT_FOUND");
            assertThat(api.as(FakeApi.OPERATOR)
                            .post("/api/v1/alerts/bulk", "{\"action\":\"dance\",\"alerts\":[{\"id\":1}]}")
                            .code())
                    .isEqualTo("BAD_BODY");
            assertThat(api.as(FakeApi.OPERATOR)
                            .post("/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":[]}")
                            .code())
                    .isEqualTo("BAD_BODY");
        });
    }

    @Test
    void given_no_silences_when_an_operator_creates_then_expires_one_then_201_then_200_and_an_unknown_one_is_404() {
        new FakeApi().alerts(twoAlerts()).test(api -> {
            ApiClient operator = api.as(FakeApi.OPERATOR);
            ApiClient.Response created = operator.post(
                    "/api/v1/silences",
                    "{\"matchers\":[\"area=ninh-kieu\"],"
                            + "\"comment\":\"pump maintenance\",\"startsAt\":\"2030-01-01T00:00:00Z\","
                            + "\"endsAt\":\"2030-01-02T00:00:00Z\"}");
            assertThat(created.status()).isEqualTo(201);
            long id = created.body().get("id").asLong();
            assertThat(operator.get("/api/v1/silences").body().get("items")).hasSize(1);
            assertThat(operator.post("/api/v1/silences/" + id + "/expire", "").status())
                    .isEqualTo(200);
            assertThat(operator.get("/api/v1/silences").body().get("items")).isEmpty();
            assertThat(operator.post("/api/v1/silences/99/expire", "").code()).isEqualTo("UNKNOWN_SILENCE");
            assertThat(operator.post(
                                    "/api/v1/silences",
                                    "{\"matchers\":[],\"comment\":\"x\",\"endsAt\":\"2030-01-02T00:00:00Z\"}")
                            .code())
                    .isEqualTo("BAD_BODY");
            ApiClient.Response tooLong = operator.post(
                    "/api/v1/silences",
                    "{\"matchers\":[\"area=ninh-kieu\"],"
                            + "\"comment\":\"forever\",\"startsAt\":\"2030-01-01T00:00:00Z\",\"endsAt\":\"2030-03-01T00:00:00Z\"}");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.code()).isEqualTo("INVALID_COMMAND");
        });
    }
}
