package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.testkit.ConsoleBrowser;
import vn.cantho.ioc.testkit.OutsideDevice;

/**
 * The wall as the IOC room sees it, end to end: the whole hub as {@code ./ioc up} runs it, the console's wall
 * view open in a real headless Chromium, and a river gauge outside the hub publishing a level past BĐ II over
 * MQTT. The alert the rules raise reaches the wall without a reload, counts on its district and rings the bell.
 */
@Tag("hub")
@Tag("browser")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubWallIT {

    private static final String GAUGE = "wl-can-tho";

    @Test
    void a_river_level_published_over_mqtt_reaches_the_wall_without_a_reload_and_rings_the_bell() throws Exception {
        Path dataDir = WorkDirectories.temporary("hub-wall-it");
        String area = DeviceRegistry.builtIn().device(GAUGE).orElseThrow().areaCode();
        try (Hub hub = TestHub.in(dataDir).start()) {
            TestHub.awaitHealthy(hub);
            try (ConsoleBrowser wall = new ConsoleBrowser(hub.endpoints().httpPort(), 1920, 1080)) {
                // Given the wall view open with no alarm in the gauge's district
                wall.signIn(HubIT.apiToken(hub, "leader"), "?wall=1");
                By districtCount =
                        By.cssSelector("#map .badge-group[data-area='" + area + "'] [data-field='alarm-count']");
                wall.wait.until(ExpectedConditions.textToBe(districtCount, "0"));

                // When the gauge publishes a level past BĐ II (1.90 m) over MQTT
                OutsideDevice.publishOnce(
                        hub.endpoints().mqttUrl(),
                        TelemetryTopic.of(GAUGE),
                        "{\"ts\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"values\":{\"water_level\":1.95}}");

                // Then the district's count goes up live and the bell rang for the new MAJOR alert
                wall.wait.until(ExpectedConditions.textToBe(districtCount, "1"));
                By flag = By.id("sound-flag");
                wall.wait.until(driver ->
                        !driver.findElement(flag).getAttribute("data-alert-id").isBlank());
                assertThat(wall.driver.findElement(flag).getAttribute("data-sounded"))
                        .isEqualTo("true");
                System.out.println("wall screenshot: "
                        + wall.screenshot("hub-wall-mqtt-alert.png").toAbsolutePath());
            }
        }
    }
}
