package vn.cantho.ioc.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.api.alert.Incidents;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.indicator.IndicatorWriter;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.ConsoleBrowser;

/**
 * The wall overview in a real headless Chromium: the district map drawn from the registry's GeoJSON as the hub
 * serves it, stations coloured by VN_AQI and gauges by BĐ level from stored indicators, open alerts counted per
 * district and per domain tile, a new CRITICAL alert arriving without a reload and ringing the bell, and the
 * click-through to the filtered alert list, and the English toggle. Data: VN_AQI 162 ("Xấu", red) at aq-ninh-kieu-01, BĐ II at
 * wl-can-tho, the city's on-time dossier rate 88 % (target 95 %), open alerts CRITICAL and MAJOR in Ninh Kiều and
 * WARNING in Cái Răng.
 */
@Tag("browser")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WallOverviewIT {

    private static final Path GEOJSON = Path.of("..", "model", "src", "main", "resources", "registry", "areas.geojson");

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static String leader;
    private ConsoleBrowser console;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("wall_overview_it");
        TestTokens tokens = new TestTokens(database);
        leader = tokens.issue(TokenRole.LEADER, "Phòng điều hành - màn hình tường");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        List<Indicator> rows = new ArrayList<>();
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                "vn_aqi_hourly",
                Scope.DEVICE,
                "aq-ninh-kieu-01",
                "environment",
                "ninh-kieu",
                Granularity.HOUR,
                hour,
                hour.plus(Duration.ofHours(1)),
                162,
                null,
                Map.of(
                        "category",
                        "Xấu",
                        "category_id",
                        "bad",
                        "colour",
                        "#FF0000",
                        "dominant_pollutant",
                        "pm25",
                        "sub_index.pm25",
                        "162",
                        "provisional",
                        "false"),
                hour));
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                "water_level_alert_level",
                Scope.DEVICE,
                "wl-can-tho",
                "environment",
                "ninh-kieu",
                Granularity.HOUR,
                hour,
                hour.plus(Duration.ofHours(1)),
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
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                "dossiers_on_time_rate_city",
                Scope.CITY,
                "can-tho",
                "government",
                null,
                Granularity.DAY,
                today,
                today.plus(Duration.ofDays(1)),
                88,
                new TreeMap<>(),
                Map.of("numerator", "88", "denominator", "100"),
                today));
        new IndicatorWriter(database.dataSource()).upsert(rows);
        server = TestApi.start(database, Map.of());
        incidents = new Incidents(database);
        incidents.pm25("ninh-kieu", Severity.CRITICAL);
        incidents.riverLevel(Severity.MAJOR);
        incidents.pm25("cai-rang", Severity.WARNING);
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @BeforeEach
    void openBrowser() {
        console = new ConsoleBrowser(server.port(), 1920, 1080);
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void
            the_wall_draws_every_district_of_the_geojson_with_alarm_counts_stations_gauges_and_tiles_and_loads_nothing_from_elsewhere()
                    throws Exception {
        // Given: the registry's district shapes
        JsonNode shapes = Json.mapper().readTree(Files.readAllBytes(GEOJSON));
        List<String> codes = new ArrayList<>();
        shapes.get("features")
                .forEach(f -> codes.add(f.get("properties").get("code").asText()));

        // When: a leader opens the console in wall mode
        console.signIn(leader, "?wall=1");
        console.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#map .district"), codes.size()));
        console.wait.until(ExpectedConditions.textToBe(badge("ninh-kieu"), "2"));

        // Then: one shape per feature of the data file, with its open alerts counted on it
        assertThat(console.driver.findElements(By.cssSelector("#map .district")))
                .extracting(e -> e.getAttribute("data-area"))
                .containsExactlyInAnyOrderElementsOf(codes);
        assertThat(console.driver
                        .findElement(By.cssSelector("#map .district[data-area='ninh-kieu'] path"))
                        .getAttribute("d"))
                .startsWith("M");
        assertThat(console.driver.findElement(badge("cai-rang")).getText()).isEqualTo("1");
        assertThat(console.driver.findElement(badge("o-mon")).getText()).isEqualTo("0");
        // and stations by VN_AQI, gauges by BĐ level, those without data grey
        console.wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#map .station[data-device='aq-ninh-kieu-01']"), "fill", "#FF0000"));
        assertThat(console.driver
                        .findElement(By.cssSelector("#map .station[data-device='aq-cai-rang-01']"))
                        .getAttribute("fill"))
                .isEqualTo("#9aa5b1");
        assertThat(console.driver
                        .findElement(By.cssSelector("#map .gauge[data-device='wl-can-tho']"))
                        .getAttribute("data-level"))
                .isEqualTo("2");
        // and eight tiles: environment red with its open alerts by severity, government orange off target
        assertThat(console.driver.findElements(By.cssSelector("#tiles .tile"))).hasSize(8);
        WebElement environment = console.driver.findElement(By.cssSelector(".tile[data-domain='environment']"));
        assertThat(environment.getAttribute("data-status")).isEqualTo("red");
        assertThat(count(environment, "CRITICAL")).isEqualTo("1");
        assertThat(count(environment, "MAJOR")).isEqualTo("1");
        assertThat(count(environment, "WARNING")).isEqualTo("1");
        assertThat(environment.findElement(By.cssSelector("[data-field='kpi']")).getText())
                .contains("162");
        WebElement government = console.driver.findElement(By.cssSelector(".tile[data-domain='government']"));
        console.wait.until(ExpectedConditions.attributeToBe(government, "data-status", "orange"));
        assertThat(government.findElement(By.cssSelector("[data-field='kpi']")).getText())
                .contains("88")
                .contains("95");
        assertThat(console.driver
                        .findElement(By.cssSelector(".tile[data-domain='tourism']"))
                        .getAttribute("data-status"))
                .isEqualTo("grey");
        assertThat(console.driver.findElement(By.tagName("body")).getAttribute("class"))
                .contains("wall");
        // and nothing was fetched from anywhere but the hub
        assertThat(console.requestedUrls()).isNotEmpty().allSatisfy(url -> assertThat(url)
                .startsWith("http://127.0.0.1:" + server.port() + "/"));
        console.screenshot("wall-overview.png");
    }

    @Test
    void a_new_critical_alert_reaches_the_wall_without_a_reload_and_rings_the_bell_unless_the_screen_is_muted() {
        // Given: the wall open
        console.signIn(leader, "?wall=1");
        console.wait.until(ExpectedConditions.textToBe(badge("thot-not"), "0"));

        // When: PM2.5 spikes in Thốt Nốt
        Alert first = incidents.pm25("thot-not", Severity.CRITICAL);

        // Then: the district's count goes up live and the bell rang for that alert
        console.wait.until(ExpectedConditions.textToBe(badge("thot-not"), "1"));
        By flag = By.id("sound-flag");
        console.wait.until(ExpectedConditions.attributeToBe(flag, "data-alert-id", String.valueOf(first.id())));
        assertThat(console.driver.findElement(flag).getAttribute("data-sounded"))
                .isEqualTo("true");
        console.screenshot("wall-bell.png");

        // When: this screen is muted and another critical alert opens
        console.driver.findElement(By.id("mute")).click();
        Alert second = incidents.pm25("thot-not", Severity.CRITICAL);

        // Then: it is still flagged on screen, silently
        console.wait.until(ExpectedConditions.attributeToBe(flag, "data-alert-id", String.valueOf(second.id())));
        assertThat(console.driver.findElement(flag).getAttribute("data-sounded"))
                .isEqualTo("false");
        assertThat(console.driver.findElement(By.id("mute")).getText()).isEqualTo("Chuông: tắt");
    }

    @Test
    void clicking_a_district_opens_the_alert_list_filtered_to_its_open_alerts() {
        // Given
        console.signIn(leader, "#overview");
        console.wait.until(ExpectedConditions.textToBe(badge("cai-rang"), "1"));

        // When
        console.driver
                .findElement(By.cssSelector("#map .badge-group[data-area='cai-rang']"))
                .click();

        // Then
        console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alerts-view")));
        assertThat(console.driver.findElement(By.id("f-area")).getAttribute("value"))
                .isEqualTo("cai-rang");
        console.wait.until(ExpectedConditions.textToBe(By.id("count"), "1"));
        assertThat(console.driver.findElement(By.cssSelector("#alerts tr")).getText())
                .contains("Cái Răng");
    }

    @Test
    void the_english_toggle_switches_the_screen_s_labels_and_vietnamese_comes_back_with_it() {
        // Given
        console.signIn(leader, "?wall=1");
        console.wait.until(ExpectedConditions.textToBe(badge("ninh-kieu"), "2"));

        // When: the screen switches to English (the page reloads, still signed in)
        console.driver.findElement(By.id("lang")).click();
        console.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Online"));

        // Then
        assertThat(console.driver.findElement(By.id("nav-overview")).getText()).isEqualTo("Overview");
        WebElement environment = console.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".tile[data-domain='environment'] .tile-name")));
        assertThat(environment.getText()).isEqualTo("Environment");
        assertThat(console.driver
                        .findElement(By.cssSelector(".tile[data-domain='environment'] [data-severity='CRITICAL']"))
                        .getAttribute("title"))
                .isEqualTo("Critical");
        console.screenshot("wall-english.png");

        // When / Then: and back
        console.driver.findElement(By.id("lang")).click();
        console.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Trực tuyến"));
        assertThat(console.driver.findElement(By.id("nav-overview")).getText()).isEqualTo("Tổng quan");
    }

    private static By badge(String area) {
        return By.cssSelector("#map .badge-group[data-area='" + area + "'] [data-field='alarm-count']");
    }

    private static String count(WebElement tile, String severity) {
        return tile.findElement(By.cssSelector("[data-severity='" + severity + "']"))
                .getText();
    }
}
