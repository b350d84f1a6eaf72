package vn.cantho.ioc.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.api.alert.Incidents;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.ConsoleBrowser;

/**
 * An operator's work on the alert list in a real headless Chromium: acknowledging from the keyboard with a
 * note, acknowledging three alerts at once, and filters (including "assigned to me") that survive a reload of
 * the screen. Each test works in a district of its own, so the tests do not see each other's alerts.
 */
@Tag("browser")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertWorkIT {

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static TestTokens tokens;
    private static String operator;
    private ConsoleBrowser console;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("alert_work_it");
        tokens = new TestTokens(database);
        operator = tokens.issue(TokenRole.OPERATOR, "Ca trực 3 - Lê Hoa");
        server = TestApi.start(database, Map.of());
        incidents = new Incidents(database);
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @BeforeEach
    void openBrowser() {
        console = new ConsoleBrowser(server.port());
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void j_selects_the_newest_alert_and_a_acknowledges_it_with_the_note_typed_in_the_detail_pane() {
        // Given: one alert in Ô Môn, the list filtered to it
        Alert alert = incidents.pm25("o-mon", Severity.MAJOR);
        console.signIn(operator);
        filterArea("o-mon");
        console.wait.until(ExpectedConditions.textToBe(By.id("count"), "1"));

        // When: j selects it, the operator types a note, leaves the field and presses a
        keys("j");
        console.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-events tr[data-type='OPENED']")));
        console.driver.findElement(By.id("d-comment")).sendKeys("Đã gọi trạm Ô Môn");
        keys("a");

        // Then: the audit trail shows the acknowledgement with the note and the operator
        var acked = console.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#d-events tr[data-type='ACKNOWLEDGED']")));
        assertThat(acked.findElement(By.cssSelector("[data-field='comment']")).getText())
                .isEqualTo("Đã gọi trạm Ô Môn");
        assertThat(acked.findElement(By.cssSelector("[data-field='actor']")).getText())
                .isEqualTo(tokens.actor(operator));
        assertThat(api().get("/api/v1/alerts/" + alert.id())
                        .body()
                        .get("handling")
                        .asText())
                .isEqualTo("ACK");
        console.screenshot("keyboard-ack.png");
    }

    @Test
    void three_alerts_ticked_in_the_list_are_acknowledged_together_with_one_note() {
        // Given: three open alerts in Phong Điền
        List<Alert> alerts = List.of(
                incidents.pm25("phong-dien", Severity.CRITICAL),
                incidents.pm25("phong-dien", Severity.MAJOR),
                incidents.pm25("phong-dien", Severity.WARNING));
        console.signIn(operator);
        filterArea("phong-dien");
        console.wait.until(ExpectedConditions.textToBe(By.id("count"), "3"));

        // When: the operator ticks all three and acknowledges them with a note
        for (Alert alert : alerts) {
            console.driver
                    .findElement(By.cssSelector("#alerts tr[data-alert-id='" + alert.id() + "'] input.pick"))
                    .click();
        }
        assertThat(console.driver.findElement(By.id("bulk-count")).getText()).isEqualTo("3");
        console.driver.findElement(By.id("bulk-comment")).sendKeys("Sự cố chung của cụm trạm Phong Điền");
        console.driver.findElement(By.id("bulk-ack")).click();

        // Then: all three are acknowledged, each with the note in its audit trail, and the list shows it live
        console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-message"), "Đã xử lý 3"));
        for (Alert alert : alerts) {
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#alerts tr[data-alert-id='" + alert.id() + "'] [data-field='handling']"),
                    "Đã xác nhận"));
            JsonNode events =
                    api().get("/api/v1/alerts/" + alert.id() + "/events").body().get("items");
            JsonNode last = events.get(events.size() - 1);
            assertThat(last.get("type").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(last.get("comment").asText()).isEqualTo("Sự cố chung của cụm trạm Phong Điền");
        }
        console.screenshot("bulk-ack.png");
    }

    @Test
    void filters_and_assigned_to_me_survive_a_reload_of_the_screen() {
        // Given: two alerts in Vĩnh Thạnh, one assigned to Lê Hoa
        Alert mine = incidents.pm25("vinh-thanh", Severity.MAJOR);
        Alert other = incidents.pm25("vinh-thanh", Severity.MAJOR);
        assertThat(api().post("/api/v1/alerts/" + mine.id() + "/assign", "{\"assignee\":\"Lê Hoa\"}")
                        .status())
                .isEqualTo(200);
        console.signIn(operator);
        filterArea("vinh-thanh");
        console.wait.until(ExpectedConditions.textToBe(By.id("count"), "2"));

        // When: the operator says who she is and ticks "assigned to me", then reloads the page
        console.driver.findElement(By.id("me")).sendKeys("Lê Hoa");
        console.driver.findElement(By.id("f-mine")).click();
        console.wait.until(ExpectedConditions.textToBe(By.id("count"), "1"));
        console.driver.navigate().refresh();
        console.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Trực tuyến"));

        // Then: the same filters are in force and only her alert is listed
        assertThat(console.driver.findElement(By.id("f-area")).getAttribute("value"))
                .isEqualTo("vinh-thanh");
        assertThat(console.driver.findElement(By.id("f-mine")).isSelected()).isTrue();
        console.wait.until(ExpectedConditions.textToBe(By.id("count"), "1"));
        assertThat(console.driver.findElements(By.cssSelector("#alerts tr[data-alert-id='" + mine.id() + "']")))
                .hasSize(1);
        assertThat(console.driver.findElements(By.cssSelector("#alerts tr[data-alert-id='" + other.id() + "']")))
                .isEmpty();
    }

    private void filterArea(String area) {
        new Select(console.driver.findElement(By.id("f-condition"))).selectByValue("FIRING,RECOVERING,NO_DATA,PENDING");
        console.driver.findElement(By.id("f-area")).sendKeys(area + "\t");
    }

    /** Types keys on the page itself, not into a field (as a person does after clicking outside one). */
    private void keys(String keys) {
        ((JavascriptExecutor) console.driver).executeScript("document.activeElement.blur()");
        new Actions(console.driver).sendKeys(keys).perform();
    }

    private static ApiClient api() {
        return new ApiClient(server.port(), operator);
    }
}
