package vn.cantho.ioc.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
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
 * Shift handover and maintenance windows in a real headless Chromium: an operator hands her alerts to the next
 * shift with a note (audited per alert), another takes a colleague's shift, and a maintenance window silences
 * exactly the alerts its preview showed until it is ended from the console.
 */
@Tag("browser")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShiftAndMaintenanceIT {

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static TestTokens tokens;
    private static String operator;
    private ConsoleBrowser console;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("shift_maintenance_it");
        tokens = new TestTokens(database);
        operator = tokens.issue(TokenRole.OPERATOR, "Ca trực - phòng IOC");
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
    void handing_over_my_alerts_reassigns_each_of_them_with_the_note_in_its_audit_trail() {
        // Given: Nguyễn An holds two open alerts, Võ Dũng one
        List<Alert> mine = List.of(
                assigned(incidents.pm25("binh-thuy", Severity.CRITICAL), "Nguyễn An"),
                assigned(incidents.pm25("binh-thuy", Severity.WARNING), "Nguyễn An"));
        Alert others = assigned(incidents.pm25("binh-thuy", Severity.MAJOR), "Võ Dũng");
        console.signIn(operator);
        console.driver.findElement(By.id("nav-shift")).click();
        console.driver.findElement(By.id("shift-me")).sendKeys("Nguyễn An\t");
        By myRow = By.cssSelector("#people tr[data-person='Nguyễn An'] [data-field='open']");
        console.wait.until(ExpectedConditions.textToBe(myRow, "2"));
        assertThat(console.driver
                        .findElement(By.cssSelector("#people tr[data-person='Nguyễn An'] [data-field='loud']"))
                        .getText())
                .isEqualTo("1");

        // When: she hands them over to Trần Bình with a note
        console.driver.findElement(By.id("handover-to")).sendKeys("Trần Bình");
        console.driver.findElement(By.id("handover-note")).sendKeys("Trạm Bình Thủy chờ kỹ thuật");
        console.driver.findElement(By.id("handover-go")).click();

        // Then: both are Trần Bình's, each audited with who did it and the note; Võ Dũng's alert is untouched
        console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-message"), "Đã chuyển 2/2"));
        console.wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#people tr[data-person='Trần Bình'] [data-field='open']"), "2"));
        assertThat(console.driver.findElements(By.cssSelector("#people tr[data-person='Nguyễn An']")))
                .isEmpty();
        for (Alert alert : mine) {
            assertThat(api().get("/api/v1/alerts/" + alert.id())
                            .body()
                            .get("assignee")
                            .asText())
                    .isEqualTo("Trần Bình");
            JsonNode last = lastEvent(alert);
            assertThat(last.get("type").asText()).isEqualTo("ASSIGNED");
            assertThat(last.get("actor").asText()).isEqualTo(tokens.actor(operator));
            assertThat(last.get("comment").asText())
                    .isEqualTo("Bàn giao ca cho Trần Bình: Trạm Bình Thủy chờ kỹ thuật");
        }
        assertThat(api().get("/api/v1/alerts/" + others.id())
                        .body()
                        .get("assignee")
                        .asText())
                .isEqualTo("Võ Dũng");
        console.screenshot("shift-handover.png");
    }

    @Test
    void taking_the_shift_of_a_colleague_assigns_their_open_alerts_to_me() {
        // Given
        Alert held = assigned(incidents.pm25("o-mon", Severity.MAJOR), "Đỗ Hạnh");
        console.signIn(operator);
        console.driver.findElement(By.id("nav-shift")).click();
        console.driver.findElement(By.id("shift-me")).sendKeys("Lý Khoa\t");
        console.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#take-from option[value='Đỗ Hạnh']")));

        // When
        new Select(console.driver.findElement(By.id("take-from"))).selectByValue("Đỗ Hạnh");
        console.driver.findElement(By.id("take-go")).click();

        // Then
        console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-message"), "Đã chuyển 1/1"));
        assertThat(api().get("/api/v1/alerts/" + held.id())
                        .body()
                        .get("assignee")
                        .asText())
                .isEqualTo("Lý Khoa");
        assertThat(lastEvent(held).get("comment").asText()).isEqualTo("Nhận ca từ Đỗ Hạnh");
    }

    @Test
    void a_maintenance_window_silences_exactly_the_previewed_alerts_until_it_is_ended() {
        // Given: two open alerts in Cờ Đỏ, one in Thới Lai
        List<Alert> coDo = List.of(incidents.pm25("co-do", Severity.CRITICAL), incidents.pm25("co-do", Severity.MAJOR));
        Alert thoiLai = incidents.pm25("thoi-lai", Severity.CRITICAL);
        console.signIn(operator);
        console.driver.findElement(By.id("nav-maintenance")).click();

        // When: the operator previews "area=co-do" for 2 hours
        console.driver.findElement(By.id("mw-matchers")).sendKeys("area=co-do\nrule=~pm25-.*");
        new Select(console.driver.findElement(By.id("mw-duration"))).selectByValue("2");
        console.driver.findElement(By.id("mw-comment")).sendKeys("Bảo trì trạm Cờ Đỏ");
        console.driver.findElement(By.id("mw-preview-go")).click();
        console.wait.until(ExpectedConditions.textToBe(By.id("mw-preview-count"), "(2)"));
        List<Long> previewed = new ArrayList<>();
        for (WebElement row : console.driver.findElements(By.cssSelector("#mw-preview tr"))) {
            previewed.add(Long.parseLong(row.getAttribute("data-alert-id")));
        }
        console.screenshot("maintenance-preview.png");

        // and starts the window
        console.driver.findElement(By.id("mw-create")).click();
        console.wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("mw-message"), "Đã bắt đầu bảo trì"));

        // Then: the previewed alerts, and only they, are silenced
        assertThat(previewed)
                .containsExactlyInAnyOrderElementsOf(
                        coDo.stream().map(Alert::id).toList());
        for (Alert alert : coDo) {
            assertThat(suppressions(alert)).contains("SILENCED");
        }
        assertThat(suppressions(thoiLai)).doesNotContain("SILENCED");
        WebElement silence = console.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#silences tr[data-silence-id]")));
        assertThat(silence.getText()).contains("area=co-do").contains("Bảo trì trạm Cờ Đỏ");

        // When: the window is ended from the console
        console.driver
                .findElement(By.cssSelector("#silences tr[data-silence-id] button"))
                .click();

        // Then: the alerts are no longer silenced
        console.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#silences tr[data-silence-id]"), 0));
        assertThat(suppressions(coDo.get(0))).doesNotContain("SILENCED");
    }

    private static Alert assigned(Alert alert, String who) {
        String body = "{\"assignee\":\"" + who + "\"}";
        assertThat(api().post("/api/v1/alerts/" + alert.id() + "/assign", body).status())
                .isEqualTo(200);
        return alert;
    }

    private static JsonNode lastEvent(Alert alert) {
        JsonNode events =
                api().get("/api/v1/alerts/" + alert.id() + "/events").body().get("items");
        return events.get(events.size() - 1);
    }

    private static List<String> suppressions(Alert alert) {
        List<String> kinds = new ArrayList<>();
        api().get("/api/v1/alerts/" + alert.id())
                .body()
                .get("suppressions")
                .forEach(s -> kinds.add(s.get("kind").asText()));
        return kinds;
    }

    private static ApiClient api() {
        return new ApiClient(server.port(), operator);
    }
}
