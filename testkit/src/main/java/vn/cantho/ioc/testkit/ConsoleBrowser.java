package vn.cantho.ioc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the console, driven through the system's chromedriver (no driver download).
 * The browser and driver come from the Debian packages {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them); {@code CHROMIUM_BIN} / {@code CHROMEDRIVER_BIN} point elsewhere.
 * Each instance is a fresh profile, so nothing one test kept in localStorage reaches another.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    public final ChromeDriver driver;
    /** Waits that look again when the page re-rendered the element meanwhile (lists are redrawn on every change). */
    public final Wait<WebDriver> wait;

    private final int port;

    /** A browser on the console served at {@code http://127.0.0.1:<port>/console/}. */
    public ConsoleBrowser(int port) {
        this(port, 1400, 900);
    }

    public ConsoleBrowser(int port, int width, int height) {
        Path chromium = executable("CHROMIUM_BIN", "/usr/bin/chromium");
        Path chromedriver = executable("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // The bell may play without a click first, as on a wall screen nobody touches.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=" + width + "," + height,
                "--lang=vi-VN",
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
        this.port = port;
    }

    /** Opens the console at {@code pathAndQuery} (after {@code /console/}) and signs in with {@code token}. */
    public ConsoleBrowser signIn(String token, String pathAndQuery) {
        return signIn(token, pathAndQuery, "Trực tuyến");
    }

    /** Signs in and waits for the connection badge to say {@code connection} (a department's reads "Đơn vị"). */
    public ConsoleBrowser signIn(String token, String pathAndQuery, String connection) {
        driver.get("http://127.0.0.1:" + port + "/console/" + pathAndQuery);
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("connection"), connection));
        return this;
    }

    public ConsoleBrowser signIn(String token) {
        return signIn(token, "");
    }

    /** Every URL the page has loaded or fetched so far (documents, scripts, API calls, streams). */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
    }

    /** Keeps what the browser showed under target/console-screenshots/ for people to look at; returns the path. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "console-screenshots"));
            Path file = dir.resolve(name);
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Path executable(String variable, String fallback) {
        Path path = Path.of(Optional.ofNullable(System.getenv(variable))
                .filter(v -> !v.isBlank())
                .orElse(fallback));
        assertThat(Files.isExecutable(path))
                .as(
                        "%s not found: install the Debian packages chromium and chromium-driver"
                                + " (.ci/run does) or set %s",
                        path, variable)
                .isTrue();
        return path;
    }
}
