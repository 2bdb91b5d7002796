package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.ConsoleSession;
import legion.support.LegionIntegrationTest;

/**
 * Through the real server: an unknown public address is not found in the portal's layout (never a redirect to the
 * officers' sign-in); an error inside the console, for a signed-in officer, stays in the console's layout.
 */
@LegionIntegrationTest
class ErrorPageLayoutTest {

    @LocalServerPort
    int port;

    @Test
    void unknownPublicAddressesAnswer404InThePortalsLayout() {
        ConsoleSession visitor = ConsoleSession.anonymous(port);
        for (String path : new String[] {"/no-such-page", "/apply/no-such-step", "/status/no-such-page"}) {
            var page = visitor.getPage(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.location()).as(path).isNull();
            assertThat(page.body()).as(path).contains("Page not found").contains("href=\"/status\"")
                    .contains("hreflang=\"es\"").doesNotContain("Sign out")
                    .doesNotContain("LEGION_SESSION="); // no session id in a link, even on a client's first page
        }
    }

    @Test
    void errorsInsideTheConsoleStayInTheConsolesLayout() {
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", "demo-password");
        var page = officer.getPage("/console/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("Sign out").contains("href=\"/console\"")
                .doesNotContain("Go to the start page");
        // a page of another role, refused before any controller (the container's error page), in the console's too
        var refused = officer.getPage("/console/admin/officers");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Sign out").doesNotContain("Go to the start page");
        // the same officer on a public address sees the portal's
        assertThat(officer.getPage("/no-such-page").body()).contains("href=\"/status\"").doesNotContain("Sign out");
    }
}
