package legion.support;

import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver ({@code legion.test.chromium} and
 * {@code legion.test.chromedriver} name others), in English unless told otherwise.
 */
public final class Browsers {

    private Browsers() {
    }

    /** A browser whose window is {@code width} by {@code height} CSS pixels, asking for pages in {@code language}. */
    public static WebDriver chromium(int width, int height, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("legion.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--lang=" + language);
        if (width < 500) {
            // a desktop window is at least about 500 px wide: a narrower screen is emulated, as a phone's would be
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("legion.test.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return browser;
    }

    /** How wide the page is laid out: more than the window means it scrolls sideways. */
    public static long scrollWidth(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** The width of the viewport, in CSS pixels. */
    public static long viewportWidth(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth")).longValue();
    }
}
