package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Queues page with keyset cursors and keep their filters; administrators change routing. */
@LegionIntegrationTest
class QueueAndRoutingTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Test
    void pagesThroughAQueueWithoutGapsOrRepeats() {
        Http http = new Http(port);
        Set<String> submitted = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            submitted.add(http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Ola", "Nordmann", "NO")))
                    .json().get("reference").stringValue());
        }
        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonNode page = http.get("/api/v1/cases?embassy=NO&stage=SUBMITTED&limit=3&after=" + after, "vetting1", PW).json();
            page.get("cases").forEach(c -> {
                seen.add(c.get("reference").stringValue());
                assertThat(c.get("embassy").stringValue()).isEqualTo("NO");
                assertThat(c.get("status").stringValue()).isEqualTo("SUBMITTED");
            });
            after = page.get("next").isNull() ? null : page.get("next").stringValue();
            pages++;
        } while (after != null && pages < 100);
        assertThat(seen).doesNotHaveDuplicates().containsAll(submitted);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theConsoleQueueKeepsItsFiltersInTheUrl() {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Jan", "Kowalski", "PL")))
                .json().get("reference").stringValue();
        ConsoleSession officer = ConsoleSession.login(port, "embassy-pl", PW);
        String page = officer.get("/console/cases?stage=SUBMITTED&nationality=PL&limit=1").body();
        assertThat(page).contains("LGN-");
        if (page.contains("rel=\"next\"")) {
            assertThat(page).contains("stage=SUBMITTED").contains("nationality=PL");
        }
        assertThat(officer.get("/console/cases?stage=ENLISTED&nationality=PL").body()).doesNotContain(ref);
        assertThat(officer.get("/console/cases?stage=SUBMITTED&nationality=PL&limit=200").body()).contains(ref);
    }

    @Test
    void anAdministratorReroutesACountry() {
        Http http = new Http(port);
        var before = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Ana", "Ionescu", "RO"))).json();
        assertThat(before.get("embassy").get("code").stringValue()).isEqualTo("HQ");

        ConsoleSession admin = ConsoleSession.login(port, "admin", PW);
        var page = admin.get("/console/admin");
        assertThat(page.status()).isEqualTo(200);
        var changed = admin.postWithToken("/console/admin/routes", page, Map.of("country", "RO", "embassy", "PL"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(admin.get("/console/admin").body()).contains("Routing changed.");
        admin.postWithToken("/console/admin/routes", page, Map.of("country", "RO", "embassy", "NOPE"));
        assertThat(admin.get("/console/admin").body()).contains("there is no such embassy");
        admin.postWithToken("/console/admin/routes", page, Map.of("country", "Q9", "embassy", "PL"));
        assertThat(admin.get("/console/admin").body()).contains("not a known country code");

        var after = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Ana", "Ionescu", "RO"))).json();
        assertThat(after.get("embassy").get("code").stringValue()).isEqualTo("PL");
        // the earlier case stays where it was routed
        assertThat(http.get("/api/v1/enlistments/" + before.get("reference").stringValue(), "vetting1", PW).json()
                .get("embassy").stringValue()).isEqualTo("HQ");
    }

    @Test
    void onlyAdministratorsReachAdministration() {
        ConsoleSession officer = ConsoleSession.login(port, "embassy-pl", PW);
        assertThat(officer.get("/console/admin").status()).isEqualTo(403);
        var page = officer.get("/console/cases");
        assertThat(officer.postWithToken("/console/admin/routes", page, Map.of("country", "RO", "embassy", "US")).status())
                .isEqualTo(403);
        assertThat(ConsoleSession.login(port, "analyst1", PW).get("/console/reports").status()).isEqualTo(200);
        assertThat(officer.get("/console/reports").status()).isEqualTo(403);
    }

    @Test
    void analystsSeeCountsButNoNamesOrReferences() throws InterruptedException {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Unique", "Zyxwvutsrq", "LT")))
                .json().get("reference").stringValue();
        ConsoleSession analyst = ConsoleSession.login(port, "analyst1", PW);
        // the counts come from reporting's read model, fed by the events after commit
        legion.support.Eventually.equalTo(true, java.time.Duration.ofSeconds(10),
                () -> analyst.get("/console/reports").body().contains("<td>Submitted</td>"));
        String body = analyst.get("/console/reports").body();
        assertThat(body).doesNotContain("Zyxwvutsrq").doesNotContain(ref);
        // stages and roles under their names, not as enum constants
        assertThat(body).contains("<td>Submitted</td>").contains("<td>Infantry</td>")
                .doesNotContain(">SUBMITTED<").doesNotContain(">INFANTRY<");
        String inUkrainian = analyst.get("/console/reports?lang=uk").body();
        assertThat(inUkrainian).contains("<td>Подано</td>").contains("<td>Піхота</td>").doesNotContain("<td>Submitted</td>");
        assertThat(http.get("/api/v1/cases", "analyst1", PW).status()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void flagsCasesOverTheServiceLevel() {
        Http http = new Http(port);
        var body = Applications.valid("Late", "Case", "GB");
        body.put("nationality", "SM");
        String late = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        body.put("nationality", "SM");
        String fresh = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        jdbc.sql("update enlistment set stage_since = ? where reference = ?")
                .params(java.time.OffsetDateTime.now().minusDays(3), late).update();
        String page = ConsoleSession.login(port, "embassy-gb", PW).get("/console/cases?nationality=SM&limit=200").body();
        String lateRow = page.substring(page.indexOf(late), page.indexOf("</tr>", page.indexOf(late)));
        String freshRow = page.substring(page.indexOf(fresh), page.indexOf("</tr>", page.indexOf(fresh)));
        assertThat(lateRow).contains("over service level");
        assertThat(freshRow).doesNotContain("over service level");
    }

    @Test
    void aReceptionOfficerAskingForStagesOutsideTheirScopeGetsNothing() {
        new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid()));
        var outside = new Http(port).get("/api/v1/cases?stage=SUBMITTED&limit=200", "reception1", PW).json();
        assertThat(outside.get("cases").size()).isZero();
        var mixed = new Http(port).get("/api/v1/cases?stage=SUBMITTED&stage=AUTHORIZED&limit=200", "reception1", PW).json();
        mixed.get("cases").forEach(c -> assertThat(c.get("status").stringValue()).isEqualTo("AUTHORIZED"));
    }
}
