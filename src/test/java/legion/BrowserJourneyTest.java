package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Browsers;
import legion.support.LegionIntegrationTest;

/**
 * A real browser (Debian's headless Chromium) applies on the portal, without JavaScript, and officers take the
 * case through the console to ENLISTED.
 */
@LegionIntegrationTest
class BrowserJourneyTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    legion.intake.VolunteerMail mail;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    Path shots = Path.of("target", "screenshots");

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("legion.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("legion.test.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Files.createDirectories(shots);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void shot(String name) throws Exception {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aVolunteerAppliesAndOfficersEnlistThem() throws Exception {
        browser.get(url("/"));
        submit(browser.findElement(By.linkText("Start now")));

        // One small group of questions per page. Sending nothing shows an error summary whose links lead to the fields.
        submit(browser.findElement(By.cssSelector("button[type=submit].button")));
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Enter your given names").contains("Enter your surname");
        assertThat(summary.findElement(By.linkText("Enter your given names")).getAttribute("href")).endsWith("#givenNames");
        shot("apply-errors");

        type("givenNames", "Олександр");
        type("surname", "Шевченко-O'Neil");
        next();
        type("dobDay", "11");
        type("dobMonth", "3");
        type("dobYear", "1985");
        browser.findElement(By.id("sex")).click();
        new Select(browser.findElement(By.id("nationality"))).selectByValue("GB");
        new Select(browser.findElement(By.id("countryOfResidence"))).selectByValue("GB");
        next();
        type("passportNumber", "X1234567");
        new Select(browser.findElement(By.id("passportIssuingCountry"))).selectByValue("GB");
        LocalDate expiry = LocalDate.now().plusYears(4);
        type("expiryDay", Integer.toString(expiry.getDayOfMonth()));
        type("expiryMonth", Integer.toString(expiry.getMonthValue()));
        type("expiryYear", Integer.toString(expiry.getYear()));
        next();
        type("email", "volunteer@example.org");
        type("languages", "en, uk");
        next();
        browser.findElement(By.id("role-COMBAT_MEDIC")).click();
        browser.findElement(By.id("hasExperience")).click();
        type("years", "6");
        type("branch", "Royal Army Medical Corps");
        next();
        browser.findElement(By.id("criminalRecord-no")).click();
        shot("apply-filled");
        next();

        // Check your answers: the name as written, then change and come back with nothing lost.
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Check your answers");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Олександр").contains("Шевченко-O'Neil");
        submit(browser.findElement(By.id("change-hasExperience")));
        assertThat(browser.findElement(By.id("years")).getAttribute("value")).isEqualTo("6");
        next();

        // The advisory for the chosen nationality is shown in plain words above the acknowledgement; nothing is sent
        // until the volunteer acknowledges it.
        WebElement advisory = browser.findElement(By.id("advisory"));
        assertThat(advisory.getText()).contains("The law of your country: United Kingdom")
                .contains("no information on file").contains("Consult a lawyer before you travel");
        shot("check-answers");
        submit(browser.findElement(By.xpath("//button[contains(., 'Accept and send')]")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("You must confirm that you have checked the law of your country");
        assertThat(browser.findElement(By.id("advisory-summary")).getText()).contains("no information on file");
        browser.findElement(By.id("homeCountryLawAcknowledged")).click();
        submit(browser.findElement(By.xpath("//button[contains(., 'Accept and send')]")));

        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("LGN-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.getPageSource()).contains("Embassy in London");
        shot("confirmation");

        // The volunteer checks the status: details, then the code sent to their email.
        browser.get(url("/status"));
        type("reference", reference.toLowerCase());
        type("passportNumber", "x1234567");
        type("dobDay", "11");
        type("dobMonth", "03");
        type("dobYear", "1985");
        submit(browser.findElement(By.cssSelector("button[type=submit].button")));
        type("code", legion.support.Outbox.codeFor(mail.outbox(), reference));
        submit(browser.findElement(By.id("continue")));
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Submitted");

        // The embassy in London works the case from its queue.
        signIn("embassy-gb");
        submit(browser.findElement(By.linkText(reference)));
        assertThat(browser.findElement(By.id("givenNames")).getText()).isEqualTo("Олександр");
        // The officer sees the acknowledged advisory with its version, and the eligibility verdict with its policy.
        assertThat(browser.findElement(By.id("acknowledgement")).getText()).startsWith("Version 0 of the advisory");
        assertThat(browser.findElement(By.id("verdicts")).getText()).contains("Needs review")
                .contains("Medical qualification for the role");
        act("START_REVIEW", null);
        // The invitation names the date, time and zone (date and time inputs set as the browser's pickers would).
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('interviewDate').value = '2027-01-12';"
                        + "document.getElementById('interviewTime').value = '10:30';");
        new Select(browser.findElement(By.id("interviewZone"))).selectByValue("Europe/London");
        act("INVITE_TO_INTERVIEW", "Video call on Tuesday");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("PASSED");
        submit(browser.findElement(By.id("record-interview")));
        act("RECOMMEND", "Six years as army medic; good English");
        assertThat(stage()).isEqualTo("Vetting");
        shot("case-embassy");
        signOut();

        // Screening has run; possible duplicates (other tests' volunteers) are decided with four eyes over the API.
        legion.support.Cases.clearDuplicates(new legion.support.Http(port), reference);
        signIn("vetting1");
        browser.get(url("/console/cases/" + reference));
        act("APPROVE", null);
        act("AUTHORIZE", null);
        signOut();

        signIn("reception1");
        browser.get(url("/console/cases/" + reference));
        act("CONFIRM_ARRIVAL", null);
        type("unit-ENLIST", "2nd Medical Company");
        submit(browser.findElement(By.id("do-ENLIST")));
        assertThat(stage()).isEqualTo("Enlisted");
        assertThat(browser.findElement(By.id("history")).getText()).contains("reception1").contains("vetting1")
                .contains("embassy-gb").contains("Six years as army medic");
        shot("case-enlisted");
    }

    @Test
    void aLatvianVolunteerSeesThatTheirParliamentAllowedItAndAcknowledgesIt() throws Exception {
        browser.get(url("/apply"));
        type("givenNames", "Jānis");
        type("surname", "Bērziņš");
        next();
        type("dobDay", "2");
        type("dobMonth", "7");
        type("dobYear", "1990");
        browser.findElement(By.id("sex")).click();
        new Select(browser.findElement(By.id("nationality"))).selectByValue("LV");
        new Select(browser.findElement(By.id("countryOfResidence"))).selectByValue("LV");
        next();
        type("passportNumber", "LV1234567");
        new Select(browser.findElement(By.id("passportIssuingCountry"))).selectByValue("LV");
        LocalDate expiry = LocalDate.now().plusYears(3);
        type("expiryDay", Integer.toString(expiry.getDayOfMonth()));
        type("expiryMonth", Integer.toString(expiry.getMonthValue()));
        type("expiryYear", Integer.toString(expiry.getYear()));
        next();
        type("email", "janis@example.org");
        next();
        browser.findElement(By.id("role-DRIVER")).click();
        browser.findElement(By.id("hasExperience-no")).click();
        next();
        browser.findElement(By.id("criminalRecord-no")).click();
        next();

        assertThat(browser.findElement(By.id("advisory-status")).getText()).isEqualTo("Allowed");
        assertThat(browser.findElement(By.id("advisory")).getText())
                .contains("voted unanimously to allow Latvian citizens to serve voluntarily in Ukraine")
                .contains("2022-02-28");
        shot("check-advisory-lv");
        browser.findElement(By.id("homeCountryLawAcknowledged")).click();
        submit(browser.findElement(By.xpath("//button[contains(., 'Accept and send')]")));
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(jdbc.sql("select a.country || '/' || a.advisory_version from advisory_acknowledgement a "
                + "join enlistment e on e.id = a.enlistment_id where e.reference = ?").param(reference)
                .query(String.class).single()).isEqualTo("LV/1");
    }

    /** Continue to the next page of questions. */
    private void next() {
        submit(browser.findElement(By.cssSelector("main button[type=submit].button")));
    }

    private void act(String transition, String reason) {
        if (reason != null) {
            type("reason-" + transition, reason);
        }
        submit(browser.findElement(By.id("do-" + transition)));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).startsWith("Done");
    }

    private String stage() {
        return browser.findElement(By.id("stage")).getText();
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        type("username", user);
        type("password", "demo-password");
        submit(browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).endsWith("/login/code");
        type("code", legion.support.TestDatabase.code());
        submit(browser.findElement(By.id("continue")));
        assertThat(browser.getCurrentUrl()).contains("/console");
    }

    private void signOut() {
        submit(browser.findElement(By.xpath("//button[contains(., 'Sign out')]")));
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    private void submit(WebElement element) {
        Browsers.clickAndAwaitNextPage(browser, element, Duration.ofSeconds(15));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
