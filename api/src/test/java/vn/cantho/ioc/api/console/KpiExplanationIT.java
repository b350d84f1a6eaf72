package vn.cantho.ioc.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
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
import vn.cantho.ioc.api.explanation.KpiFixtures;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.explanation.ExplanationRequest;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.store.explanation.NewExplanationRequest;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.ConsoleBrowser;

/**
 * The leaders' KPI drill-down and a request for explanation's round trip in a real headless Chromium: at-risk
 * KPIs on top in plan-status colours; a leader asks the agency behind an off-target KPI to explain, the
 * department signs in with its own token, reads and answers, and the leader sees it answered next to an
 * overdue request that is flagged. Data: {@link KpiFixtures}.
 */
@Tag("browser")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KpiExplanationIT {

    private static Database database;
    private static ApiServer server;
    private static TestTokens tokens;
    private static String leader;
    private ConsoleBrowser console;
    private ConsoleBrowser department;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("kpi_explanation_it");
        KpiFixtures.write(database);
        tokens = new TestTokens(database);
        leader = tokens.issue(TokenRole.LEADER, "Chủ tịch UBND TP");
        server = TestApi.start(database, Map.of());
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
    void closeBrowsers() {
        if (console != null) {
            console.close();
        }
        if (department != null) {
            department.close();
        }
    }

    @Test
    void the_drill_down_lists_every_series_of_a_domain_with_the_ones_at_risk_on_top() {
        // Given
        console.signIn(leader);

        // When
        console.driver.findElement(By.id("nav-kpis")).click();
        console.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#kpi-rows tr"), 3));

        // Then: red first, then green, then grey; each row coloured and with its trend
        List<WebElement> rows = console.driver.findElements(By.cssSelector("#kpi-rows tr"));
        assertThat(rows)
                .extracting(r -> r.getAttribute("data-status") + " " + r.getAttribute("data-entity"))
                .containsExactly("RED so-tnmt", "GREEN so-xd", "GREY so-gtvt");
        assertThat(rows.get(0).findElement(By.cssSelector(".plan")).getCssValue("background-color"))
                .isEqualTo("rgba(200, 16, 46, 1)");
        assertThat(rows.get(0).findElement(By.cssSelector(".trend")).getText()).isEqualTo("▼ -5");
        assertThat(rows.get(0).findElement(By.cssSelector(".trend")).getAttribute("class"))
                .contains("bad");
        assertThat(rows.get(0).findElements(By.cssSelector(".ask-button"))).hasSize(1);
        assertThat(rows.get(1).findElements(By.cssSelector(".ask-button"))).isEmpty();
        console.screenshot("kpi-drilldown.png");
    }

    @Test
    void
            a_leader_asks_for_an_explanation_the_department_answers_and_the_leader_sees_it_answered_beside_an_overdue_one() {
        // Given: an older request to the police, unanswered past its due time
        ExplanationRequest overdue = new ExplanationStore(database.dataSource())
                .create(
                        new NewExplanationRequest(
                                "traffic_deaths",
                                "area",
                                "ninh-kieu",
                                "ninh-kieu",
                                "security_traffic",
                                new TreeMap<>(),
                                "cong-an",
                                Instant.now(),
                                2.0,
                                0.0,
                                "RED",
                                "Giải trình số người chết do TNGT",
                                Instant.now().minusSeconds(3600)),
                        "Chủ tịch UBND TP #1");
        console.signIn(leader);
        console.driver.findElement(By.id("nav-kpis")).click();
        WebElement atRisk = console.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#kpi-rows tr[data-entity='so-tnmt'] .ask-button")));

        // When: the leader asks so-tnmt to explain its on-time rate
        atRisk.click();
        assertThat(console.driver.findElement(By.id("ask-department")).getAttribute("value"))
                .isEqualTo("so-tnmt");
        console.driver.findElement(By.id("ask-message")).sendKeys(" Báo cáo nguyên nhân và giải pháp.");
        console.driver.findElement(By.id("ask-send")).click();
        console.wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("k-message"), "Đã gửi yêu cầu giải trình #"));
        String sent = console.driver.findElement(By.id("k-message")).getText();
        long id = Long.parseLong(sent.replaceAll(".*#(\\d+).*", "$1"));

        // and the department signs in, sees only its own request, opens and answers it
        department = new ConsoleBrowser(server.port());
        department.signIn(tokens.issueDepartment("so-tnmt", "Sở TN&MT - văn phòng"), "", "Đơn vị");
        By row = By.cssSelector("#x-rows tr[data-request-id='" + id + "']");
        department
                .wait
                .until(ExpectedConditions.visibilityOfElementLocated(row))
                .click();
        assertThat(department.driver.findElements(By.cssSelector("#x-rows tr[data-request-id='" + overdue.id() + "']")))
                .isEmpty();
        department
                .wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("x-answer")))
                .sendKeys("Thiếu cán bộ thẩm định; đã bổ sung 2 người từ tuần sau.");
        department.driver.findElement(By.id("x-answer-go")).click();
        department.wait.until(ExpectedConditions.attributeToBe(row, "data-status", "ANSWERED"));
        department.screenshot("explanation-department-answered.png");

        // Then: the leader sees it answered, with every step, and the overdue one flagged
        console.driver.findElement(By.id("nav-explanations")).click();
        By leaderRow = By.cssSelector("#x-rows tr[data-request-id='" + id + "']");
        console.wait.until(ExpectedConditions.attributeToBe(leaderRow, "data-status", "ANSWERED"));
        assertThat(console.driver
                        .findElement(By.cssSelector("#x-rows tr[data-request-id='" + overdue.id() + "']"))
                        .getAttribute("data-status"))
                .isEqualTo("OVERDUE");
        assertThat(console.driver
                        .findElement(By.cssSelector("#x-rows tr[data-request-id='" + overdue.id() + "'] .req"))
                        .getCssValue("background-color"))
                .isEqualTo("rgba(200, 16, 46, 1)");
        console.wait.until(ExpectedConditions.textToBe(By.id("x-overdue"), "1"));
        assertThat(console.driver.findElement(By.id("x-answered")).getText()).isEqualTo("1");
        console.driver.findElement(leaderRow).click();
        console.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#x-events tr[data-type='ANSWERED']")));
        assertThat(console.driver.findElements(By.cssSelector("#x-events tr")))
                .extracting(r -> r.getAttribute("data-type"))
                .containsExactly("REQUESTED", "READ", "ANSWERED");
        assertThat(console.driver.findElement(By.id("x-facts")).getText()).contains("Thiếu cán bộ thẩm định");
        assertThat(console.driver.findElement(By.id("x-answer-form")).isDisplayed())
                .isFalse();
        console.screenshot("explanation-leader-answered.png");
    }
}
