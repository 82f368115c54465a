package org.taperoom.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver. Both binaries are handed to
 * Selenium, so Selenium Manager never runs and nothing is downloaded. Each browser gets a fresh
 * profile folder. Skipped, with the reason printed, where the packages are missing.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    /** A browser window of {@code width}×{@code height} CSS pixels; {@code mobile} emulates a touch phone. */
    Browser(int width, int height, boolean mobile) throws IOException {
        this(width, height, mobile, "en-US");
    }

    /** As above, with {@code language} (a BCP 47 tag such as "de-DE") the browser's first language. */
    Browser(int width, int height, boolean mobile, String language) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "browser test skipped: Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        profile = Files.createTempDirectory("taperoom-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=" + language, "--accept-lang=" + language);
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        if (mobile) {
            o.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        if (!mobile) driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // The pages re-render lists after each change; an element found a moment ago may be replaced.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    WebElement find(String css) {
        return wait.until(d -> {
            var list = d.findElements(By.cssSelector(css));
            return list.isEmpty() || !list.get(0).isDisplayed() ? null : list.get(0);
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void open(String url) {
        driver.get(url);
    }

    void logIn(String pin) {
        find("#pin").sendKeys(pin);
        find("#login-button").click();
        until(d -> d.findElement(By.id("login")).isDisplayed() ? null : true);
    }

    void page(String name) {
        js("location.hash = arguments[0]", name);
        until(d -> name.equals(d.findElement(By.id("view")).getAttribute("data-page")) ? true : null);
    }

    /** Saves target/screenshots/{name}.png (a build artifact). */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(f.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
