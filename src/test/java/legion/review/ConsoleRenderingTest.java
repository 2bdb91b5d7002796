package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** What volunteers type is shown to officers as text, never as markup. */
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

    @Test
    void sendsStrictSecurityHeaders() {
        var page = new Http(port).get("/", null, null);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
