package legion.arms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Browsers;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.SwitchableProxy;

/**
 * The offline issuing desk: in a real browser with the network cut, issues are kept under numbered provisional slips
 * and sent when the network is back; the server checks each again and flags what it can no longer record (here the
 * weapon issued meanwhile at another desk) for the supervisor instead of merging it. Over HTTP: a slip sent twice is
 * recorded once, a stolen weapon and a holder over the limit are flagged too.
 */
@LegionIntegrationTest
class OfflineDeskIT {

    private static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;
    SwitchableProxy proxy;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private String stock(Http http) {
        String serial = "ОФ" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\"}",
                "armory-kyiv", PW).status()).isEqualTo(201);
        return serial;
    }

    private static String document() {
        return "ОФ" + (100000 + (int) (Math.random() * 899999));
    }

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void issueInBrowser(String serial, String document) {
        type("serial", serial);
        type("make", "АКМ");
        type("documentNumber", document);
        type("surname", "Литвин");
        type("givenNames", "Марко");
        type("dateOfBirth", "1979-05-30");
        type("rounds", "60");
        type("magazines", "2");
        browser.findElement(By.id("queue-issue")).click();
    }

    @Test
    void issuesMadeWithoutNetworkAreSentLaterAndAConflictIsFlaggedNotMerged() throws Exception {
        Http http = new Http(port);
        String taken = stock(http);
        String free = stock(http);
        String takenDocument = document();
        proxy = new SwitchableProxy(port);          // the browser's only way to the server, for it and its worker
        browser = Browsers.open(proxy.port());
        Browsers.signIn(browser, port, "armory-kyiv", PW);
        browser.get("http://localhost:" + port + "/console/arms/desk");
        browser.findElement(By.id("offline-link")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-loaded")));
        wait.until(d -> "true".equals(d.findElement(By.id("worker-state")).getAttribute("data-ready")));
        browser.executeScript("localStorage.clear()");

        // the network cut: the proxy closed (the service worker's way out) and the page told it is offline
        proxy.cut();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        offline.setLatency(Duration.ZERO);
        browser.setNetworkConditions(offline);
        wait.until(d -> "offline".equals(d.findElement(By.id("connection")).getText()));

        issueInBrowser(taken, takenDocument);
        wait.until(d -> "1".equals(d.findElement(By.id("main")).getAttribute("data-queued")));
        String slip = browser.findElement(By.id("slip-number")).getText();
        assertThat(slip).matches("P-KYIV-POLICE-01-[A-Z0-9]{4}-1");
        assertThat(browser.findElement(By.id("slip-fields")).getText()).contains("Литвин").contains(takenDocument);
        // the holder's data is kept encrypted: neither the name nor the document is readable in the storage
        String stored = (String) browser.executeScript("return localStorage.getItem('legion.arms.offline.armory-kyiv')");
        assertThat(stored).contains(taken).contains("\"sealed\"").doesNotContain("Литвин")
                .doesNotContain(takenDocument).doesNotContain("1979-05-30");

        // reloaded without network, the page comes from its service worker and still holds the queue
        browser.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-loaded")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Issuing desk (works offline)");
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("offline");
        assertThat(browser.findElements(By.cssSelector("#queue tr[data-state=QUEUED]"))).hasSize(1);

        issueInBrowser(free, document());
        wait.until(d -> "2".equals(d.findElement(By.id("main")).getAttribute("data-queued")));
        assertThat(browser.findElement(By.id("slip-number")).getText()).endsWith("-2");
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue tr"));
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.getAttribute("data-state")).isEqualTo("QUEUED"));
        Object reached = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/console/arms/desk').then(function () { done('reached'); }, function () { done('no'); });");
        assertThat(reached).isEqualTo("no");                                   // the network really is cut

        // meanwhile another desk of the same point, online, issues the first weapon
        Http.Response other = http.postJsonAs("/api/v1/arms/issues", """
                {"make": "АКМ", "serial": "%s", "rounds": 30, "magazines": 1,
                 "holder": {"surname": "Гнатюк", "givenNames": "Ірина", "dateOfBirth": "1991-02-03",
                            "documentNumber": "%s", "legalStatus": "CITIZEN"}}""".formatted(taken, document()),
                "armory-kyiv-2", PW);
        assertThat(other.status()).as(other.body()).isEqualTo(201);

        proxy.restore();
        browser.deleteNetworkConditions();
        wait.until(d -> "online".equals(d.findElement(By.id("connection")).getText()));
        browser.findElement(By.id("send")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue tr[data-state=QUEUED]")).isEmpty());
        WebElement conflict = browser.findElement(By.cssSelector("#queue tr[data-slip='" + slip + "']"));
        assertThat(conflict.getAttribute("data-state")).isEqualTo("CONFLICT");
        assertThat(conflict.getText()).contains("WEAPON_AT_TWO_POINTS");
        WebElement recorded = browser.findElement(By.cssSelector("#queue tr[data-state=RECORDED]"));
        assertThat(recorded.getText()).contains(free).containsPattern("ARM-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(recorded.findElement(By.tagName("a")).getAttribute("href")).contains("/console/arms/receipts/ARM-");
        // answered for, the entries keep no personal data, sealed or not
        String after = (String) browser.executeScript("return localStorage.getItem('legion.arms.offline.armory-kyiv')");
        assertThat(after).contains(slip).doesNotContain("sealed").doesNotContain(takenDocument);

        // never merged: the weapon stays with the holder the online desk gave it to, the supervisor has the finding
        assertThat(jdbc.sql("select count(*) from arms_issue i join arms_weapon w on w.id = i.weapon_id "
                + "where w.serial = ?").param(taken).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from arms_finding where source = 'OFFLINE_DESK' and kind = "
                + "'WEAPON_AT_TWO_POINTS' and serial = ?").param(taken).query(String.class).single())
                .contains(slip).contains("armory-kyiv");
        String queue = ConsoleSession.login(port, "registry1", PW).get("/console/arms/anomalies").body();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(queue)).contains(taken).contains("Same weapon at two points");
    }

    @Test
    void aSlipIsRecordedOnceAndStolenWeaponsAndHoldersOverTheLimitAreFlagged() {
        Http http = new Http(port);
        ConsoleSession desk = ConsoleSession.login(port, "armory-kyiv", PW);
        ConsoleSession.Page page = desk.get("/console/arms/desk/offline");
        String doc = document();
        String first = stock(http);
        String body = slip("P-KYIV-POLICE-01-TEST-" + (int) (Math.random() * 99999), first, doc);
        ConsoleSession.Page sent = desk.postJson("/console/arms/desk/sync", page, body);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("\"result\":\"RECORDED\"");
        assertThat(desk.postJson("/console/arms/desk/sync", page, body).body()).isEqualTo(sent.body());
        assertThat(jdbc.sql("select count(*) from arms_issue i join arms_weapon w on w.id = i.weapon_id "
                + "where w.serial = ?").param(first).query(Integer.class).single()).isEqualTo(1);

        String second = stock(http);   // the same holder's second weapon is allowed, a third is over the limit
        assertThat(desk.postJson("/console/arms/desk/sync", page, slip("P-KYIV-POLICE-01-TEST-" + (int) (Math.random() * 99999), second, doc))
                .body()).contains("RECORDED");
        String third = stock(http);
        assertThat(desk.postJson("/console/arms/desk/sync", page, slip("P-KYIV-POLICE-01-TEST-" + (int) (Math.random() * 99999), third, doc))
                .body()).contains("\"conflict\":\"HOLDER_OVER_LIMIT\"");

        String stolen = stock(http);
        assertThat(http.postJsonAs("/api/v1/arms/losses", "{\"make\":\"АКМ\",\"serial\":\"" + stolen
                + "\",\"kind\":\"STOLEN\"}", "armory-kyiv", PW).status()).isEqualTo(200);
        assertThat(desk.postJson("/console/arms/desk/sync", page, slip("P-KYIV-POLICE-01-TEST-" + (int) (Math.random() * 99999), stolen,
                document())).body()).contains("\"conflict\":\"WEAPON_REPORTED_STOLEN\"");
        assertThat(desk.postJson("/console/arms/desk/sync", page, "{\"slip\":\"nope\",\"kind\":\"ISSUE\"}").status())
                .isEqualTo(400);
        assertThat(desk.postJson("/console/arms/desk/sync", null, body).status()).isEqualTo(403); // no CSRF token
    }

    private static String slip(String number, String serial, String document) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("slip", number, "kind", "ISSUE", "madeAt",
                java.time.Instant.now().toString(), "make", "АКМ", "serial", serial, "documentNumber", document));
        m.putAll(Map.of("surname", "Литвин", "givenNames", "Марко", "dateOfBirth", "1979-05-30", "legalStatus",
                "CITIZEN", "rounds", 10, "magazines", 1));
        return Http.json(m);
    }
}
