package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.parole.api.ParoleJourney;
import legion.support.Applications;
import legion.support.Axe;
import legion.support.Browsers;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Every server-rendered page of the console (and the sign-in and error pages), each as an officer who may see it, in
 * one real browser on a 360 px wide screen: zero axe-core WCAG 2.1 AA violations and no sideways scrolling. The
 * portal's pages are walked the same way by {@code PortalJourneyTest}; the embassy queue, case and confirmation pages
 * by {@code ConsoleBrowserTest}. A page added to a controller belongs in {@link #pages()}.
 */
@LegionIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTest {

    static final String PW = Cases.PW;
    static final String PAROLE_PW = "every-page-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    String signedInAs;
    final Map<String, String> values = new HashMap<>();
    ParoleJourney parole;

    /**
     * A page: who looks at it, where, what they do there first (fill a form) before it is checked, and an element
     * (CSS selector) that shows it is the page meant.
     */
    record Page(String name, String officer, String path, String shows, Consumer<WebDriver> then) {
        Page(String name, String officer, String path, String shows) {
            this(name, officer, path, shows, b -> { });
        }

        @Override
        public String toString() {
            return name + " as " + officer;
        }
    }

    @BeforeAll
    void setUp() throws InterruptedException {
        Http http = new Http(port);
        // a case in vetting, with a screening hit to decide (the name is on the test list)
        Map<String, Object> app = Applications.valid("Eric", "Badege", "GB");
        app.put("dateOfBirth", "1971-05-01");
        app.put("nationality", "CD");
        Http.Response r = http.postJson("/api/v1/enlistments", Http.json(app));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String vetting = r.json().get("reference").stringValue();
        Cases.toVetting(http, vetting, "embassy-gb");
        values.put("vetting", vetting);
        assertThat(legion.support.Eventually.equalTo(true, Duration.ofSeconds(60),
                () -> Cases.screening(http, vetting).get("hits").size() > 0)).as("the screening hit").isTrue();
        // a case asking the volunteer for information, and one invited to an interview
        String asked = submit(http);
        assertThat(Cases.act(http, asked, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        assertThat(Cases.act(http, asked, "embassy-gb", "{\"transition\":\"REQUEST_INFORMATION\","
                + "\"reason\":\"Please send your service record.\"}").status()).isEqualTo(200);
        values.put("asked", asked);
        String interview = submit(http);
        assertThat(Cases.act(http, interview, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        Cases.toInterviewed(http, interview, "embassy-gb");
        values.put("interview", interview);
        // the eligibility policy in force
        values.put("policy", String.valueOf(jdbc.sql("select max(version) from rules_policy where program = 'legion'")
                .query(Long.class).single()));
        // an arms receipt
        values.put("receipt", issueWeapon(http));
        // a parole case on the court's way, and one waiting for the escort
        parole = new ParoleJourney(http, officers, "ep", PAROLE_PW);
        values.put("parole", parole.to("SCREENED"));
        parole.to("RELEASED");
        // an officer who has not enrolled a second factor yet: the enrolment page
        String enrolling = "ep-enrol-" + UUID.randomUUID().toString().substring(0, 8);
        officers.create(enrolling, "Officer enrolling", PAROLE_PW, legion.shared.Role.VETTING_OFFICER, null);
        values.put("enrolling", enrolling);
        browser = Browsers.chromium(360, 800, "en-GB");
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    Stream<Page> pages() {
        Consumer<WebDriver> unreadableSeal = b -> {
            b.findElement(By.id("checkpoint")).sendKeys("Krakovets");
            b.findElement(By.id("hex")).sendKeys("DC03 NOT A SEAL");
            submit(b, b.findElement(By.cssSelector("main form button[type=submit]")));
        };
        Consumer<WebDriver> trace = b -> {
            b.findElement(By.id("caseNumber")).sendKeys("12023000000000099");
            b.findElement(By.id("make")).sendKeys("AKM");
            b.findElement(By.id("serial")).sendKeys(values.get("serial"));
            submit(b, b.findElement(By.cssSelector("main form button[type=submit]")));
        };
        return Stream.of(
                new Page("sign-in", null, "/login", "#username"),
                new Page("second factor enrolment", null, "/login", "#secret", b -> {
                    b.findElement(By.id("username")).sendKeys(values.get("enrolling"));
                    b.findElement(By.id("password")).sendKeys(PAROLE_PW);
                    submit(b, b.findElement(By.cssSelector("button[type=submit]")));
                    assertThat(b.getCurrentUrl()).endsWith("/login/enrol");
                }),
                new Page("console home", "admin", "/console", "main h1"),
                new Page("routing", "admin", "/console/admin", "main table"),
                new Page("eligibility policies", "admin", "/console/admin/eligibility", "main table"),
                new Page("eligibility policy", "admin", "/console/admin/eligibility/{policy}", "main h1"),
                new Page("screening lists", "admin", "/console/admin/screening", "main h1"),
                new Page("advisories", "admin", "/console/admin/advisories", "main h1"),
                new Page("signing keys", "admin", "/console/admin/keys", "main h1"),
                new Page("mail outbox", "admin", "/console/admin/outbox", "main h1"),
                new Page("arms administration", "admin", "/console/admin/arms", "main h1"),
                new Page("reports", "admin", "/console/reports", "section.figure img.chart"),
                new Page("not found in the console", "admin", "/console/no-such-page", "main h1"),
                new Page("console home", "analyst1", "/console", "main h1"),
                new Page("reports", "analyst1", "/console/reports", "section.figure img.chart"),
                new Page("vetting queue", "vetting1", "/console/cases", "tr.case-row"),
                new Page("vetting case", "vetting1", "/console/cases/{vetting}", "#hits"),
                new Page("case asking for information", "embassy-gb", "/console/cases/{asked}", "#history"),
                new Page("interviewed case", "embassy-gb", "/console/cases/{interview}", "#interviews"),
                new Page("reject, confirm", "embassy-gb", "/console/cases/{interview}/confirm?transition=REJECT", "#confirm"),
                new Page("console home", "border1", "/console", "main h1"),
                new Page("border check", "border1", "/console/border", "#verify"),
                new Page("border check, unreadable seal", "border1", "/console/border", ".flash.bad", unreadableSeal),
                new Page("border check offline", "border1", "/console/border/offline", "main h1"),
                new Page("console home", "reception1", "/console", "main h1"),
                new Page("arms desk", "armory-kyiv", "/console/arms/desk", "#serial"),
                new Page("arms desk offline", "armory-kyiv", "/console/arms/desk/offline", "main h1"),
                new Page("arms receipt", "armory-kyiv", "/console/arms/receipts/{receipt}", "#seal"),
                new Page("arms anomalies", "registry1", "/console/arms/anomalies", "main h1"),
                new Page("arms overdue", "registry1", "/console/arms/overdue", "main h1"),
                new Page("arms receipt", "registry1", "/console/arms/receipts/{receipt}", "#seal"),
                new Page("arms trace", "police1", "/console/arms/trace", "#caseNumber"),
                new Page("arms trace, a result", "police1", "/console/arms/trace", "#history", trace),
                new Page("forbidden in the console", "police1", "/console/cases", "main h1"),
                new Page("parole queue", "ep-prison", "/console/parole", "#eligible-soon"),
                new Page("parole case", "ep-prison", "/console/parole/cases/{parole}", "#stage"),
                new Page("parole case", "ep-medical", "/console/parole/cases/{parole}", "#stage"),
                new Page("parole hand-overs", "ep-escort", "/console/parole/hand-overs", "#board"),
                new Page("parole reports", "ep-analyst", "/console/parole/reports", "section.figure img.chart"),
                new Page("arms reports", "analyst1", "/console/arms/reports", "section.figure img.chart"),
                new Page("arms reports", "registry1", "/console/arms/reports", "section.figure table.figure-table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void isAccessibleAndFitsANarrowScreen(Page page) {
        signIn(page.officer());
        String path = page.path();
        for (var v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        browser.get("http://localhost:" + port + path);
        page.then().accept(browser);
        if (page.officer() != null) {
            assertThat(browser.getCurrentUrl()).as(page + ": still in the console").contains("/console");
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(page + ": a heading").isNotBlank();
        assertThat(browser.findElements(By.cssSelector(page.shows()))).as(page + ": shows " + page.shows()).isNotEmpty();
        Axe.assertNoViolations(browser, page.toString());
        assertThat(Browsers.viewportWidth(browser)).isEqualTo(360);
        assertThat(Browsers.scrollWidth(browser)).as(page + " wider than the screen: " + widerThanTheScreen())
                .isLessThanOrEqualTo(Browsers.viewportWidth(browser));
    }

    private String widerThanTheScreen() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("""
                return Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
                  return e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5;
                }).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).slice(0, 12).join(' ');
                """));
    }

    private void signIn(String officer) {
        if (java.util.Objects.equals(officer, signedInAs)) {
            return;
        }
        browser.manage().deleteAllCookies();
        signedInAs = null;
        if (officer != null) {
            Browsers.signIn(browser, port, officer, officer.startsWith("ep-") ? PAROLE_PW : PW);
        }
        signedInAs = officer;
    }

    private static void submit(WebDriver browser, WebElement button) {
        Browsers.clickAndAwaitNextPage(browser, button, Duration.ofSeconds(15));
    }

    private String submit(Http http) {
        Http.Response r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    private String issueWeapon(Http http) {
        String serial = "ЕП" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\"}",
                "armory-kyiv", PW).status()).isEqualTo(201);
        values.put("serial", serial);
        ConsoleSession desk = ConsoleSession.login(port, "armory-kyiv", PW);
        ConsoleSession.Page form = desk.get("/console/arms/desk");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("serial", serial);
        f.put("make", "AKM");
        f.put("documentNumber", "МЕ" + (100000 + (int) (Math.random() * 899999)));
        f.put("surname", "Коваленко");
        f.put("givenNames", "Олена");
        f.put("patronymic", "Петрівна");
        f.put("dateOfBirth", "1990-07-14");
        f.put("legalStatus", "CITIZEN");
        f.put("rounds", "90");
        f.put("magazines", "3");
        ConsoleSession.Page issued = desk.postWithToken("/console/arms/desk", form, f);
        assertThat(issued.status()).as(issued.body()).isEqualTo(302);
        return issued.location().substring(issued.location().lastIndexOf('/') + 1);
    }
}
