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

    /**
     * The eligible-soon section in pages of {@code soonLimit} (keyset on eligible-from and id, as the REST list): each
     * next link keeps the filters in its URL, the second page continues where the first ended (two convicts eligible
     * the same day split across the boundary), and the pages together are the whole list, nothing lost or repeated.
     */
    @Test
    void theEligibleSoonSectionPagesOnWithItsFiltersInTheNextLinkNothingLostOrRepeated() {
        ParoleJourney own = new ParoleJourney(new Http(port), officers, "pgsoon", PW);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        java.util.List<String> filed = new java.util.ArrayList<>();
        for (int k : new int[] {5, 2, 3, 3, 7, 1, 6}) {   // 3 twice: a tie broken by the case id
            filed.add(own.file("Soon " + k, today.plusYears(3).plusDays(k)));
        }
        Http.Response all = new Http(port).get("/api/v1/parole/eligible-soon?days=30", own.name("prison"), PW);
        assertThat(all.status()).isEqualTo(200);
        java.util.List<String> whole = new java.util.ArrayList<>();
        all.json().get("convicts").forEach(i -> whole.add(i.get("reference").stringValue()));
        assertThat(whole).containsAll(filed).hasSizeGreaterThanOrEqualTo(7);

        ConsoleSession prison = ConsoleSession.login(port, own.name("prison"), PW);
        java.util.List<String> paged = new java.util.ArrayList<>();
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        String url = "/console/parole?stage=APPLIED&days=30&soonLimit=3";
        for (int guard = 0; url != null && guard < 10; guard++) {
            ConsoleSession.Page page = prison.get(url);
            assertThat(page.status()).as(url).isEqualTo(200);
            String section = page.body().substring(page.body().indexOf("id=\"eligible-soon\""));
            section = section.substring(0, section.indexOf("</section>"));
            java.util.regex.Matcher ref = java.util.regex.Pattern.compile("/console/parole/cases/(PRL-[0-9A-Z-]+)\"")
                    .matcher(section);
            int before = paged.size();
            while (ref.find()) {
                paged.add(ref.group(1));
            }
            sizes.add(paged.size() - before);
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"")
                    .matcher(section);
            url = next.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(next.group(1)) : null;
            if (url != null) {
                assertThat(url).startsWith("/console/parole?").contains("stage=APPLIED", "days=30", "soonLimit=3",
                        "soonAfter=").endsWith("#eligible-soon");
                url = url.substring(0, url.indexOf('#'));
            }
        }
        assertThat(sizes.get(0)).isEqualTo(3);
        assertThat(sizes.get(1)).isEqualTo(3);
        assertThat(sizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(whole);
        // a position that is not one is refused, not read as the start
        assertThat(prison.get("/console/parole?days=30&soonAfter=nonsense").status()).isEqualTo(422);
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
