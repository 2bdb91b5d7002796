package legion.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real browser of the tests: Debian's headless Chromium driven by its chromedriver ({@code legion.test.chromium}
 * and {@code legion.test.chromedriver} name others), and an officer's sign-in in it.
 */
public final class Browsers {

    private Browsers() {
    }

    /** A browser whose window is {@code width} by {@code height} CSS pixels, asking for pages in {@code language}. */
    public static WebDriver chromium(int width, int height, String language) {
        ChromeOptions options = options(width, height, language, List.of());
        if (width < 500) {
            // a desktop window is at least about 500 px wide: a narrower screen is emulated, as a phone's would be
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        return start(options);
    }

    /**
     * The same browser running none of the pages' scripts, as for a volunteer without JavaScript: every script a page
     * asks for is blocked (DevTools' {@code Network.setBlockedURLs}; the portal has no inline script, its CSP allows
     * none). Turning JavaScript off in Chromium's settings would stop the driver's clicks too, and axe.
     */
    public static WebDriver chromiumWithoutPageScripts(int width, int height, String language) {
        ChromeDriver browser = (ChromeDriver) chromium(width, height, language);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.js", "*.js?*")));
        return browser;
    }

    /** A desktop browser; {@code proxyPort} > 0 sends everything (but loopback bypass) through that proxy. */
    public static ChromeDriver open(int proxyPort) {
        List<String> proxy = proxyPort > 0
                ? List.of("--proxy-server=http://127.0.0.1:" + proxyPort, "--proxy-bypass-list=<-loopback>")
                : List.of();
        return start(options(1280, 1600, "en-GB", proxy));
    }

    private static ChromeOptions options(int width, int height, String language, List<String> more) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("legion.test.chromium", "/usr/bin/chromium"));
        List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                "--lang=" + language));
        args.addAll(more);
        options.addArguments(args);
        return options;
    }

    private static ChromeDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("legion.test.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return browser;
    }

    /**
     * Clicks something that loads a new page and waits, up to {@code timeout}, until the old page is gone (the
     * element is stale: "does not belong to the document").
     */
    public static void clickAndAwaitNextPage(WebDriver browser, WebElement element, Duration timeout) {
        element.click();
        new WebDriverWait(browser, timeout).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
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

    /** Signs an officer in with the demo password and the tests' second factor (three tries on a busy machine). */
    public static void signIn(WebDriver browser, int port, String user, String password) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.get("http://localhost:" + port + "/login");
                browser.findElement(By.id("username")).sendKeys(user);
                browser.findElement(By.id("password")).sendKeys(password);
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/login/code"));
                browser.findElement(By.id("code")).sendKeys(TestDatabase.code());
                browser.findElement(By.id("continue")).click();
                new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/console"));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
