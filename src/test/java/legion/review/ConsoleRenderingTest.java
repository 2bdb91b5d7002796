package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** What volunteers type is shown to officers as text, never as markup; the console speaks the officer's language. */
@LegionIntegrationTest
class ConsoleRenderingTest {

    @LocalServerPort
    int port;

    @Test
    void rendersHtmlMetacharactersEscaped() {
        String given = "<img src=x onerror=alert(1)>";
        String surname = "<script>alert(\"x\")</script> & 'quoted'";
        var body0 = Applications.valid(given, surname, "GB");
        body0.put("nationality", "MT"); // a nationality no other test uses, so the filtered queue shows this case
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(body0)).json().get("reference").stringValue();
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", "demo-password");
        for (String page : new String[] {"/console/cases/" + ref, "/console/cases?nationality=MT&limit=200"}) {
            String body = officer.get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
            assertThat(body).as(page).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;");
        }
    }

    /** Every console page has all its texts in Ukrainian: no key without a text (Thymeleaf shows ??key_uk??). */
    @Test
    void consolePagesReadInUkrainian() {
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid("Ivan", "Franko", "GB")))
                .json().get("reference").stringValue();
        String[][] pages = {
            {"embassy-gb", "/console/cases", "/console/cases/" + ref},
            {"vetting1", "/console/cases/" + ref, "/console/reports"},
            {"admin", "/console/admin", "/console/admin/eligibility", "/console/admin/advisories?country=LV", "/console/admin/keys"},
            {"border1", "/console/border", "/console/border/offline"},
        };
        for (String[] officer : pages) {
            ConsoleSession session = ConsoleSession.login(port, officer[0], "demo-password");
            for (int i = 1; i < officer.length; i++) {
                String page = officer[i] + (officer[i].contains("?") ? "&" : "?") + "lang=uk";
                var shown = session.get(page);
                assertThat(shown.status()).as(page).isEqualTo(200);
                assertThat(shown.body()).as(page).doesNotContain("??").contains("Вийти");
            }
        }
        assertThat(ConsoleSession.anonymous(port).get("/login?lang=uk").body()).doesNotContain("??").contains("Увійти");
    }

    @Test
    void sendsStrictSecurityHeaders() {
        var page = new Http(port).get("/", null, null);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
