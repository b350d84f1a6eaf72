package vn.cantho.ioc.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.FakeApi;
import vn.cantho.ioc.model.alert.Severity;

/** The alert list, one alert and its audit trail over in-memory alerts: filters, paging, ETags, errors and roles. */
class AlertRoutesTest {

    /** Seven alerts: odd ids CRITICAL in ninh-kieu, even ids WARNING in cai-rang. */
    private static FakeAlerts sevenAlerts() {
        FakeAlerts alerts = new FakeAlerts();
        for (long id = 1; id <= 7; id++) {
            alerts.firing(
                    id, id % 2 == 1 ? Severity.CRITICAL : Severity.WARNING, id % 2 == 1 ? "ninh-kieu" : "cai-rang");
        }
        return alerts;
    }

    private static List<Long> ids(ApiClient.Response page) {
        List<Long> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void given_seven_alerts_when_paging_by_three_then_the_pages_hold_three_three_and_one_and_the_last_has_no_cursor() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            ApiClient.Response first = reader.get("/api/v1/alerts?limit=3");
            assertThat(first.status()).isEqualTo(200);
            assertThat(ids(first)).containsExactly(1L, 2L, 3L);
            ApiClient.Response second = reader.get("/api/v1/alerts?limit=3&cursor="
                    + ApiClient.encode(first.body().get("nextCursor").asText()));
            assertThat(ids(second)).containsExactly(4L, 5L, 6L);
            ApiClient.Response last = reader.get("/api/v1/alerts?limit=3&cursor="
                    + ApiClient.encode(second.body().get("nextCursor").asText()));
            assertThat(ids(last)).containsExactly(7L);
            assertThat(last.body().get("nextCursor").isNull()).isTrue();
        });
    }

    @Test
    void given_alerts_of_two_severities_and_areas_when_filtered_then_only_the_matching_ones_are_listed() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            ApiClient reader = api.as(FakeApi.OPERATOR);
            assertThat(ids(reader.get("/api/v1/alerts?severity=critical"))).containsExactly(1L, 3L, 5L, 7L);
            assertThat(ids(reader.get("/api/v1/alerts?area=cai-rang&condition=FIRING")))
                    .containsExactly(2L, 4L, 6L);
            assertThat(ids(reader.get("/api/v1/alerts?handling=ACK"))).isEmpty();
        });
    }

    @Test
    void given_a_cursor_the_store_did_not_make_when_listing_then_it_is_a_400_naming_the_cursor() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            ApiClient.Response response = api.as(FakeApi.LEADER).get("/api/v1/alerts?cursor=forged");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("BAD_PARAMETER");
            assertThat(response.message()).contains("cursor");
        });
    }

    @Test
    void given_bad_filters_when_listing_then_each_is_a_400_bad_parameter() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            for (String query : List.of(
                    "limit=0",
                    "limit=501",
                    "limit=many",
                    "severity=apocalyptic",
                    "from=yesterday",
                    "from=2026-11-23T04:00:00Z&to=2026-11-23T03:00:00Z",
                    "match=%3D%3D")) {
                ApiClient.Response response = reader.get("/api/v1/alerts?" + query);
                assertThat(response.status()).as(query).isEqualTo(400);
                assertThat(response.code()).as(query).isEqualTo("BAD_PARAMETER");
            }
        });
    }

    @Test
    void given_an_alert_when_it_is_read_then_its_etag_is_its_version_and_a_matching_if_none_match_is_a_304() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            ApiClient.Response alert = reader.get("/api/v1/alerts/3");
            assertThat(alert.status()).isEqualTo(200);
            assertThat(alert.body().get("severity").asText()).isEqualTo("CRITICAL");
            String etag = alert.header("ETag");
            assertThat(etag).contains("1");
            assertThat(reader.send("GET", "/api/v1/alerts/3", null, Map.of("If-None-Match", etag))
                            .status())
                    .isEqualTo(304);
        });
    }

    @Test
    void given_no_such_alert_or_a_malformed_id_when_it_or_its_trail_is_read_then_404_unknown_alert_or_400() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            assertThat(reader.get("/api/v1/alerts/99").status()).isEqualTo(404);
            assertThat(reader.get("/api/v1/alerts/99").code()).isEqualTo("UNKNOWN_ALERT");
            assertThat(reader.get("/api/v1/alerts/99/events").code()).isEqualTo("UNKNOWN_ALERT");
            assertThat(reader.get("/api/v1/alerts/-1").code()).isEqualTo("BAD_PARAMETER");
            assertThat(reader.get("/api/v1/alerts/abc").code()).isEqualTo("BAD_PARAMETER");
        });
    }

    @Test
    void given_an_acknowledged_alert_when_its_trail_is_read_then_it_lists_the_acknowledgement_by_the_token() {
        FakeAlerts alerts = sevenAlerts();
        new FakeApi().alerts(alerts).test(api -> {
            assertThat(api.as(FakeApi.OPERATOR)
                            .post("/api/v1/alerts/2/ack", "{\"comment\":\"on it\"}")
                            .status())
                    .isEqualTo(200);
            ApiClient.Response trail = api.as(FakeApi.LEADER).get("/api/v1/alerts/2/events");
            assertThat(trail.status()).isEqualTo(200);
            assertThat(trail.body().get("items")).hasSize(1);
            assertThat(trail.body().get("items").get(0).get("type").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(trail.body().get("items").get(0).get("actor").asText()).isEqualTo("operator #2");
            assertThat(trail.body().get("items").get(0).get("comment").asText()).isEqualTo("on it");
        });
    }

    @Test
    void given_no_token_or_a_department_token_when_alerts_are_listed_then_401_or_403() {
        new FakeApi().alerts(sevenAlerts()).test(api -> {
            assertThat(api.anonymous().get("/api/v1/alerts").code()).isEqualTo("UNAUTHENTICATED");
            assertThat(api.as(FakeApi.DEPARTMENT).get("/api/v1/alerts").status())
                    .isEqualTo(403);
        });
    }
}
