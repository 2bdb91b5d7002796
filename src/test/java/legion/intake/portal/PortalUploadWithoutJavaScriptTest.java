package legion.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.Axe;
import legion.support.Browsers;
import legion.support.Cases;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.Outbox;

/**
 * A volunteer whose browser runs no JavaScript sends a document over the limit (ADR 0155): the server reads the
 * form itself, so the case page tells the limit in an error summary with the focus, "Error:" in the title and the
 * answer as typed, and nothing is stored — for a file just over the document limit, for one over what the container
 * once read at all (26 MB), and for one over what the server reads at all (100 MB), where the browser may show its
 * own page about the closed connection but the answer is back on the case page.
 */
@LegionIntegrationTest
class PortalUploadWithoutJavaScriptTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    legion.intake.VolunteerMail mail;
    WebDriver browser;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        browser = Browsers.chromiumWithoutPageScripts(360, 780, "en-GB");
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void aDocumentOverTheLimitIsToldWithTheAnswerKept() throws IOException {
        String ref = signedInWithARequest("Ingrid", "Noscript");

        // JavaScript is off: choosing a file over the limit tells nothing before sending (the script would)
        Path over = pdf("over.pdf", 6);
        browser.findElement(By.id("file")).sendKeys(over.toString());
        assertThat(browser.findElement(By.id("upload-problem")).isDisplayed()).isFalse();
        browser.findElement(By.id("file")).clear();

        send("Just over the limit.", over);
        toldWithTheAnswer("Just over the limit.", ref, "6 MB");
        send("Over what the server once read at all.", pdf("over-multipart.pdf", 30));
        toldWithTheAnswer("Over what the server once read at all.", ref, "30 MB");
    }

    @Test
    void aDocumentOverWhatTheServerReadsStillKeepsTheAnswer() throws IOException {
        String ref = signedInWithARequest("Ingrid", "Hugefile");
        send("Over everything the server reads.", pdf("huge.pdf", 120));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().isEmpty());
        if (!browser.getCurrentUrl().endsWith("/status/case")) {
            // the connection was closed under the upload: the browser told it on a page of its own; the case page,
            // as the volunteer goes back to it, has the application's answer
            System.out.println("a body over the read limit, the browser shows: " + browser.getCurrentUrl() + " "
                    + browser.getTitle());
            browser.get(url("/status/case"));
        }
        toldWithTheAnswer("Over everything the server reads.", ref, "120 MB");
    }

    /**
     * Over the read limit, the server answers before the body is in: the answer itself is sent (not an empty 500, as
     * Tomcat makes of an answer when it stops reading a body) and then the connection is closed.
     */
    @Test
    void overTheReadLimitTheApplicationsAnswerIsSentBeforeTheConnectionCloses() throws IOException {
        try (java.net.Socket get = new java.net.Socket("localhost", port)) {
            get.getOutputStream().write(("GET /status HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String page = new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String cookie = page.replaceAll("(?s).*Set-Cookie: (LEGION_SESSION=[^;]+);.*", "$1");
            String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            String boundary = "----legion-over-the-read-limit";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nkept\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);
            long declared = 200L * 1024 * 1024; // over the 100 MB read limit; only the start is ever sent
            try (java.net.Socket post = new java.net.Socket("localhost", port)) {
                post.setSoTimeout(20_000);
                OutputStream out = post.getOutputStream();
                out.write(("POST /status/answer HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                        + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                        + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(head);
                out.write(new byte[6 * 1024 * 1024]); // past the 5 MB limit, then the client waits for the answer
                out.flush();
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(post.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertThat(status).startsWith("HTTP/1.1 302");
            }
        }
    }

    private void toldWithTheAnswer(String answer, String ref, String what) {
        assertThat(browser.getCurrentUrl()).as(what).endsWith("/status/case");
        assertThat(browser.getTitle()).as(what).startsWith("Error: ");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary[role=alert]:not([hidden])"));
        assertThat(summary.getText()).as(what).contains("There is a problem", "The file is larger than 5 MB.");
        assertThat(browser.switchTo().activeElement()).as(what).isEqualTo(summary);
        assertThat(browser.findElement(By.id("answer")).getDomProperty("value")).as(what).isEqualTo(answer);
        Axe.assertNoViolations(browser, "your application, " + what + " sent without JavaScript");
        assertThat(Browsers.scrollWidth(browser)).isLessThanOrEqualTo(360);
        assertThat(jdbc.sql("select count(*) from review_document d join enlistment e on e.id = d.enlistment_id "
                + "where e.reference = ?").param(ref).query(Long.class).single()).as(what).isZero();
        assertThat(jdbc.sql("select count(*) from review_answer a join enlistment e on e.id = a.enlistment_id "
                + "where e.reference = ?").param(ref).query(Long.class).single()).as(what).isZero();
        assertThat(jdbc.sql("select stage from enlistment where reference = ?").param(ref).query(String.class).single())
                .as(what).isEqualTo("INFO_REQUESTED");
    }

    private void send(String answer, Path file) {
        WebElement box = browser.findElement(By.id("answer"));
        box.clear();
        box.sendKeys(answer);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        WebElement button = browser.findElement(By.id("send-answer"));
        Browsers.clickAndAwaitNextPage(browser, button, Duration.ofSeconds(30));
    }

    /** A case the embassy asked about, and its volunteer signed in to it (details, emailed code) in the browser. */
    private String signedInWithARequest(String given, String surname) {
        Http http = new Http(port);
        Map<String, Object> body = Applications.valid(given, surname, "GB");
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
        String ref = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        assertThat(Cases.act(http, ref, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        assertThat(Cases.act(http, ref, "embassy-gb",
                "{\"transition\":\"REQUEST_INFORMATION\",\"reason\":\"Your service record, please.\"}").status())
                .isEqualTo(200);
        browser.get(url("/status"));
        type("reference", ref);
        type("passportNumber", passport);
        type("dobDay", "11");
        type("dobMonth", "3");
        type("dobYear", "1982");
        browser.findElement(By.cssSelector("main button[type=submit].button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/status/code"));
        type("code", Outbox.codeFor(mail.outbox(), ref));
        browser.findElement(By.id("continue")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/status/case"));
        assertThat(browser.findElement(By.id("request-text")).getText()).isEqualTo("Your service record, please.");
        return ref;
    }

    /** A file that starts as a PDF and has {@code megabytes} MB. */
    private Path pdf(String name, int megabytes) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                out.write(chunk);
            }
        }
        return file;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
