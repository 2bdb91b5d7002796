package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Browsers;
import legion.support.Applications;
import legion.support.Axe;
import legion.support.Cases;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.TestDatabase;

/**
 * An embassy officer's working day in a real browser (Debian's headless Chromium): a deep link survives signing in,
 * cases are found by name (accents and punctuation typed or not), passport number and reference without the typed
 * text ever reaching a URL, the queue shows the stages still worked unless asked for more and is ordered by submission
 * or time in stage, the keyboard moves through the queue and the cases, "start review" for a selection reports what
 * it refused, a rejection is confirmed on a page of its own with no reason chosen beforehand. Every page at zero
 * axe-core WCAG 2.1 AA violations, and at 360 px nothing is wider than the screen and no name breaks inside a word.
 */
@LegionIntegrationTest
class ConsoleBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("legion.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1400", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(
                Path.of(System.getProperty("legion.test.chromedriver", "/usr/bin/chromedriver")).toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEmbassyOfficerWorksTheQueueByKeyboard() {
        Http http = new Http(port);
        String tag = letters(7);
        String surname = "Ó'Brien-" + tag;
        String passportB = Applications.passportNumber();
        String a = submit(http, "Séan", surname, null);
        String b = submit(http, "Aoife", surname, passportB);
        String c = submit(http, "Ciarán", surname, null);
        String d = submit(http, "Niamh", surname, null);
        reject(http, a); // A closed: not in the default queue; last in stage order, first by submission

        // A deep link survives the password and the code: the officer lands on the case asked for.
        browser.get(url("/console/cases/" + b));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        clean("sign-in page");
        type("username", "embassy-gb");
        type("password", Cases.PW);
        click(browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).endsWith("/login/code");
        clean("code page");
        type("code", TestDatabase.code());
        click(browser.findElement(By.id("continue")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/cases/" + b));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(b);

        // The default queue: the stages still worked (A, rejected, only when closed cases are included).
        browser.get(url("/console/cases?nationality=IE"));
        assertThat(text()).contains(b, c, d).doesNotContain(a);
        clean("queue");
        click(browser.findElement(By.id("all-stages")));
        assertThat(text()).contains(a, b, c, d);

        // Search by name, typed without the accent and the apostrophe, in lower case: every stage, the name not in the URL.
        search("o brien-" + tag.toLowerCase());
        assertThat(refs()).containsExactly(a, b, c, d);
        assertThat(browser.getCurrentUrl()).doesNotContainIgnoringCase(tag).contains("search=");
        clean("search results");
        String results = browser.getCurrentUrl();
        browser.navigate().refresh();
        assertThat(refs()).containsExactly(a, b, c, d);
        // by full name in either order, passport number in lower case with spaces, reference in lower case
        search("Aoife O'Brien " + tag);
        assertThat(refs()).containsExactly(b);
        search(surname + ", Aoife");
        assertThat(refs()).containsExactly(b);
        search(passportB.toLowerCase().substring(0, 4) + " " + passportB.toLowerCase().substring(4));
        assertThat(refs()).containsExactly(b);
        assertThat(browser.getCurrentUrl()).doesNotContainIgnoringCase(passportB);
        search(c.toLowerCase());
        assertThat(refs()).containsExactly(c);
        search("Nobody " + tag);
        assertThat(refs()).isEmpty();
        assertThat(text()).contains("No case matches your search");

        // Orders: by time in stage the rejected case (latest to enter its stage) comes last; newest submission first.
        browser.get(results);
        new Select(browser.findElement(By.id("sort"))).selectByValue("IN_STAGE_LONGEST");
        openFilters();
        click(browser.findElement(By.id("apply-filters")));
        assertThat(browser.getCurrentUrl()).contains("sort=IN_STAGE_LONGEST").contains("search=");
        assertThat(refs()).containsExactly(b, c, d, a);
        browser.get(results.replace("search=", "sort=SUBMITTED_DESC&search="));
        assertThat(refs()).containsExactly(d, c, b, a);

        // Keyboard: j / k move through the queue, o opens; on the case j / k go to the next / previous case, u back.
        browser.get(results);
        keys("j");
        assertThat(current()).isEqualTo(a);
        keys("j");
        keys("j");
        keys("k");
        assertThat(current()).isEqualTo(b);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo(b);
        keys("o");
        waitForUrl("/console/cases/" + b);
        assertThat(browser.getCurrentUrl()).contains("search=");
        assertThat(browser.findElement(By.id("shortcuts")).getText()).contains("Keyboard shortcuts");
        keys("j");
        waitForUrl("/console/cases/" + c);
        keys("k");
        waitForUrl("/console/cases/" + b);
        keys("a");
        assertThat(browser.switchTo().activeElement().findElement(By.xpath("./ancestor::section")).getAttribute("id"))
                .isEqualTo("actions");
        clean("case page");
        keys("u");
        waitForUrl("/console/cases?");
        assertThat(refs()).containsExactly(a, b, c, d);

        // Start review for a selection: B and C by keyboard, D by a click; D is taken by a colleague meanwhile.
        assertThat(browser.findElement(By.id("select-" + a)).isEnabled()).isFalse(); // a closed case cannot start
        keys("j");
        keys("j");
        keys("x");
        keys("j");
        keys("x");
        browser.findElement(By.id("select-" + d)).click();
        assertThat(Cases.act(http, d, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        click(browser.findElement(By.id("bulk-start")));
        assertThat(browser.findElement(By.id("bulk-done")).getText()).contains(b, c).doesNotContain(d);
        assertThat(browser.findElement(By.id("bulk-refused")).getText()).contains(d)
                .contains("not possible in the case's current stage");
        assertThat(browser.getCurrentUrl()).contains("search="); // back to the same queue
        assertThat(stageOf(b)).isEqualTo("IN_REVIEW");
        assertThat(stageOf(c)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'BULK_ACTION_REFUSED' and subject = ?")
                .param(d).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'TRANSITION_START_REVIEW' and subject = ?")
                .param(b).query(Long.class).single()).isEqualTo(1);
        clean("queue after bulk");

        // A rejection is confirmed on its own page, with no reason chosen beforehand; refused without one.
        browser.get(url("/console/cases/" + c));
        click(browser.findElement(By.id("do-REJECT")));
        assertThat(browser.getCurrentUrl()).contains("/console/cases/" + c + "/confirm?transition=REJECT");
        assertThat(new Select(browser.findElement(By.id("reasonCode"))).getFirstSelectedOption().getAttribute("value"))
                .isEmpty();
        assertThat(stageOf(c)).isEqualTo("IN_REVIEW");
        clean("confirm page");
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('[required]').forEach(function (e) { e.removeAttribute('required'); });");
        click(browser.findElement(By.id("confirm")));
        assertThat(browser.getTitle()).startsWith("Error:");
        assertThat(browser.findElement(By.id("problem")).getText()).contains("needs a reason");
        assertThat(stageOf(c)).isEqualTo("IN_REVIEW");
        clean("confirm page with an error");
        new Select(browser.findElement(By.id("reasonCode"))).selectByValue("LANGUAGE");
        type("reason", "No common language for training.");
        click(browser.findElement(By.id("confirm")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/cases/" + c);
        assertThat(stageOf(c)).isEqualTo("REJECTED");

        // 360 px: the queue, the case and the confirmation hold, and names wrap between words only.
        narrow();
        for (String page : List.of(results, url("/console/cases/" + b), url("/console/cases/" + d + "/confirm?transition=REJECT"),
                url("/console/cases?nationality=IE"))) {
            browser.get(page);
            long width = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth;");
            assertThat(width).as(page + " wider than the screen: " + ((JavascriptExecutor) browser).executeScript("""
                    return Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
                      return e.getBoundingClientRect().right > 360.5;
                    }).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).slice(0, 10).join(' ');
                    """)).isLessThanOrEqualTo(360);
            assertThat(wordsBrokenAcrossLines()).as(page).isEmpty();
            clean("360 px " + page);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String submit(Http http, String given, String surname, String passport) {
        Map<String, Object> app = Applications.valid(given, surname, "GB");
        app.put("nationality", "IE");
        if (passport != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) app.get("passport");
            p.put("number", passport);
        }
        Http.Response r = http.postJson("/api/v1/enlistments", Http.json(app));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    private void reject(Http http, String ref) {
        assertThat(Cases.act(http, ref, "embassy-gb", "{\"transition\":\"REJECT\",\"reasonCode\":\"AGE\","
                + "\"reason\":\"test\"}").status()).isEqualTo(200);
    }

    private String stageOf(String ref) {
        return jdbc.sql("select stage from enlistment where reference = ?").param(ref).query(String.class).single();
    }

    private void search(String q) {
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(q);
        click(browser.findElement(By.id("search-button")));
    }

    private void openFilters() {
        WebElement details = browser.findElement(By.cssSelector("details.filters-box"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private List<String> refs() {
        return browser.findElements(By.cssSelector("tr.case-row a.case-link")).stream().map(WebElement::getText).toList();
    }

    private String current() {
        return browser.findElement(By.cssSelector("tr.case-row.current a.case-link")).getText();
    }

    private void keys(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void clean(String what) {
        assertThat(Axe.violations(browser)).as(what + ": axe-core WCAG 2.1 AA").isEmpty();
    }

    private void narrow() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 800,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /** The words of names (and references) that the layout split over two lines. */
    @SuppressWarnings("unchecked")
    private List<String> wordsBrokenAcrossLines() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                var broken = [];
                document.querySelectorAll('.name, .ref-inline, a.case-link').forEach(function (el) {
                  var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                  var node;
                  while ((node = walker.nextNode())) {
                    var re = /\\S+/g, m;
                    while ((m = re.exec(node.data))) {
                      var range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      var tops = {};
                      Array.prototype.forEach.call(range.getClientRects(), function (r) {
                        if (r.width > 0) { tops[Math.round(r.top)] = true; }
                      });
                      if (Object.keys(tops).length > 1) { broken.push(m[0]); }
                    }
                  }
                });
                return broken;
                """);
    }

    private void click(WebElement element) {
        Browsers.clickAndAwaitNextPage(browser, element, Duration.ofSeconds(15));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String letters(int n) {
        String abc = "bcdfghjklmnpqrstvwxz";
        StringBuilder sb = new StringBuilder().append(Character.toUpperCase(abc.charAt(ThreadLocalRandom.current().nextInt(abc.length()))));
        for (int i = 1; i < n; i++) {
            sb.append(abc.charAt(ThreadLocalRandom.current().nextInt(abc.length())));
        }
        return sb.toString();
    }
}
