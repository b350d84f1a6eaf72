package vn.cantho.ioc.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.FakeApi;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

/** KPIs against their targets over in-memory values: latest values, history paging, errors and roles. */
class KpiRoutesTest {

    private static final Instant DAY0 = Instant.parse("2026-11-19T17:00:00Z");
    private static final IndicatorDefinition ON_TIME =
            IndicatorRegistry.builtIn().byId("dossiers_on_time_rate").orElseThrow();

    /** Four days of on-time rates of so-tnmt (90, 91, 92, 93 %) and today's 97 % of so-xd. */
    private static FakeKpis fourDays() {
        FakeKpis kpis = new FakeKpis();
        for (int day = 0; day < 4; day++) {
            kpis.daily(ON_TIME, "so-tnmt", DAY0.plus(day, ChronoUnit.DAYS), 90 + day);
        }
        return kpis.daily(ON_TIME, "so-xd", DAY0.plus(3, ChronoUnit.DAYS), 97);
    }

    @Test
    void given_two_agencies_when_the_government_kpis_are_asked_then_each_series_shows_its_latest_value_and_target() {
        new FakeApi().kpis(fourDays()).test(api -> {
            ApiClient.Response response = api.as(FakeApi.LEADER).get("/api/v1/kpis?domain=government");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("items").findValuesAsText("entityId"))
                    .containsExactlyInAnyOrder("so-tnmt", "so-xd");
            assertThat(response.body().get("items").findValues("value").stream()
                            .map(v -> v.asDouble())
                            .toList())
                    .containsExactlyInAnyOrder(93.0, 97.0);
            assertThat(api.as(FakeApi.LEADER)
                            .get("/api/v1/kpis?domain=tourism")
                            .body()
                            .get("items"))
                    .isEmpty();
        });
    }

    @Test
    void given_four_days_of_one_agency_when_its_history_is_paged_by_three_then_two_pages_hold_the_days_in_order() {
        new FakeApi().kpis(fourDays()).test(api -> {
            ApiClient reader = api.as(FakeApi.OPERATOR);
            ApiClient.Response first = reader.get("/api/v1/kpis/dossiers_on_time_rate?entity=so-tnmt&limit=3");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().get("target").asDouble()).isEqualTo(95);
            assertThat(first.body().get("items").findValues("value").stream()
                            .map(v -> v.asDouble())
                            .toList())
                    .containsExactly(90.0, 91.0, 92.0);
            ApiClient.Response last = reader.get("/api/v1/kpis/dossiers_on_time_rate?entity=so-tnmt&limit=3&cursor="
                    + ApiClient.encode(first.body().get("nextCursor").asText()));
            assertThat(last.body().get("items").findValues("value").stream()
                            .map(v -> v.asDouble())
                            .toList())
                    .containsExactly(93.0);
            assertThat(last.body().path("nextCursor").isTextual()).isFalse();
        });
    }

    @Test
    void given_bad_parameters_when_kpis_are_asked_then_404_for_an_unknown_kpi_or_area_and_400_otherwise() {
        new FakeApi().kpis(fourDays()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            assertThat(reader.get("/api/v1/kpis/happiness").status()).isEqualTo(404);
            assertThat(reader.get("/api/v1/kpis/happiness").code()).isEqualTo("UNKNOWN_INDICATOR");
            assertThat(reader.get("/api/v1/kpis?area=atlantis").code()).isEqualTo("UNKNOWN_AREA");
            for (String path : List.of(
                    "/api/v1/kpis?domain=weather",
                    "/api/v1/kpis/dossiers_on_time_rate?cursor=forged",
                    "/api/v1/kpis/dossiers_on_time_rate?from=2026-11-23&to=2026-11-22",
                    "/api/v1/kpis/dossiers_on_time_rate?from=last-week",
                    "/api/v1/kpis/dossiers_on_time_rate?limit=1001")) {
                ApiClient.Response response = reader.get(path);
                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.code()).as(path).isEqualTo("BAD_PARAMETER");
            }
        });
    }

    @Test
    void given_a_department_token_when_kpis_are_asked_then_403() {
        new FakeApi().kpis(fourDays()).test(api -> assertThat(
                        api.as(FakeApi.DEPARTMENT).get("/api/v1/kpis").code())
                .isEqualTo("FORBIDDEN"));
    }
}
