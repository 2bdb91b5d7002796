package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import legion.support.ConsoleSession;
import legion.support.LegionProcess;
import legion.support.TestDatabase;

/**
 * Nodes keep no sessions of their own (ADR 0143): two real Legion processes against one PostgreSQL, one browser whose
 * requests land on either node, as behind a load balancer without sticky sessions. An officer signed in on one node
 * works on the other and signs out on it; a volunteer's answers typed on one node are there on the other.
 */
@Tag("integration")
@EnabledIfSystemProperty(named = "legion.test.db", matches = "postgres")
class SessionsAcrossNodesTest {

    static final String PW = "demo-password";

    @TempDir
    Path dir;

    @Test
    void anOfficerAndAVolunteerKeepTheirSessionsOnEitherNode() throws Exception {
        LegionProcess a = start("a");
        LegionProcess b = null;
        try {
            a.awaitServing(Duration.ofSeconds(120));
            b = start("b"); // after a: the first node creates the demo officers
            b.awaitServing(Duration.ofSeconds(120));

            // signed in on a (password and second factor), working on b
            ConsoleSession onA = ConsoleSession.login(a.port(), "embassy-gb", PW);
            ConsoleSession onB = onA.on(b.port());
            ConsoleSession.Page queue = onB.getPage("/console/cases");
            assertThat(queue.status()).as("the console on the other node").isEqualTo(200);
            assertThat(queue.body()).contains("/logout");
            // a form of b's page is accepted by a: the CSRF token lives in the shared session too
            ConsoleSession.Page out = onA.postWithToken("/logout", queue, Map.of());
            assertThat(out.status()).isEqualTo(302);
            assertThat(onB.getPage("/console/cases").location()).as("signed out on a, so on b too").endsWith("/login");

            // a volunteer answers the first page on a and finds the answers on b
            ConsoleSession volunteer = ConsoleSession.anonymous(a.port());
            ConsoleSession.Page name = volunteer.get("/apply/name");
            ConsoleSession.Page next = volunteer.postWithToken("/apply/name", name,
                    Map.of("givenNames", "Oksana", "surname", "Nodewalker"));
            assertThat(next.status()).isEqualTo(302);
            ConsoleSession.Page again = volunteer.on(b.port()).get("/apply/name");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).contains("value=\"Oksana\"").contains("value=\"Nodewalker\"");
        } finally {
            a.stop();
            if (b != null) {
                b.stop();
            }
        }
    }

    private LegionProcess start(String name) throws Exception {
        return LegionProcess.start(dir.resolve(name), LegionProcess.freePort(), "384m", LegionProcess.demoOfficersAnd(
                "--spring.datasource.url=" + TestDatabase.postgresUrl()));
    }
}
