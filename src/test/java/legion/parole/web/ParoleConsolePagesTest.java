package legion.parole.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.parole.api.ParoleJourney;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Program 3's console pages as officers use them (signed in with the second factor, forms with CSRF tokens): the
 * facility's queue with the eligible-soon list, the case page with only the signed-in role's actions, the unit and
 * position shown to the unit's supervisor and HQ only, the hand-over board's clock, the analysts' figures.
 */
@LegionIntegrationTest
class ParoleConsolePagesTest {

    static final String PW = "parole-pages-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;
    ParoleJourney j;

    @BeforeEach
    void setUp() {
        j = new ParoleJourney(new Http(port), officers, "pg", PW);
    }

    private ConsoleSession as(String role) {
        return ConsoleSession.login(port, j.name(role), PW);
    }

    @Test
    void theFacilitysQueueListsItsCasesAndWhoBecomesEligibleSoon() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        String now = j.file("Петро Queue", today.plusYears(1));
        String soon = j.file("Степан Soon", today.plusYears(3).plusDays(10));
        ConsoleSession prison = as("prison");
        assertThat(prison.get("/console").location()).endsWith("/console/parole");
        ConsoleSession.Page queue = prison.get("/console/parole?days=30");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(now, "Петро Queue", soon, "id=\"eligible-soon\"");
        String eligibleSoon = queue.body().substring(queue.body().indexOf("id=\"eligible-soon\""));
        assertThat(eligibleSoon).contains(soon).doesNotContain(now);
        // the Legion's pages stay closed to parole roles
        assertThat(prison.get("/console/cases").status()).isEqualTo(403);
    }

    @Test
    void theCasePageOffersOnlyTheSignedInRolesActionsAndTheyWork() {
        String ref = j.to("SCREENED");
        ConsoleSession prison = as("prison");
        ConsoleSession.Page asPrison = prison.get("/console/parole/cases/" + ref);
        assertThat(asPrison.status()).isEqualTo(200);
        assertThat(asPrison.body()).contains("Іван Сірко", "185:2", "Inspector Hnatiuk")
                .contains("id=\"action-WITHDRAW\"").doesNotContain("id=\"action-FIND_FIT\"");
        ConsoleSession medical = as("medical");
        ConsoleSession.Page asMedical = medical.get("/console/parole/cases/" + ref);
        assertThat(asMedical.body()).contains("id=\"action-FIND_FIT\"", "id=\"action-FIND_UNFIT\"")
                .doesNotContain("id=\"action-WITHDRAW\"");
        ConsoleSession.Page done = medical.post("/console/parole/cases/" + ref + "/actions", Map.of(
                "transition", "FIND_FIT", "expectedVersion", "1", "_csrf", asMedical.csrf()));
        assertThat(done.status()).isEqualTo(302);
        assertThat(jdbc.sql("select stage from parole_case where reference = ?").param(ref).query(String.class)
                .single()).isEqualTo("EXAMINED");
        // a role that may not take the edge is refused on the page and nothing changes
        ConsoleSession.Page again = prison.get("/console/parole/cases/" + ref);
        prison.post("/console/parole/cases/" + ref + "/actions", Map.of("transition", "PETITION",
                "_csrf", again.csrf()));
        assertThat(jdbc.sql("select stage from parole_case where reference = ?").param(ref).query(String.class)
                .single()).isEqualTo("EXAMINED");
        // the case is not there for the court in this stage
        assertThat(as("clerk").get("/console/parole/cases/" + ref).status()).isEqualTo(404);
    }

    @Test
    void theUnitAndPositionShowToTheUnitsSupervisorAndHqOnlyOnThePages() {
        String ref = j.to("IN_SERVICE");
        for (String role : new String[] {"supervisor", "admin"}) {
            ConsoleSession.Page page = as(role).get("/console/parole/cases/" + ref);
            assertThat(page.status()).as(role).isEqualTo(200);
            assertThat(page.body()).as(role).contains("id=\"service\"").contains(j.unit).contains("sapper");
        }
        for (String role : new String[] {"prison", "tcc", "prosecutor", "escort", "clerk", "commander", "medical",
                "supervisor-other"}) {
            ConsoleSession.Page page = as(role).get("/console/parole/cases/" + ref);
            assertThat(page.status()).as(role).isIn(200, 404);
            assertThat(page.body()).as(role).doesNotContain(j.unit).doesNotContain("sapper");
        }
        // the supervisor records an absence on the page: the prosecutor's queue shows the referral
        ConsoleSession supervisor = as("supervisor");
        ConsoleSession.Page page = supervisor.get("/console/parole/cases/" + ref);
        assertThat(page.body()).contains("id=\"event-ABSENCE\"", "id=\"event-INJURY\"");
        supervisor.post("/console/parole/cases/" + ref + "/service-events", Map.of("kind", "ABSENCE",
                "occurredOn", LocalDate.now(ZoneId.of("Europe/Kyiv")).toString(), "reason", "not at roll call",
                "_csrf", page.csrf()));
        ConsoleSession.Page referrals = as("prosecutor").get("/console/parole");
        assertThat(referrals.body()).contains("id=\"referrals\"").contains(ref).contains("336-2");
    }

    @Test
    void theHandOverBoardShowsTheTwentyFourHourClock() {
        String ref = j.to("RELEASED");
        ConsoleSession.Page board = as("escort").get("/console/parole/hand-overs");
        assertThat(board.status()).isEqualTo(200);
        String row = board.body().substring(board.body().indexOf(ref));
        assertThat(row).containsPattern("(2[0-4]|1\\d):\\d\\d");
        assertThat(as("supervisor").get("/console/parole/hand-overs").body()).contains(ref);
        assertThat(as("clerk").get("/console/parole/hand-overs").status()).isEqualTo(403);
    }

    @Test
    void analystsSeeFiguresWithSmallCellsSuppressed() {
        j.file("Report One", LocalDate.now().plusYears(1));
        ConsoleSession.Page report = as("analyst").get("/console/parole/reports");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains(j.facility).contains("&lt;5").doesNotContain("Report One");
        // the platform's figure (ADR 0127), as the Legion's: a chart drawn on the server, its table, its CSV
        assertThat(report.body()).contains("src=\"/console/parole/reports/by-facility-and-month.svg\"",
                "class=\"figure-table\"", "href=\"/console/parole/reports/by-facility-and-month.csv\"");
        ConsoleSession.Page svg = as("analyst").get("/console/parole/reports/by-facility-and-month.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg").contains("Applications").doesNotContain("<script");
        ConsoleSession.Page csv = as("analyst").get("/console/parole/reports/by-facility-and-month.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Month and facility,Applications,Eligible,").contains(j.facility)
                .contains("<5").doesNotContain("Report One");
        assertThat(as("analyst").get("/console/parole/reports/no-such-figure.csv").status()).isEqualTo(404);
        assertThat(as("prison").get("/console/parole/reports").status()).isEqualTo(403);
        assertThat(as("prison").get("/console/parole/reports/by-facility-and-month.csv").status()).isEqualTo(403);
    }
}
