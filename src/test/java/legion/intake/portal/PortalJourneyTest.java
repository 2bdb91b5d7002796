package legion.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Axe;
import legion.support.Browsers;
import legion.support.LegionIntegrationTest;

/**
 * The whole portal journey in a real browser (Debian's Chromium; the portal needs no JavaScript of ours) on a 360 px wide screen:
 * every page without a WCAG 2.1 AA violation (axe-core) and without sideways scrolling, and at every step back and
 * refresh lose no answer and send nothing twice.
 */
@LegionIntegrationTest
class PortalJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    legion.intake.VolunteerMail mail;
    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browsers.chromium(360, 780, "en-GB");
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void aVolunteerGoesThroughEveryPageBackAndForthAndSendsOnce() {
        String email = "journey." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        browser.get(url("/"));
        page("start");
        click(browser.findElement(By.linkText("Start now")));

        // 1 name: nothing typed is told in an error summary that has the focus, with "Error:" in the title
        assertThat(browser.getCurrentUrl()).endsWith("/apply/name");
        assertThat(progress()).isEqualTo("Step 1 of 6");
        page("name");
        continueOn();
        assertThat(browser.getTitle()).startsWith("Error: Your name");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Enter your given names", "Enter your surname");
        assertThat(browser.switchTo().activeElement()).isEqualTo(summary);
        page("name with errors");
        // a too-long value is told with its limit
        type("givenNames", "Олександр");
        type("surname", "Ш".repeat(101));
        continueOn();
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Surname must be 100 characters or fewer");
        assertThat(value("givenNames")).isEqualTo("Олександр");
        type("surname", "Шевченко");
        continueOn();

        // 2 about you; back shows the name as typed, refresh keeps it, forward returns
        assertThat(browser.getCurrentUrl()).endsWith("/apply/about");
        assertThat(progress()).isEqualTo("Step 2 of 6");
        backAndRefreshKeep("givenNames", "Олександр");
        page("about");
        type("dobDay", "11");
        type("dobMonth", "3");
        type("dobYear", "1985");
        browser.findElement(By.id("sex")).click();
        new Select(browser.findElement(By.id("nationality"))).selectByValue("GB");
        new Select(browser.findElement(By.id("countryOfResidence"))).selectByValue("GB");
        continueOn();

        // 3 passport: a lower-case number is taken as the passport writes it
        assertThat(browser.getCurrentUrl()).endsWith("/apply/passport");
        backAndRefreshKeep("dobYear", "1985");
        page("passport");
        String passport = "x" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        type("passportNumber", passport);
        new Select(browser.findElement(By.id("passportIssuingCountry"))).selectByValue("GB");
        LocalDate expiry = LocalDate.now().plusYears(4);
        type("expiryDay", Integer.toString(expiry.getDayOfMonth()));
        type("expiryMonth", Integer.toString(expiry.getMonthValue()));
        type("expiryYear", Integer.toString(expiry.getYear()));
        continueOn();

        // 4 contact
        assertThat(browser.getCurrentUrl()).endsWith("/apply/contact");
        backAndRefreshKeep("expiryYear", Integer.toString(expiry.getYear()));
        page("contact");
        type("email", "a".repeat(250) + "@example.org");
        continueOn();
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("it can have at most 254 characters");
        type("email", email);
        type("languages", "en, uk");
        continueOn();

        // 5 service
        assertThat(browser.getCurrentUrl()).endsWith("/apply/service");
        backAndRefreshKeep("email", email);
        page("service");
        browser.findElement(By.id("role-COMBAT_MEDIC")).click();
        browser.findElement(By.id("hasExperience")).click();
        type("years", "6");
        type("branch", "Royal Army Medical Corps");
        continueOn();

        // 6 record
        assertThat(browser.getCurrentUrl()).endsWith("/apply/record");
        assertThat(progress()).isEqualTo("Step 6 of 6");
        backAndRefreshKeep("years", "6");
        page("record");
        browser.findElement(By.id("criminalRecord-no")).click();
        continueOn();

        // check your answers: dates in words, the passport number normalised, names in their own direction
        assertThat(browser.getCurrentUrl()).endsWith("/apply/check");
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Олександр", "Шевченко", "11 March 1985", "Combat medic");
        assertThat(browser.findElement(By.id("check-passportNumber")).getText()).matches("X\\d{7}");
        assertThat(browser.findElements(By.cssSelector("dd[dir=auto]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("dl.check-answers .row"))).allSatisfy(
                row -> assertThat(row.findElements(By.cssSelector("a[href*='from=check']"))).hasSize(1));
        backAndRefreshKeep("criminalRecord-no", null);
        page("check");
        // a change link leads to its question and back to the check page
        click(browser.findElement(By.id("change-surname")));
        assertThat(browser.getCurrentUrl()).endsWith("/apply/name?from=check");
        page("name from check");
        type("surname", "Шевченко-O'Neil");
        continueOn();
        assertThat(browser.getCurrentUrl()).endsWith("/apply/check");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Шевченко-O'Neil");

        // sending without the acknowledgement is told; then sent once
        click(browser.findElement(By.xpath("//button[contains(., 'Accept and send')]")));
        assertThat(browser.getTitle()).startsWith("Error: Check your answers");
        assertThat(browser.switchTo().activeElement())
                .isEqualTo(browser.findElement(By.cssSelector(".error-summary")));
        page("check with errors");
        browser.findElement(By.id("homeCountryLawAcknowledged")).click();
        click(browser.findElement(By.xpath("//button[contains(., 'Accept and send')]")));

        // the confirmation reloads with its reference; back never sends again
        assertThat(browser.getCurrentUrl()).endsWith("/apply/confirmation");
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("LGN-[0-9A-Z]{4}-[0-9A-Z]{4}");
        page("confirmation");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);
        // back: the check page as the browser kept it, or the confirmation; sending from it again sends nothing
        browser.navigate().back();
        if (browser.getCurrentUrl().endsWith("/apply/check")) {
            click(browser.findElement(By.xpath("//button[contains(., 'Accept and send')]")));
        }
        assertThat(browser.getCurrentUrl()).endsWith("/apply/confirmation");
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);
        browser.navigate().back();
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).endsWith("/apply/confirmation");
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);
        assertThat(jdbc.sql("select count(*) from enlistment where reference = ?").param(reference)
                .query(Long.class).single()).isEqualTo(1);

        // the status pages: details (refresh sends no second code), the mailed code, the case, withdrawal confirmed
        browser.get(url("/status"));
        page("status");
        type("reference", reference.toLowerCase());
        type("passportNumber", passport);
        type("dobDay", "11");
        type("dobMonth", "3");
        type("dobYear", "1985");
        continueOn();
        assertThat(browser.getCurrentUrl()).endsWith("/status/code");
        page("status code");
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).endsWith("/status/code");
        type("code", "000000");
        continueOn();
        assertThat(browser.getTitle()).startsWith("Error: Check your email");
        page("status code with errors");
        type("code", legion.support.Outbox.codeFor(mail.outbox(), reference));
        click(browser.findElement(By.id("continue")));
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Submitted");
        page("your application");
        click(browser.findElement(By.id("withdraw")));
        assertThat(browser.getCurrentUrl()).endsWith("/status/withdraw");
        page("withdraw, confirm");
        click(browser.findElement(By.id("cancel")));
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Submitted");
        click(browser.findElement(By.id("withdraw")));
        click(browser.findElement(By.id("confirm-withdraw")));
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Withdrawn");
        page("withdrawn");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Withdrawn");
        click(browser.findElement(By.id("erase")));
        page("erase, confirm");
    }

    @Test
    void countriesAreInTheVolunteersLanguageInItsOrder() {
        browser.get(url("/apply/about?lang=de"));
        page("about, in German");
        var names = new Select(browser.findElement(By.id("nationality"))).getOptions().stream()
                .map(WebElement::getText).toList();
        // German collation puts Österreich among the O's; code points would put it after Zypern
        assertThat(names.indexOf("Österreich")).isGreaterThan(names.indexOf("Oman"))
                .isLessThan(names.indexOf("Pakistan"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        browser.get(url("/apply/name?lang=en"));
    }

    /**
     * A document over the limit is told on the page before anything is sent (a body over the server's multipart limit
     * cannot be read at all, so the answer would be lost): the answer as typed stays, nothing reaches the case.
     */
    @Test
    void aDocumentOverTheLimitIsToldBeforeSendingAndTheAnswerStays(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        legion.support.Http http = new legion.support.Http(port);
        java.util.Map<String, Object> body = legion.support.Applications.valid("Sven", "Oversize", "GB");
        @SuppressWarnings("unchecked")
        String passport = (String) ((java.util.Map<String, Object>) body.get("passport")).get("number");
        String ref = http.postJson("/api/v1/enlistments", legion.support.Http.json(body)).json().get("reference")
                .stringValue();
        assertThat(legion.support.Cases.act(http, ref, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status())
                .isEqualTo(200);
        assertThat(legion.support.Cases.act(http, ref, "embassy-gb",
                "{\"transition\":\"REQUEST_INFORMATION\",\"reason\":\"Your service record, please.\"}").status())
                .isEqualTo(200);
        java.nio.file.Path big = dir.resolve("service-record.pdf");
        try (var out = java.nio.file.Files.newOutputStream(big)) {
            out.write("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 30; i++) { // 30 MB: over the document limit and over the server's multipart limit
                out.write(chunk);
            }
        }

        browser.get(url("/status"));
        type("reference", ref);
        type("passportNumber", passport);
        type("dobDay", "11");
        type("dobMonth", "3");
        type("dobYear", "1982");
        continueOn();
        type("code", legion.support.Outbox.codeFor(mail.outbox(), ref));
        click(browser.findElement(By.id("continue")));
        assertThat(browser.findElement(By.id("request-text")).getText()).isEqualTo("Your service record, please.");
        String title = browser.getTitle();
        type("answer", "Here is my DD-214, as asked.");
        browser.findElement(By.id("file")).sendKeys(big.toString());
        browser.findElement(By.id("send-answer")).click();

        WebElement problem = browser.findElement(By.id("upload-problem"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> problem.isDisplayed());
        assertThat(problem.getText()).contains("larger than 5 MB");
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(browser.getCurrentUrl()).endsWith("/status/case");
        assertThat(value("answer")).isEqualTo("Here is my DD-214, as asked.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("upload-problem");
        page("your application, a document over the limit");
        assertThat(jdbc.sql("select count(*) from review_document d join enlistment e on e.id = d.enlistment_id "
                + "where e.reference = ?").param(ref).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select stage from enlistment where reference = ?").param(ref).query(String.class).single())
                .isEqualTo("INFO_REQUESTED");
        // a smaller file chosen instead: the problem goes, the title is the page's own again
        java.nio.file.Path small = dir.resolve("small.pdf");
        java.nio.file.Files.writeString(small, "%PDF-1.4\n%%EOF\n");
        browser.findElement(By.id("file")).sendKeys(small.toString());
        assertThat(problem.isDisplayed()).isFalse();
        assertThat(browser.getTitle()).isEqualTo(title);
    }

    @Test
    void anUnknownPublicAddressIsNotFoundInThePortalsLayout() {
        browser.get(url("/no-such-page"));
        assertThat(browser.getTitle()).contains("Page not found");
        assertThat(browser.getCurrentUrl()).endsWith("/no-such-page"); // not sent to the officers' sign-in
        assertThat(browser.findElements(By.linkText("Check status"))).hasSize(1);
        page("not found");
        browser.get(url("/apply/no-such-step"));
        assertThat(browser.getTitle()).contains("Page not found");
    }

    /** The page now shown meets WCAG 2.1 AA as far as axe can tell, and fits 360 px without scrolling sideways. */
    private void page(String name) {
        Axe.assertNoViolations(browser, name);
        assertThat(Browsers.viewportWidth(browser)).isEqualTo(360);
        assertThat(Browsers.scrollWidth(browser)).as("layout width of " + name).isLessThanOrEqualTo(360);
    }

    /** Back shows the previous page with the answer as typed, refresh keeps it, forward returns to this page. */
    private void backAndRefreshKeep(String id, String expected) {
        String here = browser.getCurrentUrl();
        browser.navigate().back();
        check(id, expected);
        browser.navigate().refresh();
        check(id, expected);
        browser.navigate().forward();
        assertThat(browser.getCurrentUrl()).isEqualTo(here);
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).isEqualTo(here);
    }

    private void check(String id, String expected) {
        if (expected == null) {
            assertThat(browser.findElement(By.id(id)).isSelected()).as(id).isTrue();
        } else {
            assertThat(value(id)).as(id).isEqualTo(expected);
        }
    }

    private String progress() {
        return browser.findElement(By.id("progress")).getText();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private void continueOn() {
        click(browser.findElement(By.cssSelector("main button[type=submit].button")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
        Browsers.clickAndAwaitNextPage(browser, element, Duration.ofSeconds(15));
    }
}
