package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiClient.Response;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.indicator.IndicatorWriter;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * The indicator endpoints over HTTP, reading values written with the real writer. Data set: hourly VN_AQI of
 * aq-ninh-kieu-01 (50, then 62) and aq-ninh-kieu-02 (120) in the last two hours, a three-day-old value of
 * aq-cai-rang-01 (80, stale); gauge wl-can-tho at BĐ II rising 20 cm/h; the other gauges have not reported.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IndicatorApiIT {

    private static final Duration HOUR = Duration.ofHours(1);

    private static Database database;
    private static ApiServer server;
    private static ApiClient client;
    private static Instant hour;

    @BeforeAll
    static void startApi() throws SQLException {
        database = TestDatabase.openFreshSchema("indicator_api_it");
        hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(HOUR);
        Instant old = hour.minus(Duration.ofDays(3));
        List<Indicator> rows = new ArrayList<>();
        rows.add(
                aqi("aq-ninh-kieu-01", "ninh-kieu", hour.minus(HOUR), 50, "Trung bình", "moderate", "#FFFF00", "pm25"));
        rows.add(aqi("aq-ninh-kieu-01", "ninh-kieu", hour, 62, "Trung bình", "moderate", "#FFFF00", "pm25"));
        rows.add(aqi("aq-ninh-kieu-02", "ninh-kieu", hour, 120, "Kém", "poor", "#FF7E00", "pm10"));
        rows.add(aqi("aq-cai-rang-01", "cai-rang", old, 80, "Trung bình", "moderate", "#FFFF00", "pm25"));
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                "water_level_alert_level",
                Scope.DEVICE,
                "wl-can-tho",
                "environment",
                "ninh-kieu",
                Granularity.HOUR,
                hour,
                hour.plus(HOUR),
                2,
                null,
                Map.of(
                        "level_name",
                        "BĐ II",
                        "last_level_m",
                        "1.950",
                        "last_level_at",
                        hour.plusSeconds(1200).toString(),
                        "max_level_m",
                        "1.960",
                        "thresholds_m",
                        "1.80,1.90,2.00",
                        "provisional",
                        "true"),
                hour.plusSeconds(1200)));
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                "water_level_rise_rate",
                Scope.DEVICE,
                "wl-can-tho",
                "environment",
                "ninh-kieu",
                Granularity.HOUR,
                hour,
                hour.plus(HOUR),
                20,
                null,
                Map.of("provisional", "true"),
                hour.plusSeconds(1200)));
        new IndicatorWriter(database.dataSource()).upsert(rows);

        server = TestApi.start(database, Map.of());
        client = new ApiClient(server.port(), new TestTokens(database).issue(TokenRole.LEADER, "IndicatorApiIT"));
    }

    @AfterAll
    static void stopApi() {
        TestApi.stop(server, database);
    }

    @Test
    void current_aqi_lists_every_station_latest_hour_and_each_area_at_its_worst_live_station() {
        // When
        Response response = client.get("/api/v1/aqi/current");

        // Then
        assertThat(response.status()).isEqualTo(200);
        JsonNode stations = response.body().get("stations");
        assertThat(stations)
                .extracting(s -> s.get("device").asText())
                .containsExactly("aq-cai-rang-01", "aq-ninh-kieu-01", "aq-ninh-kieu-02");
        JsonNode nk1 = stations.get(1);
        assertThat(nk1.get("aqi").asInt()).isEqualTo(62);
        assertThat(nk1.get("periodStart").asText()).isEqualTo(hour.toString());
        assertThat(nk1.get("category").asText()).isEqualTo("Trung bình");
        assertThat(nk1.get("colour").asText()).isEqualTo("#FFFF00");
        assertThat(nk1.get("dominantPollutant").asText()).isEqualTo("pm25");
        assertThat(nk1.get("subIndices").get("pm25").asInt()).isEqualTo(62);
        assertThat(nk1.get("name").asText()).isEqualTo("Trạm quan trắc không khí Ninh Kiều 1");
        assertThat(nk1.get("stale").asBoolean()).isFalse();
        assertThat(stations.get(0).get("stale").asBoolean()).isTrue();

        JsonNode areas = response.body().get("areas");
        assertThat(areas).extracting(a -> a.get("area").asText()).containsExactly("cai-rang", "ninh-kieu");
        JsonNode ninhKieu = areas.get(1);
        assertThat(ninhKieu.get("aqi").asInt()).isEqualTo(120);
        assertThat(ninhKieu.get("station").asText()).isEqualTo("aq-ninh-kieu-02");
        assertThat(ninhKieu.get("category").asText()).isEqualTo("Kém");
        assertThat(ninhKieu.get("colour").asText()).isEqualTo("#FF7E00");
        assertThat(ninhKieu.get("stale").asBoolean()).isFalse();
        assertThat(areas.get(0).get("stale").asBoolean()).isTrue();
    }

    @Test
    void current_aqi_of_one_area_and_of_an_unknown_area() {
        Response response = client.get("/api/v1/aqi/current?area=ninh-kieu");
        assertThat(response.body().get("stations")).hasSize(2);
        assertThat(response.body().get("areas")).hasSize(1);

        Response unknown = client.get("/api/v1/aqi/current?area=ha-noi");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_AREA");
    }

    @Test
    void water_levels_list_every_gauge_with_level_alert_level_and_rise_rate() {
        Response response = client.get("/api/v1/water-levels/current");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.body().get("items");
        assertThat(items)
                .extracting(g -> g.get("device").asText())
                .containsExactly("wl-cai-rang", "wl-can-tho", "wl-o-mon", "wl-thot-not");
        JsonNode canTho = items.get(1);
        assertThat(canTho.get("level").asDouble()).isEqualTo(1.95);
        assertThat(canTho.get("maxLevel").asDouble()).isEqualTo(1.96);
        assertThat(canTho.get("alertLevel").asInt()).isEqualTo(2);
        assertThat(canTho.get("alertLevelName").asText()).isEqualTo("BĐ II");
        assertThat(canTho.get("riseRateCmPerHour").asDouble()).isEqualTo(20.0);
        assertThat(canTho.get("thresholds").asText()).isEqualTo("1.80,1.90,2.00");
        assertThat(canTho.get("levelAt").asText())
                .isEqualTo(hour.plusSeconds(1200).toString());
        assertThat(items.get(0).get("level").isNull()).isTrue();

        assertThat(client.get("/api/v1/water-levels/current?area=cai-rang")
                        .body()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void indicators_are_filtered_and_paged_with_a_cursor() {
        String query = "/api/v1/indicators?indicator=vn_aqi_hourly&entity=aq-ninh-kieu-01&limit=1";

        Response first = client.get(query);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("items")).hasSize(1);
        JsonNode item = first.body().get("items").get(0);
        assertThat(item.get("value").asDouble()).isEqualTo(50.0);
        assertThat(item.get("unit").asText()).isEqualTo("index");
        assertThat(item.get("granularity").asText()).isEqualTo("hour");
        assertThat(item.get("attributes").get("category").asText()).isEqualTo("Trung bình");

        Response second =
                client.get(query + "&cursor=" + first.body().get("nextCursor").asText());
        assertThat(second.body().get("items").get(0).get("value").asDouble()).isEqualTo(62.0);
        assertThat(second.body().get("nextCursor").isNull()).isTrue();

        Response byArea = client.get(
                "/api/v1/indicators?domain=environment&area=ninh-kieu&from=" + hour + "&to=" + hour.plus(HOUR));
        assertThat(byArea.body().get("items"))
                .extracting(i ->
                        i.get("indicator").asText() + " " + i.get("entityId").asText())
                .containsExactlyInAnyOrder(
                        "vn_aqi_hourly aq-ninh-kieu-01",
                        "vn_aqi_hourly aq-ninh-kieu-02",
                        "water_level_alert_level wl-can-tho",
                        "water_level_rise_rate wl-can-tho");
    }

    @Test
    void bad_parameters_get_a_stable_code_and_a_message_naming_them() {
        Response badGranularity = client.get("/api/v1/indicators?granularity=weekly");
        assertThat(badGranularity.status()).isEqualTo(400);
        assertThat(badGranularity.code()).isEqualTo("BAD_PARAMETER");
        assertThat(badGranularity.message()).startsWith("granularity:");

        Response unknown = client.get("/api/v1/indicators?indicator=" + ApiClient.encode("x' OR 1=1 --"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_INDICATOR");

        Response badCursor = client.get("/api/v1/indicators?cursor=nope");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.message()).startsWith("cursor:");
    }

    private static Indicator aqi(
            String device,
            String area,
            Instant start,
            int value,
            String category,
            String categoryId,
            String colour,
            String dominant) {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                "vn_aqi_hourly",
                Scope.DEVICE,
                device,
                "environment",
                area,
                Granularity.HOUR,
                start,
                start.plus(HOUR),
                value,
                null,
                Map.of(
                        "category",
                        category,
                        "category_id",
                        categoryId,
                        "colour",
                        colour,
                        "dominant_pollutant",
                        dominant,
                        "sub_index." + dominant,
                        Integer.toString(value),
                        "provisional",
                        "false"),
                start.plus(HOUR));
    }
}
