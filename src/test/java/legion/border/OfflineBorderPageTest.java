package legion.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.authorization.IssuedAuthorizations;
import legion.authorization.TravelAuthorizations;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.SwitchableProxy;

/**
 * The offline border page in a real browser: it stores the signer keys and the signed revocation list while online,
 * then, with the browser's network switched off, reloads from its service worker and verifies seals in the browser.
 */
@LegionIntegrationTest
class OfflineBorderPageTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    IssuedAuthorizations issued;
    @Autowired
    Enlistments enlistments;
    @Autowired
    TravelAuthorizations authorizations;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    SwitchableProxy proxy;

    String authorizedCase(Http http, String given, String surname) {
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid(given, surname, "GB")))
                .json().get("reference").stringValue();
        legion.support.Cases.authorize(http, ref, "embassy-gb");
        return ref;
    }


    String sealHex(String ref) {
        var e = enlistments.findByReference(new Reference(ref)).orElseThrow();
        return HexFormat.of().formatHex(issued.find(e.id().value()).orElseThrow().seal());
    }

    @Test
    void theOfflinePageAndItsWorkerAreServedToGuardsOnly() {
        Http http = new Http(port);
        // The worker is served with the header that lets it control the offline page, and the page needs a guard.
        var worker = http.get("/js/border-offline-sw.js", null, null);
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.header("Service-Worker-Allowed")).isEqualTo("/console/border/offline");
        assertThat(worker.header("Content-Type")).startsWith("text/javascript");
        assertThat(worker.body()).contains("addEventListener('fetch'");
        assertThat(http.get("/js/border-offline.js", null, null).body()).contains("crypto.subtle.verify");
        assertThat(ConsoleSession.login(port, "vetting1", PW).get("/console/border/offline").status())
                .isEqualTo(403);
        assertThat(ConsoleSession.anonymous(port).get("/console/border/offline").status()).isEqualTo(302);
        var page = ConsoleSession.login(port, "border1", PW).get("/console/border/offline");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("src=\"/js/border-offline.js\"").doesNotContain("<script>")
                .doesNotContain(" onclick=").contains("data-keys=\"/api/v1/authorizations/certificates/keys\"");
    }

    @Test
    void crossingsVerifiedOfflineAreVerifiedAgainAndRecordedWhenSent() {
        Http http = new Http(port);
        String hex = sealHex(authorizedCase(http, "Petro", "Sent"));
        String body = Http.json(Map.of("checkpoint", "Uzhhorod", "hex", hex, "verifiedAt", "2026-11-27T08:00:00Z",
                "offlineStatus", "VALID"));
        ConsoleSession guard = ConsoleSession.login(port, "border1", PW);
        var page = guard.get("/console/border/offline");
        assertThat(guard.postJson("/console/border/crossings", null, body).status()).isEqualTo(403);
        var vetting = ConsoleSession.login(port, "vetting1", PW);
        assertThat(vetting.postJson("/console/border/crossings", vetting.get("/console/cases"), body).status()).isEqualTo(403);
        assertThat(guard.postJson("/console/border/crossings", page, "{\"checkpoint\":\"X\",\"hex\":\"zz\"}").status())
                .isEqualTo(400);
        assertThat(guard.postJson("/console/border/crossings", page, "not json").status()).isEqualTo(400);

        var first = guard.postJson("/console/border/crossings", page, body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"VALID\"").contains("\"flagged\":false");
        assertThat(guard.postJson("/console/border/crossings", page, body).body()).contains("\"flagged\":true");
        // The server judges for itself: a seal the browser called VALID but altered is recorded as what it is.
        byte[] altered = HexFormat.of().parseHex(hex);
        altered[altered.length - 1] ^= 0x40;
        assertThat(guard.postJson("/console/border/crossings", page, Http.json(Map.of("checkpoint", "Uzhhorod",
                "hex", HexFormat.of().formatHex(altered), "verifiedAt", "2026-11-27T08:00:00Z", "offlineStatus", "VALID")))
                .body()).contains("\"status\":\"BAD_SIGNATURE\"");
        String number = http.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json()
                .get("fields").get("authorizationNumber").stringValue();
        assertThat(jdbc.sql("select note from border_crossing where authorization_number = ? order by id")
                .param(number).query(String.class).list())
                .containsExactly("verified offline at 2026-11-27T08:00:00Z as VALID",
                        "entry 2 of 1; verified offline at 2026-11-27T08:00:00Z as VALID");
    }

    @Test
    void aGuardVerifiesSealsInTheBrowserWithoutNetwork() throws Exception {
        Http http = new Http(port);
        String valid = sealHex(authorizedCase(http, "Olena", "Kovalenko"));
        String revokedRef = authorizedCase(http, "Ivan", "Revokedson");
        String revoked = sealHex(revokedRef);

        proxy = new SwitchableProxy(port);
        browser = openBrowser(proxy.port());
        signIn("border1");
        browser.get(url("/console/border"));
        browser.findElement(By.id("offline-link")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-loaded")));
        wait.until(d -> "true".equals(d.findElement(By.id("worker-state")).getAttribute("data-ready")));
        assertThat(browser.findElement(By.id("revocations-state")).getText()).startsWith("number ");
        assertThat(browser.findElement(By.id("certificates-state")).getText()).contains("signer key");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long before = ((Number) js.executeScript("return JSON.parse(localStorage.getItem('legion.border.revocations.highest'))"))
                .longValue();

        // Revoked while online; the guard refreshes and the page stores the newer signed list.
        assertThat(http.postJsonAs("/api/v1/enlistments/" + revokedRef + "/transitions",
                "{\"transition\":\"REVOKE\",\"reason\":\"security grounds\",\"expectedVersion\":5}", "vetting1", PW).status()).isEqualTo(200);
        browser.findElement(By.id("refresh")).click();
        wait.until(d -> browser.findElement(By.id("revocations-state")).getText().startsWith("number ")
                && ((Number) js.executeScript("return JSON.parse(localStorage.getItem('legion.border.revocations.highest'))"))
                .longValue() > before);
        String stored = (String) js.executeScript("return JSON.parse(localStorage.getItem('legion.border.revocations')).text");
        assertThat(stored).isEqualTo(http.get("/api/v1/authorizations/revocations", null, null).body());

        // A list older than one already seen is refused and the stored one kept.
        js.executeScript("localStorage.setItem('legion.border.revocations.highest', '999999')");
        browser.findElement(By.id("refresh")).click();
        wait.until(d -> d.findElement(By.id("problem")).getText().contains("older than the stored one"));
        assertThat((String) js.executeScript("return JSON.parse(localStorage.getItem('legion.border.revocations')).text"))
                .isEqualTo(stored);
        js.executeScript("localStorage.removeItem('legion.border.revocations.highest')");

        // Network off: the proxy, the browser's only way to the server, is cut (for the service worker), and the
        // page is told it is offline (navigator.onLine). The session cookie goes too: anything that still reached
        // the server would now get the sign-in page, so the page below can only come from the worker's cache.
        proxy.cut();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        offline.setLatency(Duration.ZERO);
        ((HasNetworkConditions) browser).setNetworkConditions(offline);
        browser.manage().deleteAllCookies();
        browser.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-loaded")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Verify a travel authorization offline");
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("offline");
        assertThat(browser.findElement(By.id("problem")).getText()).contains("could not be reached");
        Object reached = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/authorizations/revocations').then(function () { done('reached'); },"
                        + " function () { done('unreachable'); });");
        assertThat(reached).isEqualTo("unreachable");

        verify("Shehyni", valid);
        assertThat(status()).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("field-name")).getText()).isEqualTo("KOVALENKO, OLENA");
        assertThat(browser.findElement(By.id("field-numberOfEntries")).getText()).isEqualTo("1");
        shot("offline-valid");

        byte[] bytes = HexFormat.of().parseHex(valid);
        for (int i : new int[] {bytes.length - 10, 20, 3}) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            verify("Shehyni", HexFormat.of().formatHex(tampered));
            assertThat(status()).as("byte " + i).isNotEqualTo("VALID");
            assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("NOT VALID: ");
        }
        byte[] notASeal = bytes.clone();
        notASeal[0] = (byte) 0xDD;
        verify("Shehyni", HexFormat.of().formatHex(notASeal));
        assertThat(status()).isEqualTo("MALFORMED");
        assertThat(browser.findElement(By.id("detail")).getText()).isEqualTo("not a seal: magic constant 0xDC missing");
        byte[] signatureChanged = bytes.clone();
        signatureChanged[bytes.length - 1] ^= 0x40;
        verify("Shehyni", HexFormat.of().formatHex(signatureChanged));
        assertThat(status()).isEqualTo("BAD_SIGNATURE");

        verify("Krakovets", revoked);
        assertThat(status()).isEqualTo("REVOKED");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("NOT VALID: revoked");
        assertThat(browser.findElement(By.id("field-name")).getText()).isEqualTo("REVOKEDSON, IVAN");
        shot("offline-revoked");

        verify("Krakovets", "DC03 not hex");
        assertThat(browser.findElement(By.id("problem")).getText()).contains("No seal could be read");

        // The browser's verdict on every single-bit change of the seal is the server's, word for word.
        @SuppressWarnings("unchecked")
        List<String> inBrowser = (List<String>) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var api = window.legionBorderOffline;
                var keys = JSON.parse(localStorage.getItem('legion.border.keys')).keys;
                var list = api.parseList(JSON.parse(localStorage.getItem('legion.border.revocations')).text);
                var bytes = Uint8Array.from(arguments[0].match(/../g).map(function (h) { return parseInt(h, 16); }));
                (async function () {
                  var out = [];
                  for (var i = 0; i < bytes.length; i++) {
                    var t = bytes.slice();
                    t[i] ^= 1;
                    var r = await api.verify(t, keys, list, new Date());
                    out.push(r.status + ': ' + r.detail);
                  }
                  done(out);
                }()).catch(function (e) { done(['error ' + e]); });
                """, valid);
        List<String> onServer = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 1;
            var v = authorizations.verify(tampered);
            onServer.add(v.status() + ": " + v.detail());
        }
        assertThat(inBrowser).isEqualTo(onServer).noneMatch(s -> s.startsWith("VALID"));

        // Judged later than its signer certificate lives: EXPIRED; with no stored key for its signer: UNKNOWN_SIGNER.
        assertThat(js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var api = window.legionBorderOffline;
                var keys = JSON.parse(localStorage.getItem('legion.border.keys')).keys;
                var bytes = Uint8Array.from(arguments[0].match(/../g).map(function (h) { return parseInt(h, 16); }));
                Promise.all([api.verify(bytes, keys, null, new Date('2100-01-01T00:00:00Z')),
                  api.verify(bytes, [], null, new Date())]).then(function (r) {
                  done(r[0].status + ' ' + r[0].detail.split(' ').slice(0, 2).join(' ') + ' / ' + r[1].status);
                });
                """, valid)).isEqualTo("EXPIRED signer certificate / UNKNOWN_SIGNER");

        // The shared ICAO conformance vector (a Brainpool seal WebCrypto cannot check) decodes to its expected values.
        String vector = new String(getClass().getResourceAsStream("/vds/vectors.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Matcher hexField = Pattern.compile("\"hex\"\\s*:\\s*\"([0-9A-F]+)\"").matcher(vector);
        assertThat(hexField.find()).isTrue();
        String decoded = (String) js.executeScript("""
                var api = window.legionBorderOffline;
                var bytes = Uint8Array.from(arguments[0].match(/../g).map(function (h) { return parseInt(h, 16); }));
                var seal = api.decodeSeal(bytes);
                var visa = api.decodeVisa(seal.features);
                return [seal.header.signerIdentifier + seal.header.certificateReference, seal.header.issuingCountry,
                  visa.firstLine + '\\n' + visa.secondLine, visa.passportNumber, visa.durationOfStay,
                  String(visa.numberOfEntries), seal.signature.length].join('|');
                """, hexField.group(1));
        assertThat(decoded).isEqualTo("DETS32|UTO|VCD<<DENT<<ARTHUR<PHILIP<<<<<<<<<<<<\n1234567XY7GBR5203116M2005250"
                + "|47110815P|160 days, 0 months, 0 years|undefined|56");

        assertThat(browser.findElement(By.id("queue")).getText()).contains("Shehyni").contains("Krakovets")
                .contains("revoked").doesNotContain("REVOKED").contains("to be recorded");
        String validNumber = (String) js.executeScript("return JSON.parse(localStorage.getItem('legion.border.queue'))"
                + ".filter(function (c) { return c.status === 'VALID'; })[0].number");

        // Back online: the guard signs in again (the cookie went) and the page sends the queue, verified again there.
        proxy.restore();
        ChromiumNetworkConditions online = new ChromiumNetworkConditions();
        online.setOffline(false);
        online.setLatency(Duration.ZERO);
        ((HasNetworkConditions) browser).setNetworkConditions(online);
        signIn("border1");
        browser.get(url("/console/border/offline"));
        wait.until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("sent")).getText()).isEqualTo("7 crossing(s) sent and recorded.");
        assertThat(browser.findElement(By.id("queue")).getText()).isEmpty();
        assertThat(jdbc.sql("select checkpoint || ' ' || result || ' ' || note from border_crossing "
                + "where authorization_number = ?").param(validNumber).query(String.class).single())
                .startsWith("Shehyni VALID verified offline at ").endsWith(" as VALID");
    }

    private void verify(String checkpoint, String hex) {
        WebElement field = browser.findElement(By.id("checkpoint"));
        field.clear();
        field.sendKeys(checkpoint);
        WebElement seal = browser.findElement(By.id("hex"));
        seal.clear();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('result').removeAttribute('data-status');"
                + "arguments[0].value = arguments[1];", seal, hex);
        browser.findElement(By.id("verify")).click();
        if (hex.matches("[0-9a-fA-F\\s]+")) {
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("result")).getAttribute("data-status") != null);
        }
    }

    private String status() {
        return browser.findElement(By.id("result")).getAttribute("data-status");
    }

    private WebDriver openBrowser(int proxyPort) {
        return legion.support.Browsers.open(proxyPort);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void shot(String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Signs in; tries again if the first attempt hangs (the proxy may still be reconnecting after a restore). */
    private void signIn(String user) {
        legion.support.Browsers.signIn(browser, port, user, PW);
    }
}
