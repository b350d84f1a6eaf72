package vn.cantho.ioc.api.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.FakeApi;

/** Indicator values and current conditions over in-memory values: paging, the area roll-up, errors and roles. */
class IndicatorRoutesTest {

    private static final Instant H0 = Instant.parse("2026-11-23T00:00:00Z");

    private static FakeIndicators threeHours() {
        FakeIndicators indicators = new FakeIndicators();
        for (int hour = 0; hour < 3; hour++) {
            indicators.hourly(
                    "vn_aqi_hourly",
                    "aq-ninh-kieu-01",
                    "ninh-kieu",
                    H0.plus(hour, ChronoUnit.HOURS),
                    50 + hour,
                    Map.of());
        }
        return indicators;
    }

    @Test
    void given_three_hourly_values_when_paging_by_two_then_two_pages_hold_them_in_period_order() {
        new FakeApi().indicators(threeHours()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            ApiClient.Response first = reader.get("/api/v1/indicators?indicator=vn_aqi_hourly&limit=2");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().get("items").findValuesAsText("periodStart"))
                    .containsExactly("2026-11-23T00:00:00Z", "2026-11-23T01:00:00Z");
            ApiClient.Response last = reader.get("/api/v1/indicators?indicator=vn_aqi_hourly&limit=2&cursor="
                    + ApiClient.encode(first.body().get("nextCursor").asText()));
            assertThat(last.body().get("items").findValuesAsText("periodStart"))
                    .containsExactly("2026-11-23T02:00:00Z");
            assertThat(last.body().get("items").get(0).get("value").asDouble()).isEqualTo(52);
            assertThat(last.body().get("nextCursor").isNull()).isTrue();
        });
    }

    @Test
    void given_bad_filters_when_indicators_are_asked_then_404_for_unknown_ids_and_400_for_malformed_values() {
        new FakeApi().indicators(threeHours()).test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            assertThat(reader.get("/api/v1/indicators?indicator=happiness").code())
                    .isEqualTo("UNKNOWN_INDICATOR");
            assertThat(reader.get("/api/v1/indicators?area=atlantis").code()).isEqualTo("UNKNOWN_AREA");
            assertThat(reader.get("/api/v1/aqi/current?area=atlantis").status()).isEqualTo(404);
            for (String query : List.of(
                    "granularity=fortnight",
                    "scope=galaxy",
                    "limit=0",
                    "cursor=forged",
                    "from=2026-11-23T02:00:00Z&to=2026-11-23T01:00:00Z")) {
                ApiClient.Response response = reader.get("/api/v1/indicators?" + query);
                assertThat(response.status()).as(query).isEqualTo(400);
                assertThat(response.code()).as(query).isEqualTo("BAD_PARAMETER");
            }
        });
    }

    @Test
    void given_two_stations_in_an_area_when_the_current_aqi_is_asked_then_the_area_shows_its_worst_station() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        FakeIndicators indicators = new FakeIndicators()
                .hourly(
                        "vn_aqi_hourly",
                        "aq-ninh-kieu-01",
                        "ninh-kieu",
                        hour,
                        80,
                        Map.of("category", "Trung bình", "dominant_pollutant", "pm25"))
                .hourly(
                        "vn_aqi_hourly",
                        "aq-ninh-kieu-02",
                        "ninh-kieu",
                        hour,
                        120,
                        Map.of("category", "Kém", "dominant_pollutant", "pm10"));
        new FakeApi().indicators(indicators).test(api -> {
            ApiClient.Response response = api.as(FakeApi.OPERATOR).get("/api/v1/aqi/current?area=ninh-kieu");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("stations")).hasSize(2);
            JsonNode area = response.body().get("areas").get(0);
            assertThat(area.get("aqi").asInt()).isEqualTo(120);
            assertThat(area.get("dominantPollutant").asText()).isEqualTo("pm10");
        });
    }

    @Test
    void given_no_stored_levels_when_water_levels_are_asked_then_every_registered_gauge_is_listed_without_a_level() {
        new FakeApi().test(api -> {
            ApiClient.Response response = api.as(FakeApi.LEADER).get("/api/v1/water-levels/current");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("items")).isNotEmpty();
            response.body().get("items").forEach(item -> assertThat(
                            item.path("alertLevel").isNumber())
                    .isFalse());
        });
    }

    @Test
    void given_a_department_token_when_indicators_are_asked_then_403() {
        new FakeApi().indicators(threeHours()).test(api -> {
            assertThat(api.as(FakeApi.DEPARTMENT).get("/api/v1/indicators").code())
                    .isEqualTo("FORBIDDEN");
            assertThat(api.anonymous().get("/api/v1/aqi/current").status()).isEqualTo(401);
        });
    }
}
