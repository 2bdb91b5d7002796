package legion.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real browser of the tests (Debian's headless chromium and chromedriver) and an officer's sign-in in it. */
public final class Browsers {

    private Browsers() {
    }

    /** A headless chromium; {@code proxyPort} > 0 sends everything (but loopback bypass) through that proxy. */
    public static ChromeDriver open(int proxyPort) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("legion.test.chromium", "/usr/bin/chromium"));
        List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1600", "--lang=en-GB"));
        if (proxyPort > 0) {
            args.add("--proxy-server=http://127.0.0.1:" + proxyPort);
            args.add("--proxy-bypass-list=<-loopback>");
        }
        options.addArguments(args);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("legion.test.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
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
