package vn.cantho.ioc.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * The operator console in a real headless Chromium ({@link ConsoleBrowser}): an operator signs in with a
 * token, an alert raised in the database appears live over SSE, the operator acknowledges it with a comment,
 * and the audit trail on screen shows it.
 */
@Tag("browser")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConsoleIT {

    private static final Duration WAIT = ConsoleBrowser.WAIT;

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static TestTokens tokens;
    private ConsoleBrowser console;
    private WebDriver browser;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("console_it");
        tokens = new TestTokens(database);
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
        browser = console.driver;
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void an_alert_appears_live_and_the_operator_acks_it_with_a_comment_seen_in_the_audit_trail() {
        // Given: an operator signed in to the console, its live stream connected
        String token = tokens.issue(TokenRole.OPERATOR, "Ca trực 2 - Trần Minh");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + server.port() + ApiServer.CONSOLE_PATH + "/");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Trực tuyến"));

        // When: PM2.5 spikes at a Ninh Kiều station
        Alert alert = incidents.pm25("ninh-kieu", Severity.CRITICAL);
        By row = By.cssSelector("#alerts tr[data-alert-id='" + alert.id() + "']");
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(row));

        // Then it is listed live, unacknowledged
        assertThat(shown.getText())
                .contains("Nghiêm trọng")
                .contains("Ninh Kiều")
                .contains("Chưa xác nhận");

        // When: the operator opens it and acknowledges it with a comment
        shown.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-events tr[data-type='OPENED']")));
        browser.findElement(By.id("d-comment")).sendKeys("Đã báo Sở Tài nguyên và Môi trường");
        browser.findElement(By.id("act-ack")).click();

        // Then: the audit trail on screen shows who acknowledged and why, and the list row changed live
        WebElement acked = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#d-events tr[data-type='ACKNOWLEDGED']")));
        String actor = tokens.actor(token);
        assertThat(acked.findElement(By.cssSelector("[data-field='actor']")).getText())
                .isEqualTo(actor);
        assertThat(acked.findElement(By.cssSelector("[data-field='comment']")).getText())
                .isEqualTo("Đã báo Sở Tài nguyên và Môi trường");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#alerts tr[data-alert-id='" + alert.id() + "'] [data-field='handling']"),
                "Đã xác nhận"));
        screenshot("console-after-ack.png");
        JsonNode stored = new ApiClient(server.port(), token)
                .get("/api/v1/alerts/" + alert.id())
                .body();
        assertThat(stored.get("handling").asText()).isEqualTo("ACK");
        assertThat(stored.get("ackedBy").asText()).isEqualTo(actor);
    }

    @Test
    void a_leader_sees_alerts_but_the_console_reports_that_acting_is_not_allowed() {
        // Given
        String token = tokens.issue(TokenRole.LEADER, "Lãnh đạo thành phố");
        Alert alert = incidents.riverLevel(Severity.MAJOR);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + server.port() + ApiServer.CONSOLE_PATH + "/");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("login-button")).click();

        // When
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#alerts tr[data-alert-id='" + alert.id() + "']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-events tr[data-type='OPENED']")));
        browser.findElement(By.id("act-ack")).click();

        // Then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-message"), "chỉ được xem"));
        assertThat(new ApiClient(server.port(), token)
                        .get("/api/v1/alerts/" + alert.id())
                        .body()
                        .get("handling")
                        .asText())
                .isEqualTo("UNACK");
    }

    @Test
    void a_wrong_token_is_refused_on_the_sign_in_screen() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + server.port() + ApiServer.CONSOLE_PATH + "/");
        browser.findElement(By.id("token")).sendKeys("ioc_" + "z".repeat(43));
        browser.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "không hợp lệ"));
        assertThat(browser.findElement(By.id("app")).isDisplayed()).isFalse();
    }

    private void screenshot(String name) {
        console.screenshot(name);
    }
}
